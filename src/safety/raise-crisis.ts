/**
 * Raising a crisis: one code path for triage's emergency (workers/triage.ts) and for the answer
 * はい / わからない to the safety question (workers/dialogue.ts).
 *
 * `raiseCrisis` runs inside the caller's transaction: the alert row (at most one open per
 * conversation, so a retry or a second crisis message never sends the reply twice), who was on
 * duty, when it escalates (at once when nobody has the inbox open), and the safety reply that
 * says truthfully what happens now. Once a staff member is answering and has the inbox open, the
 * alert goes to staff and the person gets no automatic reply on top of the human one.
 * `announceCrisis` runs after commit: delivery first in line, `alert:crisis`, the escalation timer.
 */
import type { Context } from '../context';
import type { DbOrTx } from '../db/client';
import { alerts, type conversations, type messages } from '../db/schema';
import { describeNextStaffed, isStaffed, nextStaffedStart } from '../municipality';
import { insertOutbound } from '../messages/write-outbound';
import { DeliveryPriority, queueDelivery } from '../messages/queue-delivery';
import { presentAlert } from '../presenters/alert';
import type { Lang } from '../dialogue/texts';
import { escalationDelayMs, scheduleEscalation } from './escalation';
import { whoIsOnDuty } from './on-duty';
import { safetyReplyText, writerOf } from './safety-reply';

export interface RaiseCrisisInput {
  /** The conversation as it stands in this transaction (subject, triage, staffEngagedAt). */
  conversation: typeof conversations.$inferSelect;
  /** The inbound message that raised it. */
  messageId: string;
  lang: Lang;
  categories: string[];
  reasons: string[];
  at?: Date;
}

export interface RaisedCrisis {
  alert: typeof alerts.$inferSelect;
  /** The safety reply (empty when a staff member is answering and has the inbox open). */
  safety: (typeof messages.$inferSelect)[];
}

/** Null when an open alert already covers the conversation. */
export async function raiseCrisis(ctx: Context, tx: DbOrTx, input: RaiseCrisisInput): Promise<RaisedCrisis | null> {
  const { conversation, lang, categories } = input;
  const at = input.at ?? new Date();
  const m = ctx.municipality;
  const duty = await whoIsOnDuty(ctx, conversation.agencyId, at);
  const escalateAt = duty.state === 'staff' ? new Date(at.getTime() + escalationDelayMs(ctx)) : at;
  const [alert] = await tx
    .insert(alerts)
    .values({
      agencyId: conversation.agencyId,
      conversationId: conversation.id,
      messageId: input.messageId,
      urgency: 'emergency',
      reasons: input.reasons,
      duty: duty.state,
      escalateAt,
    })
    .onConflictDoNothing()
    .returning();
  if (!alert) return null;
  if (conversation.staffEngagedAt && duty.state === 'staff') return { alert, safety: [] };
  const nextStaffed = !isStaffed(m, at) && nextStaffedStart(m, at) ? describeNextStaffed(m, at, lang) : null;
  const text = safetyReplyText(m, { lang, categories, writer: writerOf(conversation), channel: conversation.channel, duty: duty.state, nextStaffed, at });
  const safety = await insertOutbound(tx, conversation, [{ text, authorType: 'bot' }]);
  return { alert, safety };
}

export async function announceCrisis(ctx: Context, crisis: RaisedCrisis): Promise<void> {
  const { alert, safety } = crisis;
  await queueDelivery(ctx, safety, DeliveryPriority.safety);
  ctx.publisher.alertCrisis(alert.agencyId, presentAlert(alert));
  if (!(await scheduleEscalation(ctx, alert))) ctx.log.warn({ alertId: alert.id }, 'escalation not scheduled now; the sweeper will retry');
  ctx.log.warn({ alertId: alert.id, conversationId: alert.conversationId, duty: alert.duty }, 'crisis alert raised');
}
