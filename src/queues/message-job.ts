/**
 * What every per-message worker (triage, dialogue, deliver) starts with, written once: load the
 * message with its conversation and contact, and hold the job back while an earlier message of
 * the same conversation is still unfinished, so a person's messages are handled in the order
 * they wrote them and answers reach them in the order they were written.
 */
import { DelayedError, type Job } from 'bullmq';
import { and, eq, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { contacts, conversations, messages } from '../db/schema';

export type MessageRow = typeof messages.$inferSelect;

export interface LoadedMessage {
  message: MessageRow;
  conversation: typeof conversations.$inferSelect;
  contact: typeof contacts.$inferSelect;
}

/** The message with its conversation and contact, or null when it is gone or goes the other way. */
export async function loadMessageForJob(db: Db, messageId: string, direction: 'in' | 'out'): Promise<LoadedMessage | null> {
  const [row] = await db
    .select({ message: messages, conversation: conversations, contact: contacts })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .where(eq(messages.id, messageId));
  return row && row.message.direction === direction ? row : null;
}

/** How long a job waits before looking again at an earlier message of its conversation. */
const ORDER_RECHECK_MS = 300;

/**
 * Moves the job back to the delayed set (and ends this attempt) when an earlier message of the
 * conversation still matches `unfinished`; returns when none does. BullMQ retries nothing for a
 * DelayedError: the same job runs again after the pause with its attempts intact.
 */
export async function waitForEarlierMessages(db: Db, job: Job, token: string | undefined, message: MessageRow, unfinished: SQL | undefined): Promise<void> {
  const [earlier] = await db
    .select({ id: messages.id })
    .from(messages)
    .where(and(eq(messages.conversationId, message.conversationId), lt(messages.seq, message.seq), unfinished))
    .limit(1);
  if (!earlier) return;
  await job.moveToDelayed(Date.now() + ORDER_RECHECK_MS, token);
  throw new DelayedError();
}
