/**
 * An escalation target refused a crisis notice (an answer other than 2xx, no answer, an SMTP
 * error). The attempt is counted on the alert with its codes, so the people who can act know
 * while it is still being retried: open inboxes (`alert:updated`: 「当番への通知が届いていません」),
 * the operator (/readyz `degraded`, the metric `tsunagu_alerts_escalation_unreached`) and the log.
 */
import { eq, sql } from 'drizzle-orm';
import type { Context } from '../context';
import { alerts } from '../db/schema';
import { presentAlert } from '../presenters/alert';
import type { EscalationRefusal } from './escalation-notice';

type AlertRow = typeof alerts.$inferSelect;

export async function recordEscalationRefusal(ctx: Context, alert: AlertRow, refused: EscalationRefusal[]): Promise<AlertRow> {
  const codes = refused.map((r) => r.code).join(', ');
  const [row] = await ctx.db
    .update(alerts)
    .set({ escalationFailures: sql`${alerts.escalationFailures} + 1`, escalationFailedAt: new Date(), escalationError: codes })
    .where(eq(alerts.id, alert.id))
    .returning();
  const current = row ?? alert;
  const reached = Boolean(current.escalationNotifiedAt || current.escalationEmailedAt);
  ctx.log.error(
    { alertId: alert.id, conversationId: alert.conversationId, failures: current.escalationFailures, codes, reached },
    reached ? 'a crisis escalation target refused the notice (another target has it); retrying' : 'no escalation target has accepted the crisis notice; retrying',
  );
  if (!current.acknowledgedAt) ctx.publisher.alertUpdated(current.agencyId, presentAlert(current));
  return current;
}
