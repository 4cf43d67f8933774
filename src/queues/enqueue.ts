/**
 * Every job this system adds, in one place: job ids derived from database ids (adding twice is
 * harmless, and there are no time-based ids) with each queue's options.
 * - `enqueue.*` adds after a commit and gives up after 1.5 s: the database holds the work, and
 *   the sweeper adds it later. Returns whether the job was queued now.
 * - `ensure.*` makes sure a job runs for work not done: added, retried after failing, renewed
 *   after completing (src/queues/ensure-job.ts); for the sweeper and for staff retries.
 * @see https://docs.bullmq.io/guide/jobs/job-ids
 */
import type { Context } from '../context';
import { enqueueSoon, jobId, jobOptions } from './index';
import { ensureJob, type EnsureOutcome } from './ensure-job';

type Ctx = Pick<Context, 'queues'>;

export const enqueue = {
  /** `priorities`: TriagePriority (./index.ts) of the messages not ordinary. */
  triage: (ctx: Ctx, messageIds: string[], priorities: ReadonlyMap<string, number> = new Map()) =>
    enqueueSoon(() =>
      ctx.queues.triage.addBulk(
        messageIds.map((id) => ({
          name: 'triage',
          data: { messageId: id },
          opts: { ...jobOptions.triage, jobId: jobId.triage(id), ...(priorities.has(id) ? { priority: priorities.get(id) } : {}) },
        })),
      ),
    ),
  /** `priority`: DialoguePriority (./index.ts); the ordinary one when not given. */
  dialogue: (ctx: Ctx, messageId: string, priority?: number) =>
    enqueueSoon(() => ctx.queues.dialogue.add('dialogue', { messageId }, { ...jobOptions.dialogue, jobId: jobId.dialogue(messageId), ...(priority ? { priority } : {}) })),
  /** `priority`: lower runs first (the safety reply goes before anything else waiting). */
  deliver: (ctx: Ctx, messageId: string, priority?: number) =>
    enqueueSoon(() => ctx.queues.deliver.add('deliver', { messageId }, { ...jobOptions.deliver, jobId: jobId.deliver(messageId), ...(priority ? { priority } : {}) })),
  /** A conversation's next answer, handed over by the delivery job of `fromMessageId` (workers/deliver.ts), at that job's priority. */
  deliverAfter: (ctx: Ctx, messageId: string, fromMessageId: string, priority: number) =>
    enqueueSoon(() => ctx.queues.deliver.add('deliver', { messageId }, { ...jobOptions.deliver, jobId: jobId.deliverAfter(messageId, fromMessageId), priority })),
  escalate: (ctx: Ctx, alertId: string, delayMs: number) =>
    enqueueSoon(() => ctx.queues.escalate.add('escalate', { alertId }, { ...jobOptions.escalate, jobId: jobId.escalate(alertId), delay: delayMs })),
};

/** `finishedBefore` (epoch ms): a completed job is renewed only when it finished before then. */
export const ensure = {
  /** `retryFailed` false: a failed job is left as it is (the sweeper hands its message over instead). */
  triage: (ctx: Ctx, messageId: string, finishedBefore?: number, retryFailed = true): Promise<EnsureOutcome> =>
    ensureJob(ctx.queues.triage, 'triage', { messageId }, { ...jobOptions.triage, jobId: jobId.triage(messageId) }, finishedBefore, retryFailed),
  dialogue: (ctx: Ctx, messageId: string, finishedBefore?: number): Promise<EnsureOutcome> =>
    ensureJob(ctx.queues.dialogue, 'dialogue', { messageId }, { ...jobOptions.dialogue, jobId: jobId.dialogue(messageId) }, finishedBefore),
  deliver: (ctx: Ctx, messageId: string, finishedBefore?: number): Promise<EnsureOutcome> =>
    ensureJob(ctx.queues.deliver, 'deliver', { messageId }, { ...jobOptions.deliver, jobId: jobId.deliver(messageId) }, finishedBefore),
  escalate: (ctx: Ctx, alertId: string, delayMs: number, finishedBefore?: number): Promise<EnsureOutcome> =>
    ensureJob(ctx.queues.escalate, 'escalate', { alertId }, { ...jobOptions.escalate, jobId: jobId.escalate(alertId), delay: delayMs }, finishedBefore),
};
