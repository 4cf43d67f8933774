/**
 * The BullMQ queues, their job payloads and job ids. Job ids are derived from message ids, so
 * adding the same work twice (webhook redelivery, the sweeper refilling after a Redis restart)
 * is harmless: BullMQ ignores an add whose id already exists.
 * @see https://docs.bullmq.io/guide/jobs/job-ids
 */
import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';

export const QueueName = { triage: 'triage', dialogue: 'dialogue', deliver: 'deliver', escalate: 'escalate', followUp: 'follow-up', retention: 'retention' } as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export interface TriageJob {
  messageId: string;
}
export interface DialogueJob {
  messageId: string;
}
export interface DeliverJob {
  messageId: string;
}
export interface EscalateJob {
  alertId: string;
}
/** An アウトリーチ follow-up's reminder, delayed until it is due. */
export interface FollowUpJob {
  followUpId: string;
}
/** The retention purge takes no input: what is due is decided from the database when it runs. */
export type RetentionJob = Record<string, never>;

export const jobId = {
  triage: (messageId: string) => `triage-${messageId}`,
  dialogue: (messageId: string) => `dialogue-${messageId}`,
  deliver: (messageId: string) => `deliver-${messageId}`,
  /**
   * The job a delivery job hands a conversation's next answer to (workers/deliver.ts): an id of its
   * own, as the answer's own job may be ending at that moment and would then not be run again.
   */
  deliverAfter: (messageId: string, fromMessageId: string) => `deliver-${messageId}-after-${fromMessageId}`,
  escalate: (alertId: string) => `escalate-${alertId}`,
  followUp: (followUpId: string) => `followup-${followUpId}`,
};

const defaults: JobsOptions = {
  // Completed ids are kept for a day so a late duplicate add is still recognised.
  removeOnComplete: { age: 24 * 3600, count: 10000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/**
 * Dialogue turns that go ahead of the others waiting: a person's first turn (nobody has answered
 * them yet, and under load the first answer waited seconds behind returning people's turns) and
 * a conversation triage put in `check` or `crisis` (its turn may ask the safety question).
 * Lower runs first. A person's own messages still take their turns in order (./message-job.ts).
 */
export const DialoguePriority = { ahead: 1, ordinary: 10 } as const;

/** A conversation's turn priority: a first turn, or a conversation at risk, goes ahead of ordinary turns. */
export function dialoguePriority(conversation: { dialogue: unknown; triage: { risk?: { band?: string } } | null }): number {
  const band = conversation.triage?.risk?.band;
  return !conversation.dialogue || band === 'check' || band === 'crisis' ? DialoguePriority.ahead : DialoguePriority.ordinary;
}

/**
 * Triage jobs that go ahead of the others waiting (lower runs first):
 * - `danger`: a text with a word of danger to life (src/triage/crisis-hint.ts; triage still
 *   decides), so its hotline reply is not held behind a backlog;
 * - `newcomer`: a message of a conversation nobody has answered yet, so a person writing for the
 *   first time hears back in seconds, not after every returning person's message (their first
 *   dialogue turn goes ahead too: DialoguePriority).
 */
export const TriagePriority = { danger: 1, newcomer: 2, ordinary: 10 } as const;

export const jobOptions = {
  // Every triage job carries a priority (see deliver below for why): TriagePriority; the
  // sweeper's jobs take the ordinary one.
  triage: { ...defaults, attempts: 5, backoff: { type: 'exponential', delay: 1000 }, priority: 10 } satisfies JobsOptions,
  // Every dialogue job carries a priority (see deliver below for why): ordinary turns 10, what
  // DialoguePriority puts ahead 1. The sweeper's jobs take the ordinary one.
  dialogue: { ...defaults, attempts: 5, backoff: { type: 'exponential', delay: 1000 }, priority: 10 } satisfies JobsOptions,
  escalate: { ...defaults, attempts: 8, backoff: { type: 'exponential', delay: 5000 } } satisfies JobsOptions,
  followUp: { ...defaults, attempts: 8, backoff: { type: 'exponential', delay: 5000 } } satisfies JobsOptions,
  // Delivery retries on 429/5xx for about half an hour before it is marked failed for staff.
  // BullMQ takes a job without a priority before every prioritized one, so ordinary answers carry
  // a priority too (a larger number): the safety reply (DeliveryPriority.safety = 1, src/messages/queue-delivery.ts) goes ahead of them; what the sweeper brings back waits behind fresh ordinary answers (10).
  // @see https://docs.bullmq.io/guide/jobs/prioritized
  deliver: { ...defaults, attempts: 10, backoff: { type: 'exponential', delay: 2000 }, priority: 100 } satisfies JobsOptions,
};

export interface Queues {
  triage: Queue<TriageJob>;
  dialogue: Queue<DialogueJob>;
  deliver: Queue<DeliverJob>;
  escalate: Queue<EscalateJob>;
  followUp: Queue<FollowUpJob>;
  retention: Queue<RetentionJob>;
  close(): Promise<void>;
}

export function createQueues(connection: Redis, prefix: string, onError: (err: Error) => void = () => {}): Queues {
  const triage = new Queue<TriageJob>(QueueName.triage, { connection, prefix });
  const deliver = new Queue<DeliverJob>(QueueName.deliver, { connection, prefix });
  const dialogue = new Queue<DialogueJob>(QueueName.dialogue, { connection, prefix });
  const escalate = new Queue<EscalateJob>(QueueName.escalate, { connection, prefix });
  const followUp = new Queue<FollowUpJob>(QueueName.followUp, { connection, prefix });
  const retention = new Queue<RetentionJob>(QueueName.retention, { connection, prefix });
  // Redis going away is expected (restarts); the connection retries and the sweeper catches up.
  for (const q of [triage, dialogue, deliver, escalate, followUp, retention]) q.on('error', onError);
  return {
    triage,
    dialogue,
    deliver,
    escalate,
    followUp,
    retention,
    close: async () => {
      await Promise.all([triage.close(), dialogue.close(), deliver.close(), escalate.close(), followUp.close(), retention.close()]);
    },
  };
}

/** Adds a job but gives up after `timeoutMs`: the database already holds the work, the sweeper retries. */
export async function enqueueSoon<T>(add: () => Promise<T>, timeoutMs = 1500): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      add(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('enqueue timed out')), timeoutMs);
      }),
    ]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
