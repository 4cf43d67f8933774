/**
 * Rows by id in a prepared statement: one id as `= $id`, several as `= any($ids)`. Postgres plans
 * the array form anew at every call — its generic plan, guessing at the array's length, never
 * looks as cheap as a plan for one id (a message's load: 0.53 of its 0.76 ms was planning,
 * pg_stat_statements) — while `= $id` keeps one plan after five calls. So a statement mostly run
 * for one row is prepared in both forms and each call takes the one its ids fit.
 */
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/** The condition with placeholders: `one` for a single id (`id`), else an array (`ids`). */
export function idsWhere(column: AnyColumn, one: boolean): SQL {
  return one ? sql`${column} = ${sql.placeholder('id')}::uuid` : sql`${column} = any(${sql.placeholder('ids')}::uuid[])`;
}

/** The values for `idsWhere`'s placeholders, in the form `ids` fit. */
export function idsParams(ids: string[]): { id: string } | { ids: string[] } {
  return ids.length === 1 ? { id: ids[0] } : { ids };
}
