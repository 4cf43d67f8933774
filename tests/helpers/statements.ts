/**
 * Counts the statements sent to the database (Postgres through `pg`, or the PGlite thread) while
 * `fn` runs, for tests that pin how many round trips a piece of work costs. Counts everything
 * sent meanwhile: nothing else may be under way.
 */
import pg from 'pg';
import { PGliteInThread } from '../../src/db/pglite-in-thread';

export async function statementsSentBy(fn: () => Promise<unknown>): Promise<number> {
  let n = 0;
  const patched = [pg.Client.prototype, PGliteInThread.prototype] as unknown as Array<{ query: (...a: unknown[]) => unknown }>;
  const originals = patched.map((p) => p.query);
  patched.forEach((p, i) => {
    p.query = function (this: unknown, ...args: unknown[]) {
      n++;
      return originals[i].apply(this, args);
    };
  });
  try {
    await fn();
  } finally {
    patched.forEach((p, i) => (p.query = originals[i]));
  }
  return n;
}
