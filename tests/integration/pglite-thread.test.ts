/**
 * The embedded database runs in a thread of its own (src/db/pglite-in-thread.ts): what drizzle and
 * the rest of the code rely on must hold across the thread — results, transactions that commit
 * or roll back, SQLSTATE codes on errors (src/db/transient.ts reads them) — and a long statement
 * must no longer hold up the thread that answers webhooks.
 */
import { sql } from 'drizzle-orm';
import { openDatabase, rowsOf, type Database } from '../../src/db/client';
import { createDataDir, PGliteInThread } from '../../src/db/pglite-in-thread';
import { aheadOfOtherWork, DbTurn } from '../../src/db/ahead';
import { conversations } from '../../src/db/schema';
import { isTransientDbError } from '../../src/db/transient';
import { errorChain } from '../../src/errors-for-log';

let database: Database;
beforeAll(async () => {
  database = await openDatabase({ dataDir: 'memory://' });
  await database.db.execute(sql`create table bridge_probe (id int primary key, note text, at timestamptz default now(), tags jsonb)`);
});
afterAll(() => database?.close());

const codeOf = (err: unknown) => [...errorChain(err)].find((e) => typeof e.code === 'string')?.code;

test('rows come back as drizzle reads them: numbers, json, timestamps left as text', async () => {
  await database.db.execute(sql`insert into bridge_probe (id, note, tags) values (1, 'ひとつめ', '["a", 2]')`);
  const [row] = await rowsOf<{ id: number; note: string; at: unknown; tags: unknown }>(database.db, sql`select * from bridge_probe where id = 1`);
  expect(row).toMatchObject({ id: 1, note: 'ひとつめ', tags: ['a', 2] });
  // drizzle asks for timestamps as Postgres's text and parses them itself
  expect(typeof row.at).toBe('string');
  const list = await database.db.select({ id: conversations.id, createdAt: conversations.createdAt }).from(conversations).limit(1);
  expect(list).toEqual([]);
});

test('a transaction commits what its callback wrote', async () => {
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`insert into bridge_probe (id, note) values (2, 'two')`);
    await tx.execute(sql`update bridge_probe set note = 'two, updated' where id = 2`);
  });
  const rows = await rowsOf<{ note: string }>(database.db, sql`select note from bridge_probe where id = 2`);
  expect(rows).toEqual([{ note: 'two, updated' }]);
});

test('a transaction whose callback throws leaves nothing behind, and the error reaches the caller', async () => {
  await expect(
    database.db.transaction(async (tx) => {
      await tx.execute(sql`insert into bridge_probe (id, note) values (3, 'three')`);
      throw new Error('stop here');
    }),
  ).rejects.toThrow('stop here');
  expect(await rowsOf(database.db, sql`select id from bridge_probe where id = 3`)).toEqual([]);
  // the database is free again: the next statement runs
  expect(await rowsOf(database.db, sql`select 1 as one`)).toEqual([{ one: 1 }]);
});

test("a statement's error keeps its SQLSTATE across the thread, and a failed transaction rolls back", async () => {
  const duplicate = await database.db.execute(sql`insert into bridge_probe (id) values (1)`).catch((e: unknown) => e);
  expect(codeOf(duplicate)).toBe('23505');
  const insideTx = await database.db
    .transaction(async (tx) => {
      await tx.execute(sql`insert into bridge_probe (id, note) values (4, 'four')`);
      await tx.execute(sql`insert into bridge_probe (id) values (1)`);
    })
    .catch((e: unknown) => e);
  expect(codeOf(insideTx)).toBe('23505');
  expect(isTransientDbError(insideTx)).toBe(false);
  expect(await rowsOf(database.db, sql`select id from bridge_probe where id = 4`)).toEqual([]);
});

test('transactions started together run one after the other, each seeing the last one’s write', async () => {
  await database.db.execute(sql`insert into bridge_probe (id, note) values (10, '0')`);
  await Promise.all(
    Array.from({ length: 20 }, () =>
      database.db.transaction(async (tx) => {
        const [{ note }] = await rowsOf<{ note: string }>(tx, sql`select note from bridge_probe where id = 10`);
        await tx.execute(sql`update bridge_probe set note = ${String(Number(note) + 1)} where id = 10`);
      }),
    ),
  );
  expect(await rowsOf(database.db, sql`select note from bridge_probe where id = 10`)).toEqual([{ note: '20' }]);
});

test('storing a message goes ahead of work that waited longer at the embedded database', async () => {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  let begun!: () => void;
  const holding = new Promise<void>((r) => (begun = r));
  // one transaction holds the database…
  const holder = database.db.transaction(async (tx) => {
    await tx.execute(sql`select 1`);
    begun();
    await held;
  });
  await holding;
  const order: string[] = [];
  // …while a worker's transaction and statement queue up, and then a message is stored
  const waiting = [
    database.db.transaction(async (tx) => void (await tx.execute(sql`select 2`))).then(() => order.push('worker transaction')),
    database.db.execute(sql`select 3`).then(() => order.push('worker statement')),
  ];
  await new Promise((r) => setTimeout(r, 50)); // the two are at the gate before the message
  waiting.push(aheadOfOtherWork(DbTurn.inbound, () => database.db.transaction(async (tx) => void (await tx.execute(sql`select 4`)))).then(() => order.push('message')));
  await new Promise((r) => setTimeout(r, 50));
  release();
  await Promise.all([holder, ...waiting]);
  expect(order[0]).toBe('message');
  expect(order.slice(1).sort()).toEqual(['worker statement', 'worker transaction']);
});

test("drizzle's statements run prepared under a name, one name per text, inside transactions too", async () => {
  const held = () => rowsOf<{ statement: string }>(database.db, sql`select statement from pg_prepared_statements where name like 'tsunagu_%'`);
  const probe = (id: number) => database.db.execute(sql`select note from bridge_probe where id = ${id}`);
  for (const id of [1, 2, 3]) await probe(id);
  await database.db.transaction(async (tx) => void (await tx.execute(sql`select note from bridge_probe where id = ${4} for update`)));
  const texts = (await held()).map((s) => s.statement);
  expect(texts.filter((t) => t === 'select note from bridge_probe where id = $1')).toHaveLength(1);
  expect(texts).toContain('select note from bridge_probe where id = $1 for update');
});

test("the thread's upkeep does what autovacuum would: analyses changed tables, vacuums dead rows, leaves quiet ones", async () => {
  const client = (database.db as unknown as { $client: PGliteInThread }).$client;
  await client.upkeep(); // whatever the migrations and earlier tests left
  await database.db.execute(sql`create table upkeep_probe (id int primary key, note text)`);
  await database.db.execute(sql`create table upkeep_quiet (id int primary key)`);
  await database.db.execute(sql`insert into upkeep_probe select g, 'まえ' from generate_series(1, 2000) g`);
  await database.db.execute(sql`insert into upkeep_quiet select g from generate_series(1, 10) g`);
  const first = await client.upkeep();
  // 2,000 new rows are more than 50 + 10 % of a table never analysed; 10 are not
  expect(first.analysed).toContain('upkeep_probe');
  expect(first.analysed).not.toContain('upkeep_quiet');
  expect(first.vacuumed).not.toContain('upkeep_probe');
  const [stats] = await rowsOf<{ reltuples: number }>(database.db, sql`select reltuples from pg_class where relname = 'upkeep_probe'`);
  expect(Number(stats.reltuples)).toBe(2000);

  // every row updated once: 2,000 dead rows, more than 50 + 20 % of the table
  await database.db.execute(sql`update upkeep_probe set note = 'あと'`);
  const second = await client.upkeep();
  expect(second.vacuumed).toContain('upkeep_probe');
  const [after] = await rowsOf<{ dead: number }>(database.db, sql`select n_dead_tup as dead from pg_stat_user_tables where relname = 'upkeep_probe'`);
  expect(Number(after.dead)).toBe(0);
  // nothing changed since: nothing to do
  expect((await client.upkeep()).analysed).not.toContain('upkeep_probe');
});

test("a failing table is reported by the thread's own upkeep round, which goes on with the others", async () => {
  const reports: Array<Array<{ table: string; code: string }> | Error> = [];
  const thread = new PGliteInThread('memory://', undefined, undefined, { everyMs: 200, onFailed: (f) => reports.push(f) });
  try {
    await thread.waitReady;
    // an expression index whose function fails once a switch is set: analysing the table evaluates it
    await thread.query(`create table upkeep_switch (on_ boolean)`);
    await thread.query(`insert into upkeep_switch values (false)`);
    await thread.query(`create function upkeep_boom(int) returns int language plpgsql immutable as $$
      begin if (select on_ from public.upkeep_switch) then raise exception 'upkeep test'; end if; return $1; end $$`);
    await thread.query(`create table upkeep_fails (x int)`);
    await thread.query(`create index on upkeep_fails (upkeep_boom(x))`);
    await thread.query(`insert into upkeep_fails select g from generate_series(1, 200) g`);
    await thread.query(`create table upkeep_fine (x int)`);
    await thread.query(`insert into upkeep_fine select g from generate_series(1, 200) g`);
    await thread.query(`update upkeep_switch set on_ = true`);
    const deadline = Date.now() + 10_000;
    while (reports.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(reports[0]).toEqual([{ table: 'upkeep_fails', code: 'P0001' }]);
    const { rows } = await thread.query(`select relname, last_analyze is not null as analysed from pg_stat_user_tables where relname like 'upkeep_f%' order by relname`);
    expect(rows).toEqual([
      { relname: 'upkeep_fails', analysed: false },
      { relname: 'upkeep_fine', analysed: true },
    ]);
  } finally {
    await thread.close();
  }
});

test('a long statement does not hold up the calling thread', async () => {
  // the main thread stays free while the database works: a 10 ms tick keeps ticking throughout
  let last = Date.now();
  let longestGap = 0;
  const tick = setInterval(() => {
    longestGap = Math.max(longestGap, Date.now() - last);
    last = Date.now();
  }, 10);
  const started = Date.now();
  try {
    await database.db.execute(sql`select count(*) from generate_series(1, 4000000)`);
  } finally {
    clearInterval(tick);
  }
  longestGap = Math.max(longestGap, Date.now() - last); // a tick that never came counts too
  const statementMs = Date.now() - started;
  expect(statementMs).toBeGreaterThan(200); // the statement really was long…
  expect(longestGap).toBeLessThan(statementMs / 4); // …and the ticks did not wait for it
});

test('a parser the thread cannot carry is refused, not silently dropped', async () => {
  const thread = new PGliteInThread('memory://');
  try {
    await thread.waitReady;
    await expect(thread.query('select 1', [], { parsers: { 23: (v: string) => Number(v) * 2 } })).rejects.toThrow(/only leave type 23 as text/);
    expect((await thread.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
  } finally {
    await thread.close();
  }
});

test("the thread starts PGlite with the memory for pages it is given (PGLITE_SHARED_BUFFERS), or PGlite's default", async () => {
  for (const [given, shown] of [['16MB', '16MB'], [undefined, '128MB']] as const) {
    const thread = new PGliteInThread('memory://', undefined, given);
    await thread.waitReady;
    expect((await thread.query('show shared_buffers')).rows).toEqual([{ shared_buffers: shown }]);
    await thread.close();
  }
});

test('after close, a statement fails with a clear error instead of waiting forever', async () => {
  const thread = new PGliteInThread('memory://');
  await thread.waitReady;
  await thread.close();
  await expect(thread.query('select 1')).rejects.toThrow(/embedded database thread has stopped/);
});

test('a thread that ends without being closed is reported once, and statements fail instead of waiting', async () => {
  const stopped: Error[] = [];
  const thread = new PGliteInThread('memory://', (err) => stopped.push(err));
  await thread.waitReady;
  const inFlight = thread.query('select count(*) from generate_series(1, 3000000)');
  await (thread as unknown as { worker: import('node:worker_threads').Worker }).worker.terminate();
  await expect(inFlight).rejects.toThrow(/embedded database thread has stopped/);
  await expect(thread.query('select 1')).rejects.toThrow(/embedded database thread has stopped/);
  await thread.close();
  expect(stopped).toHaveLength(1);
});

test('a database left open does not keep a finished process alive, and a late statement still runs', async () => {
  const { execFile } = await import('node:child_process');
  const script = require.resolve('../fixtures/left-open-database.ts');
  const tsx = require.resolve('tsx/cli');
  const out = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
    const child = execFile(process.execPath, [tsx, script], { timeout: 45_000 }, (err, stdout) => resolve({ code: err ? (child.exitCode ?? -1) : 0, stdout }));
  });
  expect(out).toEqual({ code: 0, stdout: '[{"two":2}]\n' });
}, 60_000);

test('a new data directory gets its database from a thread that then ends; opening it is as before, and what was stored stays', async () => {
  const fs = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tsunagu-new-data-')), 'data');
  try {
    await createDataDir(dir);
    expect(fs.existsSync(path.join(dir, 'PG_VERSION'))).toBe(true);
    const first = await openDatabase({ dataDir: dir });
    await first.db.execute(sql`create table kept_probe (note text)`);
    await first.db.execute(sql`insert into kept_probe values ('のこる')`);
    await first.close();
    // a directory holding a database is opened as it is
    await createDataDir(dir);
    const again = await openDatabase({ dataDir: dir });
    expect(await rowsOf(again.db, sql`select note from kept_probe`)).toEqual([{ note: 'のこる' }]);
    await again.close();
  } finally {
    fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  }
}, 60_000);
