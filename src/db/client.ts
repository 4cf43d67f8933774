/**
 * Opens the database: a Postgres server when DATABASE_URL is set, otherwise PGlite (Postgres in
 * WASM) in DATA_DIR. Both run the same migrations and are used through the same drizzle API.
 */
import { fromRoot } from '../paths';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import * as schema from './schema';
import { lockDataDir } from './embedded-lock';
import { ClosablePool } from './pg-pool';
import { createDataDir, PGliteInThread } from './pglite-in-thread';
import type { UpkeepDone } from './pglite-upkeep';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction or the database itself: commands accept either. */
export type DbOrTx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;

/** Runs a raw query on PGlite or node-postgres (both answer `{ rows }`). */
export async function rowsOf<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Checks the database answers (for /readyz). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

const migrationsFolder = fromRoot('drizzle');
/** How long closing waits for clients still checked out before it releases them with an error. */
const POOL_END_GRACE_MS = 5000;

export interface OpenOptions {
  databaseUrl?: string;
  /** PGlite folder; `memory://` for a throwaway in-memory database (tests). */
  dataDir: string;
  /** PGlite's `shared_buffers` (config.ts PGLITE_SHARED_BUFFERS); Postgres's default when absent. */
  sharedBuffers?: string;
  migrate?: boolean;
  /**
   * Told when Postgres drops an idle pooled connection (server restart, terminated backend).
   * The pool replaces it on next use; without a listener, pg would crash the process.
   */
  onConnectionError?: (err: Error) => void;
  /** Told if the embedded database's thread stops without being closed: every statement fails from then on. */
  onEmbeddedStopped?: (err: Error) => void;
  /** Told when a round of the embedded database's upkeep (./pglite-upkeep.ts) failed, for some tables or whole. */
  onEmbeddedUpkeepFailed?: (failed: UpkeepDone['failed'] | Error) => void;
  /** Told of every statement drizzle sends (counted for metrics; never given the SQL or its parameters). */
  onQuery?: () => void;
}

const queryCounter = (onQuery?: () => void) => (onQuery ? { logQuery: () => onQuery() } : undefined);

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const { drizzle } = await import('drizzle-orm/node-postgres');
    const pool = new ClosablePool({ connectionString: opts.databaseUrl, max: 10 });
    pool.on('error', (err) => opts.onConnectionError?.(err));
    // A connection lost while checked out (a terminated backend mid-transaction) is also emitted
    // as 'error' on the client, where pg-pool listens only while it is idle: without this
    // listener the process would crash. The query in flight rejects with the same error, and its
    // caller decides (src/db/transient.ts retries what is safe to run again).
    pool.on('connect', (client) => client.on('error', () => {}));
    const db = drizzle(pool, { schema, logger: queryCounter(opts.onQuery) }) as unknown as Db;
    if (opts.migrate !== false) {
      const { migrate } = await import('drizzle-orm/node-postgres/migrator');
      // API and workers may start together: an advisory lock lets one migrate at a time.
      const lock = await pool.connect();
      try {
        await lock.query('select pg_advisory_lock(7305201)');
        await migrate(db as never, { migrationsFolder });
      } finally {
        await lock.query('select pg_advisory_unlock(7305201)').catch(() => {});
        lock.release();
      }
    }
    return {
      db,
      kind: 'postgres',
      ping: async () => void (await pool.query('select 1')),
      // in-flight work has had its grace (src/runtime.ts): a client still held now is not coming back
      close: () => pool.endWithin(POOL_END_GRACE_MS),
    };
  }
  const { drizzle } = await import('drizzle-orm/pglite');
  const unlock = opts.dataDir.startsWith('memory://') ? () => {} : lockDataDir(opts.dataDir);
  // PGlite in a thread of its own: its statements run as WASM and would otherwise hold up the
  // thread that answers webhooks (./pglite-in-thread.ts)
  await createDataDir(opts.dataDir, opts.sharedBuffers).catch((e: unknown) => {
    unlock();
    throw e;
  });
  const client = new PGliteInThread(opts.dataDir, (err) => opts.onEmbeddedStopped?.(err), opts.sharedBuffers, { onFailed: opts.onEmbeddedUpkeepFailed });
  try {
    await client.waitReady;
  } catch (e) {
    await client.close();
    unlock();
    throw e;
  }
  const db = drizzle(client as never, { schema, logger: queryCounter(opts.onQuery) }) as unknown as Db;
  if (opts.migrate !== false) {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(db as never, { migrationsFolder });
  }
  return {
    db,
    kind: 'pglite',
    ping: async () => void (await client.query('select 1')),
    close: async () => {
      await client.close();
      unlock();
    },
  };
}
