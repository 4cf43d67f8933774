/**
 * How long a person waited: when a deliver job has sent a batch of bot messages, its first
 * message tells whether it was the conversation's first bot answer (→ tsunagu_first_answer_seconds,
 * from the person's first message) and, for a crisis reply (queued at the safety priority), when
 * the message it answers came (→ tsunagu_crisis_reply_seconds). What that takes is read by the
 * statement that marks the batch sent (workers/deliver.ts `finish`), not by one of its own
 * (issue 13: it was a statement per delivered batch). Only when metrics are on.
 */
import { sql } from 'drizzle-orm';
import { messages } from '../db/schema';
import type { Metrics } from './registry';

const seconds = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 1000;

// The row being marked sent is `messages` itself, written out: inside a subquery drizzle's
// unqualified column would mean the subquery's own table.
const self = sql.raw('"messages"');

/** Scalar subqueries on the `messages` row a statement returns, read as the columns they are (Dates). */
export const latencyFields = {
  firstIn: sql<Date | null>`(select i.created_at from messages i where i.conversation_id = ${self}.conversation_id and i.direction = 'in' order by i.seq asc limit 1)`.mapWith(messages.createdAt),
  lastIn: sql<Date | null>`(select i.created_at from messages i where i.conversation_id = ${self}.conversation_id and i.direction = 'in' and i.seq < ${self}.seq order by i.seq desc limit 1)`.mapWith(messages.createdAt),
  earlierBot: sql<boolean>`exists (select 1 from messages p where p.conversation_id = ${self}.conversation_id and p.direction = 'out' and p.author_type = 'bot' and p.seq < ${self}.seq)`,
};

export interface SentForLatency {
  channel: 'line' | 'widget';
  authorType: string;
  deliveredAt: Date | null;
  firstIn: Date | null;
  lastIn: Date | null;
  earlierBot: boolean;
}

/** `row`: a batch's first message as marked sent, with `latencyFields`. */
export function observeAnswerLatency(metrics: Metrics, row: SentForLatency, crisisReply: boolean): void {
  if (row.authorType !== 'bot' || !row.deliveredAt) return;
  if (!row.earlierBot && row.firstIn) metrics.firstAnswer.observe({ channel: row.channel }, seconds(row.firstIn, row.deliveredAt));
  if (crisisReply && row.lastIn) metrics.crisisReply.observe({ channel: row.channel }, seconds(row.lastIn, row.deliveredAt));
}
