/**
 * A statement built once per database and prepared under a name of its own (issue 13): drizzle
 * took 0.3–0.6 ms of CPU to build each of the hot statements of a message's way through the
 * workers — more than its round trip — and Postgres parsed it each time. Values are placeholders
 * (`sql.placeholder`), given to `execute`.
 */
import { createHash } from 'node:crypto';

interface Preparable<P> {
  toSQL(): { sql: string };
  prepare(name: string): P;
}

const byDatabase = new WeakMap<object, Map<string, unknown>>();

/** `key` names the statement's shape within the database (e.g. one per channel's batch size). */
export function prepareOnce<P>(db: object, key: string, build: () => Preparable<P>): P {
  let statements = byDatabase.get(db);
  if (!statements) byDatabase.set(db, (statements = new Map()));
  let prepared = statements.get(key) as P | undefined;
  if (!prepared) {
    const query = build();
    // Postgres keeps a prepared statement per connection by name: the name is the statement's own text's.
    prepared = query.prepare(`q_${createHash('sha1').update(query.toSQL().sql).digest('hex').slice(0, 20)}`);
    statements.set(key, prepared);
  }
  return prepared;
}
