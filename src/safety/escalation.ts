/**
 * Escalation timer of a crisis alert: when nobody acknowledges it within the municipality's
 * delay (default 5 minutes), or at once when nobody had the inbox open, the escalate worker tells
 * supervisors and the escalation targets. The job id is derived from
 * the alert id, so scheduling twice (or by the sweeper after a Redis loss) is harmless.
 */
import type { Context } from '../context';
import { enqueue } from '../queues/enqueue';

export function escalationDelayMs(ctx: Context): number {
  const override = ctx.config.ESCALATION_AFTER_SECONDS;
  return override !== undefined ? override * 1000 : ctx.municipality.escalation.unacknowledgedMinutes * 60_000;
}

/**
 * When the alert goes to the targets unless acknowledged: its own `escalateAt` (at once when
 * nobody had the inbox open), else the municipality's delay after it was raised.
 */
export function escalationDueAt(ctx: Context, alert: { createdAt: Date; escalateAt?: Date | null }): Date {
  return alert.escalateAt ?? new Date(alert.createdAt.getTime() + escalationDelayMs(ctx));
}

export async function scheduleEscalation(ctx: Context, alert: { id: string; createdAt: Date; escalateAt?: Date | null }): Promise<boolean> {
  const delay = Math.max(0, escalationDueAt(ctx, alert).getTime() - Date.now());
  return enqueue.escalate(ctx, alert.id, delay);
}
