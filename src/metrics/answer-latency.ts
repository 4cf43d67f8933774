/**
 * How long a person waited: when a deliver job has sent a bot message, one indexed query finds
 * whether it was the conversation's first bot answer (→ tsunagu_first_answer_seconds, from the
 * person's first message) and, for a crisis reply (queued at the safety priority), the message it
 * answers (→ tsunagu_crisis_reply_seconds). Runs only when metrics are on.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Metrics } from './registry';

interface Row {
  channel: string;
  author_type: string;
  delivered_at: string | Date | null;
  first_in: string | Date | null;
  last_in: string | Date | null;
  earlier_bot: boolean;
}

const seconds = (from: string | Date, to: string | Date) => (new Date(to).getTime() - new Date(from).getTime()) / 1000;

export async function observeAnswerLatency(db: Db, metrics: Metrics, messageId: string, crisisReply: boolean): Promise<void> {
  const result = (await db.execute(sql`
    select o.channel, o.author_type, o.delivered_at,
      (select i.created_at from messages i where i.conversation_id = o.conversation_id and i.direction = 'in' order by i.seq asc limit 1) as first_in,
      (select i.created_at from messages i where i.conversation_id = o.conversation_id and i.direction = 'in' and i.seq < o.seq order by i.seq desc limit 1) as last_in,
      exists (select 1 from messages p where p.conversation_id = o.conversation_id and p.direction = 'out' and p.author_type = 'bot' and p.seq < o.seq) as earlier_bot
    from messages o where o.id = ${messageId}`)) as unknown as { rows: Row[] };
  const row = result.rows[0];
  if (!row || row.author_type !== 'bot' || !row.delivered_at) return;
  if (!row.earlier_bot && row.first_in) metrics.firstAnswer.observe({ channel: row.channel }, seconds(row.first_in, row.delivered_at));
  if (crisisReply && row.last_in) metrics.crisisReply.observe({ channel: row.channel }, seconds(row.last_in, row.delivered_at));
}
