/**
 * How long a person waited: when a deliver job has sent a bot message, one indexed query finds
 * whether it was the conversation's first bot answer (→ tsunagu_first_answer_seconds, from the
 * person's first message) and, for a crisis reply (queued at the safety priority), the message it
 * answers (→ tsunagu_crisis_reply_seconds). Runs only when metrics are on.
 */
import { sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client';
import { messages } from '../db/schema';
import { prepareOnce } from '../db/prepare-once';
import type { Metrics } from './registry';

const seconds = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 1000;

/** Built once and prepared (src/db/prepare-once.ts): it runs for every delivered bot message. */
function latencyStatement(db: Db) {
  // named `o` in the subqueries' text: drizzle leaves the columns of a one-table select unqualified, which inside them would mean `i`'s
  const o = alias(messages, 'o');
  return db
    .select({
      channel: o.channel,
      authorType: o.authorType,
      deliveredAt: o.deliveredAt,
      // read as the column they are (a Date), on either database
      firstIn: sql<Date | null>`(select i.created_at from messages i where i.conversation_id = o.conversation_id and i.direction = 'in' order by i.seq asc limit 1)`.mapWith(o.createdAt),
      lastIn: sql<Date | null>`(select i.created_at from messages i where i.conversation_id = o.conversation_id and i.direction = 'in' and i.seq < o.seq order by i.seq desc limit 1)`.mapWith(o.createdAt),
      earlierBot: sql<boolean>`exists (select 1 from messages p where p.conversation_id = o.conversation_id and p.direction = 'out' and p.author_type = 'bot' and p.seq < o.seq)`,
    })
    .from(o)
    .where(sql`${o.id} = ${sql.placeholder('messageId')}`);
}

export async function observeAnswerLatency(db: Db, metrics: Metrics, messageId: string, crisisReply: boolean): Promise<void> {
  const [row] = await prepareOnce(db, 'metrics:answerLatency', () => latencyStatement(db)).execute({ messageId });
  if (!row || row.authorType !== 'bot' || !row.deliveredAt) return;
  if (!row.earlierBot && row.firstIn) metrics.firstAnswer.observe({ channel: row.channel }, seconds(row.firstIn, row.deliveredAt));
  if (crisisReply && row.lastIn) metrics.crisisReply.observe({ channel: row.channel }, seconds(row.lastIn, row.deliveredAt));
}
