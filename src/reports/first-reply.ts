/**
 * Time from a person's first message to the first staff reply, for conversations that began in
 * each month: how many were answered, how many not yet, and the median in minutes. Bot messages
 * do not count as a reply: the figure is how long a person waited for a human.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { inMonths, monthOf, ofAgency, rowsOf, type ReportWindow } from './window';

export interface FirstReplyRow {
  month: string;
  answered: number;
  unanswered: number;
  /** Null when no conversation of the month was answered yet. */
  medianSeconds: number | null;
}

export function firstHumanReply(db: DbOrTx, w: ReportWindow): Promise<FirstReplyRow[]> {
  const created = sql`c.created_at`;
  return rowsOf<FirstReplyRow>(
    db,
    sql`select month,
               count(first_reply)::int as answered,
               (count(*) - count(first_reply))::int as unanswered,
               percentile_cont(0.5) within group (order by extract(epoch from first_reply - first_in))::float8 as "medianSeconds"
        from (
          select ${monthOf(w, created)} as month,
                 (select min(m.created_at) from messages m where m.conversation_id = c.id and m.direction = 'in') as first_in,
                 (select min(m.created_at) from messages m where m.conversation_id = c.id and m.author_type = 'staff') as first_reply
          from conversations c
          where ${inMonths(w, created)} and ${ofAgency(w, sql`c.agency_id`)}
        ) t
        where first_in is not null
        group by month`,
  );
}
