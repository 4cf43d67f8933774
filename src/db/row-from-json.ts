/**
 * A table's row as drizzle returns it (camelCase keys, Dates, numbers), from the row as JSON
 * (`to_jsonb(row)`: the database's column names, timestamps as text). For a statement that
 * returns rows of two tables at once (src/messages/store-inbound.ts), which drizzle's own
 * mapping cannot express.
 */
import { getTableColumns, type InferSelectModel } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

export function rowFromJson<T extends PgTable>(table: T, json: Record<string, unknown>): InferSelectModel<T> {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value = json[column.name];
    // as drizzle does: a null is null whatever the column's type
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as InferSelectModel<T>;
}
