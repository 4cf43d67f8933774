/**
 * Makes sure a job runs for work the database says is not done. BullMQ ignores an add whose id
 * still exists, and failed ids are kept for 7 days, so adding again alone leaves a failed job
 * failed forever (issue 8 item 1: a crisis sent during a database outage was never triaged).
 * Hence: added when Redis lost it, retried (with a fresh attempt budget) when it failed, added
 * anew when it completed without doing the work; a job waiting, delayed or running is left alone
 * (a running job whose worker died is brought back by BullMQ's stalled-job check).
 * @see https://docs.bullmq.io/guide/jobs/job-ids
 * @see https://docs.bullmq.io/guide/retrying-failing-jobs
 */
import type { JobsOptions, Queue } from 'bullmq';

export type EnsureOutcome = 'added' | 'retried' | 'renewed' | 'queued';

export interface EnsureOptions extends JobsOptions {
  jobId: string;
}

/**
 * `finishedBefore` (epoch ms): a completed job is only replaced when it finished before this
 * time, so a job completing while the sweeper looks is not run twice for nothing.
 */
export async function ensureJob<D>(queue: Queue<D>, name: string, data: D, opts: EnsureOptions, finishedBefore = Date.now(), retryFailed = true): Promise<EnsureOutcome> {
  const q = queue as unknown as Queue; // BullMQ's name/data generics do not survive a generic helper
  const job = await q.getJob(opts.jobId);
  if (!job) {
    await q.add(name, data, opts);
    return 'added';
  }
  const state = await job.getState();
  // retryFailed false: the caller handles a failed job itself (the sweeper's last triage round)
  if (state === 'failed' && !retryFailed) return 'queued';
  if (state === 'failed') {
    // Throws when another sweeper or an operator retried it a moment ago: then it is queued.
    return job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true }).then(
      () => 'retried' as const,
      () => 'queued' as const,
    );
  }
  if ((state === 'completed' && (job.finishedOn ?? 0) < finishedBefore) || state === 'unknown') {
    await job.remove().catch(() => {});
    await q.add(name, data, opts);
    return 'renewed';
  }
  return 'queued';
}
