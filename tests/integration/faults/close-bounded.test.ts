/**
 * Closing finishes whatever is still holding on (the known defect of database-unreachable.test.ts:
 * after the database was away, `runtime.close()` sometimes never finished). Its cause: drizzle's
 * transaction checks a client out and sends `begin` outside its try/finally, so a connection
 * terminated just then was never given back, and `pool.end()` waits for every client. Here each
 * way of holding on is made to happen on purpose: a client checked out and never released, a
 * checked-out client whose backend is terminated, and a job that never ends. Each bound below
 * only detects a hang; it is not a speed requirement.
 */
import { sql } from 'drizzle-orm';
import { Client, type Pool, type PoolClient } from 'pg';
import { openDatabase, type Database } from '../../../src/db/client';
import { eventually, startTestApp } from '../../helpers/app';
import { createTestDatabase, POSTGRES_ADMIN_URL, testDatabases } from '../../helpers/databases';
import { openWidgetSession, widgetSend } from '../../helpers/widget';

const HANG_BOUND_MS = 30_000;
const pgOnly = testDatabases().includes('postgres') ? describe : describe.skip;

/** True when `p` settles within the bound (a hang otherwise). */
async function finishes(p: Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const done = await Promise.race([p.then(() => true), new Promise<false>((r) => (timer = setTimeout(() => r(false), HANG_BOUND_MS)))]);
  clearTimeout(timer);
  return done;
}

pgOnly('closing the Postgres pool is bounded', () => {
  let database: Database;
  let drop: () => Promise<void>;
  let pool: Pool;

  beforeEach(async () => {
    const created = await createTestDatabase();
    drop = created.drop;
    database = await openDatabase({ databaseUrl: created.url, dataDir: 'memory://' });
    pool = (database.db as unknown as { $client: Pool }).$client;
  });
  afterEach(async () => {
    await drop?.();
  });

  test('a client checked out and never given back does not keep close() waiting', async () => {
    await database.db.execute(sql`select 1`);
    await pool.connect(); // as drizzle's transaction does when its `begin` fails: never released
    expect(await finishes(database.close())).toBe(true);
  }, 60_000);

  test('a checked-out client whose backend is terminated leaves the pool, and close() finishes', async () => {
    const client: PoolClient = await pool.connect();
    const pid = (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0].pid;
    const ended = new Promise<void>((r) => client.once('end', () => r()));
    const admin = new Client({ connectionString: POSTGRES_ADMIN_URL });
    await admin.connect();
    await admin.query('select pg_terminate_backend($1)', [pid]);
    await admin.end();
    await ended;
    // no client checked out any more: the terminated one left the pool (an idle one left over
    // from the migrations may still be there until its idle timeout, 10 s — CI once caught that)
    await eventually(async () => pool.totalCount - pool.idleCount === 0, 10_000, 20);
    client.release(); // the holder's own release afterwards is harmless
    expect(await finishes(database.close())).toBe(true);
  }, 60_000);
});

describe.each(testDatabases())('closing the app with a job that never ends (%s)', (db) => {
  test('the workers get their grace, then close without waiting for it', async () => {
    const STUCK = 'この相談の読み取りは終わりません';
    let started = false;
    const app = await startTestApp({
      db,
      withSweeper: false,
      env: { SHUTDOWN_GRACE_SECONDS: '1' },
      wrapTriage: (pool) => ({
        ...pool,
        analyse: (text, opts) => {
          if (text !== STUCK) return pool.analyse(text, opts);
          started = true;
          return new Promise(() => {}); // a call that never returns
        },
      }),
    });
    let closed = false;
    try {
      const session = await openWidgetSession(app.url);
      await widgetSend(app.url, session, STUCK);
      await eventually(async () => started);
      closed = await finishes(app.close());
      expect(closed).toBe(true);
    } finally {
      if (!closed) void app.close();
    }
  }, 90_000);
});
