/**
 * Processor of the `escalate` queue: a crisis alert nobody acknowledged in time goes to the
 * agency's supervisors (event `alert:escalated`) and to the municipality's escalation targets:
 * the outgoing webhook and e-mail (ids and urgency only, never message text). When nobody had
 * the inbox open, the job runs at once (the alert's `escalateAt`). Recorded on the alert, and so
 * is every refusal by a target (src/safety/escalation-refused.ts): the job then fails and retries;
 * refused long enough, the person is told the on-call staff were not reached (tell-unreached.ts).
 */
import type { Job } from 'bullmq';
import { and, eq, isNull } from 'drizzle-orm';
import type { Context } from '../src/context';
import { alerts } from '../src/db/schema';
import type { EscalateJob } from '../src/queues';
import { presentAlert } from '../src/presenters/alert';
import { recordAudit } from '../src/audit/record';
import { emailEscalation, webhookEscalation } from '../src/safety/escalation-notice';
import { recordEscalationRefusal } from '../src/safety/escalation-refused';
import { tellPersonUnreached } from '../src/safety/tell-unreached';

export function createEscalateProcessor(ctx: Context) {
  return async function escalate(job: Job<EscalateJob>): Promise<string> {
    const [alert] = await ctx.db.select().from(alerts).where(eq(alerts.id, job.data.alertId));
    if (!alert) return 'missing';
    if (alert.acknowledgedAt) return 'acknowledged in time';

    let current = alert;
    if (!alert.escalatedAt) {
      // The mark and its audit row commit together; a second run (redelivery, the sweeper) finds
      // it marked and goes on to the targets without a second audit row or event. Only while still
      // unacknowledged: a counsellor may acknowledge between the read above and this mark.
      const marked = await ctx.db.transaction(async (tx) => {
        const [row] = await tx
          .update(alerts)
          .set({ escalatedAt: new Date() })
          .where(and(eq(alerts.id, alert.id), isNull(alerts.escalatedAt), isNull(alerts.acknowledgedAt)))
          .returning();
        if (row) await recordAudit(tx, { agencyId: alert.agencyId, actorId: null, action: 'alert.escalate', subjectType: 'alert', subjectId: alert.id });
        return row;
      });
      if (marked) {
        current = marked;
        ctx.publisher.alertEscalated(alert.agencyId, presentAlert(current));
        ctx.log.warn({ alertId: alert.id, conversationId: alert.conversationId }, 'crisis alert unacknowledged: escalated to supervisors');
      } else {
        [current] = await ctx.db.select().from(alerts).where(eq(alerts.id, alert.id));
        if (!current) return 'missing';
        if (!current.escalatedAt && current.acknowledgedAt) return 'acknowledged in time';
      }
    }
    const [email, webhook] = [await emailEscalation(ctx, current), await webhookEscalation(ctx, current)];
    const refused = [email, webhook].filter((r) => r !== null);
    if (refused.length > 0) {
      const row = await recordEscalationRefusal(ctx, current, refused);
      // The person was told the on-call staff are being alerted: after a while refused, not true.
      await tellPersonUnreached(ctx, row);
      // Throwing makes BullMQ retry with backoff (the sweeper adds fresh attempts after the last);
      // what was already accepted is recorded and not sent again.
      throw Object.assign(new Error(`escalation not accepted: ${row.escalationError}`), { code: refused[0].code });
    }
    // Reached after earlier refusals: open inboxes stop saying the on-call staff were not reached.
    if (current.escalationFailures > 0) {
      const [row] = await ctx.db.select().from(alerts).where(eq(alerts.id, alert.id));
      if (row) ctx.publisher.alertUpdated(row.agencyId, presentAlert(row));
    }
    return 'escalated';
  };
}
