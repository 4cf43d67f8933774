/**
 * Escalation timer of a crisis alert: when nobody acknowledges it within the municipality's
 * delay (default 5 minutes), the escalate worker tells supervisors. The job id is derived from
 * the alert id, so scheduling twice (or by the sweeper after a Redis loss) is harmless.
 */
import type { Context } from '../context';
import { enqueueSoon, jobId, jobOptions } from '../queues';

export function escalationDelayMs(ctx: Context): number {
  const override = ctx.config.ESCALATION_AFTER_SECONDS;
  return override !== undefined ? override * 1000 : ctx.municipality.escalation.unacknowledgedMinutes * 60_000;
}

export async function scheduleEscalation(ctx: Context, alert: { id: string; createdAt: Date }): Promise<boolean> {
  const delay = Math.max(0, alert.createdAt.getTime() + escalationDelayMs(ctx) - Date.now());
  return enqueueSoon(() => ctx.queues.escalate.add('escalate', { alertId: alert.id }, { ...jobOptions.escalate, jobId: jobId.escalate(alert.id), delay }));
}
