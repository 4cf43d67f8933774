/**
 * BullMQ keeps a failed job's error message and stack in Redis, where the queue dashboard shows
 * them. Our processors' errors can carry what a person wrote (a failed query's parameters), so
 * every processor is wrapped: what it throws is replaced by a `JobFailure` whose message is only
 * a code (src/errors-for-log.ts) and whose stack keeps the call frames. BullMQ's own control
 * errors (delay, rate limit, waiting) pass through untouched.
 * @see https://docs.bullmq.io/guide/workers/stop-retrying-jobs
 */
import { DelayedError, RateLimitError, UnrecoverableError, WaitingChildrenError, WaitingError, type Job } from 'bullmq';
import { errorCode, stackFrames } from '../errors-for-log';

export class JobFailure extends Error {
  override readonly name = 'JobFailure';
  constructor(
    readonly code: string,
    frames?: string,
  ) {
    super(code);
    this.stack = frames ? `JobFailure: ${code}\n${frames}` : `JobFailure: ${code}`;
  }
}

const control = [DelayedError, RateLimitError, WaitingChildrenError, WaitingError];

export function withSafeFailure<J extends Job, R>(processor: (job: J, token?: string) => Promise<R>): (job: J, token?: string) => Promise<R> {
  return async (job, token) => {
    try {
      return await processor(job, token);
    } catch (err) {
      if (control.some((c) => err instanceof c)) throw err;
      const code = errorCode(err);
      if (err instanceof UnrecoverableError) throw new UnrecoverableError(code); // no retry, as the processor asked
      throw new JobFailure(code, stackFrames(err));
    }
  };
}
