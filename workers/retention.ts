/**
 * Processor of the `retention` queue: runs the retention purge (src/retention/purge.ts). The job
 * scheduler adds one job per RETENTION_SCHEDULE tick; the purge is idempotent, so a retried or
 * doubled run removes nothing twice. Logs ids and counts, never content.
 */
import type { Job } from 'bullmq';
import type { Context } from '../src/context';
import type { RetentionJob } from '../src/queues';
import { purgeExpired } from '../src/retention/purge';

/** The scheduler's id: upserting it again (every start) changes nothing. */
export const RETENTION_SCHEDULER_ID = 'retention-purge';

export function createRetentionProcessor(ctx: Context) {
  return async function retention(_job: Job<RetentionJob>): Promise<string> {
    const { erased } = await purgeExpired(ctx.db, { now: new Date(), retentionDays: ctx.config.RETENTION_DAYS });
    for (const e of erased) ctx.log.info({ agencyId: e.agencyId, conversations: e.conversationIds.length, cases: e.caseIds.length, counts: e.counts }, 'retention purge erased');
    return `erased ${erased.reduce((n, e) => n + e.conversationIds.length, 0)} conversations, ${erased.reduce((n, e) => n + e.caseIds.length, 0)} cases`;
  };
}

/** Registers (or updates) the schedule; every worker process may call it, BullMQ keeps one. */
export function scheduleRetention(ctx: Context) {
  return ctx.queues.retention.upsertJobScheduler(
    RETENTION_SCHEDULER_ID,
    { pattern: ctx.config.RETENTION_SCHEDULE, tz: ctx.municipality.timezone },
    { name: 'purge', data: {}, opts: { attempts: 3, backoff: { type: 'exponential', delay: 60_000 }, removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } } },
  );
}
