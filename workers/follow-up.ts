/**
 * Processor of the `follow-up` queue: an アウトリーチ follow-up became due; its owner gets a
 * reminder in the inbox (`followup:due`), once. A job that ran early (clock skew, a requeue)
 * throws so BullMQ retries it later.
 */
import type { Job } from 'bullmq';
import type { Context } from '../src/context';
import type { FollowUpJob } from '../src/queues';
import { remindFollowUp } from '../src/cases/follow-ups';

export function createFollowUpProcessor(ctx: Context) {
  return async function followUp(job: Job<FollowUpJob>): Promise<string> {
    const result = await remindFollowUp(ctx, job.data.followUpId);
    if (result === 'not due') throw new Error('follow-up not due yet; retrying later');
    return result;
  };
}
