/**
 * Crisis alerts raised in each month: how many, how many escalated (not acknowledged within the
 * municipality's delay, or nobody had the inbox open), how many whose notice an on-call target
 * refused at least once, how many nobody has acknowledged yet, and the median minutes from the
 * alert to its acknowledgement (of those acknowledged). Counts only, never words.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { inMonths, monthOf, ofAgency, rowsOf, type ReportWindow } from './window';

export interface CrisisAlertRow {
  month: string;
  raised: number;
  escalated: number;
  onCallRefused: number;
  unacknowledged: number;
  /** Null when none of the month's alerts was acknowledged yet. */
  medianSeconds: number | null;
}

export function crisisAlerts(db: DbOrTx, w: ReportWindow): Promise<CrisisAlertRow[]> {
  const created = sql`a.created_at`;
  return rowsOf<CrisisAlertRow>(
    db,
    sql`select ${monthOf(w, created)} as month,
               count(*)::int as raised,
               count(a.escalated_at)::int as escalated,
               (count(*) filter (where a.escalation_failures > 0))::int as "onCallRefused",
               (count(*) filter (where a.acknowledged_at is null))::int as unacknowledged,
               percentile_cont(0.5) within group (order by extract(epoch from a.acknowledged_at - a.created_at))::float8 as "medianSeconds"
        from alerts a
        where ${inMonths(w, created)} and ${ofAgency(w, sql`a.agency_id`)}
        group by 1`,
  );
}
