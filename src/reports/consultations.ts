/**
 * Consultations per month: conversations that began in the month, counted by triage category
 * (a conversation with several counts under each), channel, reporter and urgency. A conversation
 * triage has not yet read counts as `untriaged`.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { inMonths, monthOf, ofAgency, rowsOf, type MonthKeyCount, type ReportWindow } from './window';

export type ConsultationDimension = 'category' | 'channel' | 'reporter' | 'urgency';

const created = sql`c.created_at`;

function keyOf(dimension: ConsultationDimension): { key: SQL; from: SQL } {
  switch (dimension) {
    case 'category':
      return {
        key: sql`coalesce(cat.value, 'untriaged')`,
        from: sql`conversations c left join lateral jsonb_array_elements_text(c.triage -> 'categories') as cat(value) on true`,
      };
    case 'channel':
      return { key: sql`c.channel`, from: sql`conversations c` };
    case 'reporter':
      return { key: sql`coalesce(c.triage ->> 'reporter', 'untriaged')`, from: sql`conversations c` };
    case 'urgency':
      return { key: sql`coalesce(c.triage ->> 'urgency', 'untriaged')`, from: sql`conversations c` };
  }
}

export function countConsultations(db: DbOrTx, w: ReportWindow, dimension: ConsultationDimension): Promise<MonthKeyCount[]> {
  const { key, from } = keyOf(dimension);
  return rowsOf<MonthKeyCount>(
    db,
    sql`select ${monthOf(w, created)} as month, ${key} as key, count(distinct c.id)::int as count
        from ${from}
        where ${inMonths(w, created)} and ${ofAgency(w, sql`c.agency_id`)}
        group by 1, 2`,
  );
}

/** Conversations that began in each month (the `total` column). */
export async function totalConsultations(db: DbOrTx, w: ReportWindow): Promise<Map<string, number>> {
  const rows = await rowsOf<{ month: string; count: number }>(
    db,
    sql`select ${monthOf(w, created)} as month, count(*)::int as count
        from conversations c
        where ${inMonths(w, created)} and ${ofAgency(w, sql`c.agency_id`)}
        group by 1`,
  );
  return new Map(rows.map((r) => [r.month, r.count]));
}
