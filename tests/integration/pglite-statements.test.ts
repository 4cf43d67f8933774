/**
 * The embedded database's statements run prepared under a name (src/db/pglite-statements.ts) so
 * Postgres keeps their plans: results and errors as PGlite's own `query` gives them, names that
 * outlast rolled-back transactions, and a bounded number of them in the session.
 */
import { PGlite } from '@electric-sql/pglite';
import { PGliteStatements } from '../../src/db/pglite-statements';

let pg: PGlite;
beforeAll(async () => {
  pg = new PGlite('memory://');
  await pg.exec(`
    create table probe (id int primary key, note text, tags jsonb, at timestamptz, ids uuid[]);
    insert into probe (id, note) select g, 'note ' || g from generate_series(1, 5000) g;
    analyze probe;`);
});
afterAll(() => pg?.close());

/** What the session holds, read past the statements under test (PGlite's own unnamed query). */
async function sessionStatements(): Promise<Array<{ name: string; statement: string; generic_plans: number; custom_plans: number }>> {
  const { rows } = await pg.query<{ name: string; statement: string; generic_plans: number; custom_plans: number }>(
    `select name, statement, generic_plans::int, custom_plans::int from pg_prepared_statements where name like 'tsunagu_%' order by name`,
  );
  return rows;
}

const byId = 'select id, note from probe where id = $1';

test('a statement run again keeps its name, and Postgres switches to a kept (generic) plan', async () => {
  const statements = new PGliteStatements(pg);
  for (let id = 1; id <= 8; id++) {
    const result = await statements.query(byId, [id], { rowMode: 'object' }, false);
    expect(result.rows).toEqual([{ id, note: `note ${id}` }]);
  }
  const held = (await sessionStatements()).filter((s) => s.statement === byId);
  expect(held).toHaveLength(1);
  // plan_cache_mode auto: five custom plans, then the generic one is kept
  expect(held[0].custom_plans).toBe(5);
  expect(held[0].generic_plans).toBe(3);
});

test('results read as PGlite reads them: rows as arrays or objects, json, timestamps, arrays, nulls, affected rows', async () => {
  const statements = new PGliteStatements(pg);
  const insert = 'insert into probe (id, note, tags, at, ids) values ($1, $2, $3, $4, $5)';
  const ids = ['7b0c1c55-1d1f-4c47-9d4e-5d6f2f3c2b10'];
  const at = new Date('2026-12-07T02:00:00Z');
  const inserted = await statements.query(insert, [9001, null, { kind: ['相談', 1] }, at, ids], {}, false);
  expect(inserted.affectedRows).toBe(1);
  const select = 'select id, note, tags, at, ids from probe where id = $1';
  const mine = await statements.query(select, [9001], { rowMode: 'array' }, false);
  const theirs = await pg.query(select, [9001], { rowMode: 'array' });
  expect(mine.rows).toEqual(theirs.rows);
  expect(mine.rows).toEqual([[9001, null, { kind: ['相談', 1] }, at, ids]]);
  expect(mine.fields.map((f) => f.name)).toEqual(['id', 'note', 'tags', 'at', 'ids']);
  // drizzle's parsers leave a type as text
  const asText = await statements.query(select, [9001], { rowMode: 'object', parsers: { 1184: (v: string) => v } }, false);
  expect(typeof (asText.rows[0] as { at: unknown }).at).toBe('string');
  const removed = await statements.query('delete from probe where id = $1', [9001], {}, false);
  expect(removed.affectedRows).toBe(1);
});

test('a name outlasts a rolled-back transaction and a failed statement in it', async () => {
  const statements = new PGliteStatements(pg);
  const insert = 'insert into probe (id, note) values ($1, $2) returning id';
  await pg.transaction(async (tx) => {
    expect((await statements.query(insert, [9101, 'a'], { rowMode: 'object' }, true)).rows).toEqual([{ id: 9101 }]);
    const duplicate = await statements.query(insert, [9101, 'b'], {}, true).catch((e: unknown) => e);
    expect(duplicate).toMatchObject({ code: '23505', query: insert });
    await tx.rollback();
  });
  const before = await sessionStatements();
  // the name prepared inside the rolled-back transaction still runs, and nothing of it was kept
  expect((await statements.query(insert, [9101, 'c'], { rowMode: 'object' }, false)).rows).toEqual([{ id: 9101 }]);
  expect((await pg.query('select note from probe where id = 9101')).rows).toEqual([{ note: 'c' }]);
  expect(await sessionStatements()).toEqual(before.map((s) => (s.statement === insert ? { ...s, custom_plans: s.custom_plans + 1 } : s)));
  await pg.query('delete from probe where id = 9101');
});

test('a statement Postgres cannot parse fails with its SQLSTATE and leaves no name behind', async () => {
  const statements = new PGliteStatements(pg);
  const before = await sessionStatements();
  const err = await statements.query('selec 1', [], {}, false).catch((e: unknown) => e);
  expect(err).toMatchObject({ code: '42601', query: 'selec 1' });
  expect(await sessionStatements()).toEqual(before);
  // the session goes on
  expect((await statements.query('select 1 as one', [], { rowMode: 'object' }, false)).rows).toEqual([{ one: 1 }]);
});

test('only the most recently used statements keep their names: the oldest is closed for a new one', async () => {
  const statements = new PGliteStatements(pg, 3);
  const texts = [1, 2, 3, 4, 5].map((n) => `select ${n} + $1::int as n`);
  for (const text of texts) await statements.query(text, [0], {}, false);
  await statements.query(texts[2], [0], {}, false); // used again: now the newest
  await statements.query('select 6 + $1::int as n', [0], {}, false);
  const mine = (await sessionStatements()).filter((s) => s.statement.endsWith('$1::int as n')).map((s) => s.statement);
  expect(mine.sort()).toEqual([texts[2], texts[4], 'select 6 + $1::int as n'].sort());
  // a closed one is prepared again when it comes back
  expect((await statements.query(texts[0], [10], { rowMode: 'object' }, false)).rows).toEqual([{ n: 11 }]);
});

test('a statement whose result changed shape fails once, then is prepared afresh', async () => {
  await pg.exec('create table reshaped (id int primary key); insert into reshaped values (1)');
  const statements = new PGliteStatements(pg);
  const text = 'select * from reshaped where id = $1';
  expect((await statements.query(text, [1], { rowMode: 'object' }, false)).rows).toEqual([{ id: 1 }]);
  await pg.exec(`alter table reshaped add column note text default 'x'`);
  const err = await statements.query(text, [1], {}, false).catch((e: unknown) => e);
  expect(err).toMatchObject({ code: '0A000' });
  expect((await statements.query(text, [1], { rowMode: 'object' }, false)).rows).toEqual([{ id: 1, note: 'x' }]);
  expect((await sessionStatements()).filter((s) => s.statement === text)).toHaveLength(1);
});

test("a transaction's statements sent together run one at a time", async () => {
  const statements = new PGliteStatements(pg);
  const texts = ['select $1::int * 2 as n', 'select $1::int * 3 as n', 'select $1::int * 5 as n'];
  await pg.transaction(async () => {
    const results = await Promise.all(texts.map((text) => statements.query(text, [7], { rowMode: 'object' }, true)));
    expect(results.map((r) => r.rows)).toEqual([[{ n: 14 }], [{ n: 21 }], [{ n: 35 }]]);
  });
});

test('a transaction begins and ends in one trip each: a commit keeps, a rollback undoes, a failed one reports its rollback', async () => {
  const statements = new PGliteStatements(pg);
  const insert = 'insert into probe (id, note) values ($1, $2)';
  const notes = async () => (await pg.query<{ id: number }>('select id from probe where id between 9201 and 9203 order by id')).rows.map((r) => r.id);
  await statements.begin();
  expect(pg.isInTransaction()).toBe(true);
  await statements.query(insert, [9201, 'kept'], {}, true);
  await statements.end(true);
  expect(pg.isInTransaction()).toBe(false);
  await statements.begin();
  await statements.query(insert, [9202, 'undone'], {}, true);
  await statements.end(false);
  expect(await notes()).toEqual([9201]);
  // a statement failed inside: Postgres answers the commit with a rollback, and that is an error
  await statements.begin();
  await statements.query(insert, [9203, 'lost with the transaction'], {}, true);
  await expect(statements.query(insert, [9201, 'duplicate'], {}, true)).rejects.toMatchObject({ code: '23505' });
  await expect(statements.end(true)).rejects.toMatchObject({ code: '25P02' });
  expect(pg.isInTransaction()).toBe(false);
  expect(await notes()).toEqual([9201]);
  await pg.query('delete from probe where id = 9201');
});
