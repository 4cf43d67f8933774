/**
 * What every report query shares: the range of months (counted in the municipality's time zone)
 * and whose data (one agency, or the whole municipality), as SQL fragments.
 */
import { sql, type SQL } from 'drizzle-orm';
export { rowsOf } from '../db/client';
import { nextMonth } from './months';

export interface ReportWindow {
  from: string;
  to: string;
  timeZone: string;
  /** null: every agency (the coordinating agency's admin); otherwise that agency only. */
  agencyId: string | null;
}

/** `column` falls in the window's months (half-open: from the 1st of `from` to the 1st after `to`). */
export function inMonths(w: ReportWindow, column: SQL): SQL {
  return sql`${column} >= (${`${w.from}-01`}::timestamp at time zone ${w.timeZone}) and ${column} < (${`${nextMonth(w.to)}-01`}::timestamp at time zone ${w.timeZone})`;
}

/** The month (YYYY-MM) of `column` in the municipality's time zone. */
export const monthOf = (w: ReportWindow, column: SQL) => sql`to_char(${column} at time zone ${w.timeZone}, 'YYYY-MM')`;

/** Rows belong to the window's agency (always true for the whole municipality). */
export const ofAgency = (w: ReportWindow, column: SQL) => (w.agencyId ? sql`${column} = ${w.agencyId}` : sql`true`);

export interface MonthKeyCount {
  month: string;
  key: string;
  count: number;
}
