/**
 * 相談番号: the 和暦 year of the municipality's calendar and a sequence that restarts each era
 * year, e.g. `R8-000123` (令和8年, the 123rd case that year across the municipality). The counter
 * row is incremented in the case's own transaction, so numbers have no gaps and never repeat.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { caseNumberCounters } from '../db/schema';

/** `R8` for a date in 令和8年 (in the municipality's time zone). */
export function eraYearPrefix(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US-u-ca-japanese', { era: 'narrow', year: 'numeric', timeZone }).formatToParts(at);
  const era = parts.find((p) => p.type === 'era')?.value ?? '';
  const year = parts.find((p) => p.type === 'year')?.value ?? '';
  return `${era}${year}`;
}

export const formatCaseNumber = (prefix: string, n: number) => `${prefix}-${String(n).padStart(6, '0')}`;

export async function nextCaseNumber(tx: DbOrTx, at: Date, timeZone: string): Promise<string> {
  const prefix = eraYearPrefix(at, timeZone);
  const [row] = await tx
    .insert(caseNumberCounters)
    .values({ prefix, last: 1 })
    .onConflictDoUpdate({ target: caseNumberCounters.prefix, set: { last: sql`${caseNumberCounters.last} + 1` } })
    .returning({ last: caseNumberCounters.last });
  return formatCaseNumber(prefix, row.last);
}
