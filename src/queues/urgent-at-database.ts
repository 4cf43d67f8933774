/**
 * A job with a priority at or ahead of `urgentUpTo` also goes ahead at the embedded database
 * (src/db/ahead.ts): on PGlite a queue's priority alone did not help much, because the job's
 * statements then waited in one line with every other job's (a newcomer's first answer took
 * seconds under load). Priorities: src/queues/index.ts, src/messages/queue-delivery.ts.
 */
import type { Job } from 'bullmq';
import { aheadOfOtherWork, DbTurn } from '../db/ahead';

export function urgentAtDatabase<J extends Job, R>(urgentUpTo: number, processor: (job: J, token?: string) => Promise<R>): (job: J, token?: string) => Promise<R> {
  return (job, token) => {
    const priority = job.opts.priority;
    if (priority === undefined || priority === 0 || priority > urgentUpTo) return processor(job, token);
    return aheadOfOtherWork(DbTurn.urgent, () => processor(job, token));
  };
}
