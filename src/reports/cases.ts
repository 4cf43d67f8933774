/**
 * Figures of the case workflow per month:
 * - cases entering each stage (the stage transitions of the month; opening a case enters `intake`),
 *   counted for the agency of the staff member who moved it (so a case later handed over still
 *   counts where the work was done), or the case's agency when no staff member is recorded;
 * - referrals (つなぎ) sent in the month, by receiving agency and by outcome (still `sent`,
 *   `accepted`, `returned`), counted for the sending agency;
 * - meetings held in the month, by kind, counted for the agency that called them;
 * - time from the person's first message to the case's first referral (cases whose first
 *   referral was sent in the month): how many, and the median in hours.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { inMonths, monthOf, ofAgency, rowsOf, type MonthKeyCount, type ReportWindow } from './window';

export function casesEnteringStage(db: DbOrTx, w: ReportWindow): Promise<MonthKeyCount[]> {
  const at = sql`t.at`;
  return rowsOf<MonthKeyCount>(
    db,
    sql`select ${monthOf(w, at)} as month, t.to_stage as key, count(*)::int as count
        from case_transitions t join cases k on k.id = t.case_id left join staff s on s.id = t.by_staff_id
        where ${inMonths(w, at)} and ${ofAgency(w, sql`coalesce(s.agency_id, k.agency_id)`)}
        group by 1, 2`,
  );
}

/** Keyed by the receiving agency's code. */
export function referralsByAgency(db: DbOrTx, w: ReportWindow): Promise<(MonthKeyCount & { name: string })[]> {
  const at = sql`r.sent_at`;
  return rowsOf(
    db,
    sql`select ${monthOf(w, at)} as month, a.code as key, a.name as name, count(*)::int as count
        from referrals r join agencies a on a.id = r.to_agency_id
        where ${inMonths(w, at)} and ${ofAgency(w, sql`r.from_agency_id`)}
        group by 1, 2, 3`,
  );
}

export function referralsByOutcome(db: DbOrTx, w: ReportWindow): Promise<MonthKeyCount[]> {
  const at = sql`r.sent_at`;
  return rowsOf<MonthKeyCount>(
    db,
    sql`select ${monthOf(w, at)} as month, r.state as key, count(*)::int as count
        from referrals r
        where ${inMonths(w, at)} and ${ofAgency(w, sql`r.from_agency_id`)}
        group by 1, 2`,
  );
}

export function meetingsByKind(db: DbOrTx, w: ReportWindow): Promise<MonthKeyCount[]> {
  // A meeting has a date, not an instant: its month is the date's own.
  return rowsOf<MonthKeyCount>(
    db,
    sql`select to_char(m.date, 'YYYY-MM') as month, m.kind as key, count(*)::int as count
        from meetings m
        where m.date >= ${`${w.from}-01`}::date and to_char(m.date, 'YYYY-MM') <= ${w.to} and ${ofAgency(w, sql`m.agency_id`)}
        group by 1, 2`,
  );
}

export interface TimeToReferralRow {
  month: string;
  referred: number;
  medianSeconds: number | null;
}

export function timeToReferral(db: DbOrTx, w: ReportWindow): Promise<TimeToReferralRow[]> {
  const at = sql`first_referral.sent_at`;
  return rowsOf<TimeToReferralRow>(
    db,
    sql`select month, count(*)::int as referred,
               percentile_cont(0.5) within group (order by extract(epoch from sent_at - first_in))::float8 as "medianSeconds"
        from (
          select ${monthOf(w, at)} as month, first_referral.sent_at,
                 (select min(m.created_at) from case_conversations cc join messages m on m.conversation_id = cc.conversation_id
                   where cc.case_id = first_referral.case_id and m.direction = 'in') as first_in
          from (select distinct on (r.case_id) r.case_id, r.from_agency_id, r.sent_at from referrals r order by r.case_id, r.sent_at) first_referral
          where ${inMonths(w, at)} and ${ofAgency(w, sql`first_referral.from_agency_id`)}
        ) t
        where first_in is not null
        group by month`,
  );
}
