/**
 * A failed query's text can hold what a person wrote (drizzle puts the parameters into its
 * message). Real errors from a real PGlite query: the HTTP error handler logs only a code and
 * call frames, maps text Postgres cannot store to a 400, and a failed job keeps only a code.
 */
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../../src/db/client';
import { errorHandler } from '../../src/server/middleware/errors';
import { withSafeFailure, JobFailure } from '../../src/queues/safe-failure';
import { createLogger } from '../../src/logger';
import { isTransientDbError } from '../../src/db/transient';

const SECRET = '夫に殴られています';
let database: Database;

beforeAll(async () => {
  database = await openDatabase({ dataDir: 'memory://', migrate: false });
});
afterAll(async () => {
  await database?.close();
});

const failure = (query: ReturnType<typeof sql>) => database.db.execute(query).then(
  () => {
    throw new Error('the query was expected to fail');
  },
  (e: unknown) => e,
);

function handle(err: unknown) {
  const lines: string[] = [];
  const log = createLogger('info', 'test', { write: (l: string) => void lines.push(l) });
  let status = 0;
  let body: any;
  const res = { headersSent: false, status: (s: number) => ((status = s), res), json: (b: unknown) => ((body = b), res) };
  errorHandler(log)(err, { path: '/api/widget/messages' } as never, res as never, () => {});
  return { status, body, log: lines.join('\n') };
}

test('an unexpected database error: 500, and the log has its code and frames, not the parameters', async () => {
  const err = await failure(sql`select ${SECRET}::int`); // invalid_text_representation, parameters in the message
  expect(String((err as Error).message)).toContain(SECRET); // what used to be logged
  const { status, body, log } = handle(err);
  expect(status).toBe(500);
  expect(body.error.code).toBe('internal');
  expect(log).toContain('db_22P02');
  expect(log).toContain(' at ');
  expect(log).not.toContain(SECRET);
});

test('text Postgres cannot store is the sender’s 400, not our 500', async () => {
  const err = await failure(sql`select ${`${SECRET}\u0000`}::jsonb`);
  const { status, body, log } = handle(err);
  expect([status, body.error.code]).toEqual([400, 'invalid_body']);
  expect(log).toBe('');
});

test('a failed job keeps a code as its reason and frames as its stack, never the text', async () => {
  const err = await failure(sql`select ${SECRET}::int`);
  const processor = withSafeFailure(async () => {
    throw err;
  });
  const thrown = await processor({} as never).catch((e: unknown) => e);
  expect(thrown).toBeInstanceOf(JobFailure);
  expect((thrown as Error).message).toBe('db_22P02');
  expect((thrown as Error).stack).not.toContain(SECRET);
  expect((thrown as Error).stack).toMatch(/^JobFailure: db_22P02\n\s+at /);
});

test('only connection losses and serialization conflicts count as worth running again', async () => {
  expect(isTransientDbError(await failure(sql`select ${SECRET}::int`))).toBe(false);
  expect(isTransientDbError(Object.assign(new Error('x'), { cause: { code: '57P01' } }))).toBe(true);
  expect(isTransientDbError(new Error('Connection terminated unexpectedly'))).toBe(true);
  expect(isTransientDbError(Object.assign(new Error('x'), { code: '40001' }))).toBe(true);
});
