/**
 * The crisis reply told the person, with nobody signed in, that the on-call staff were being
 * alerted. When every escalation target has refused the notice for the municipality's
 * `tellPersonUnreachedSeconds` (default 60), that is no longer true: the person is told, once,
 * that the on-call staff have not been reached yet, that nobody can read the message now (and
 * when the desk opens), what to do now and the numbers — in the crisis reply's language.
 *
 * Not when a staff member has the inbox open by then (the alert is in front of them), not once the
 * alert is acknowledged or a target accepted, and not to a person writing about danger at home
 * (dv, abuse): a message arriving later on their phone may be seen by the person they fear.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Context } from '../context';
import { alerts, contacts, conversations, messages } from '../db/schema';
import { describeNextStaffed, isStaffed, nextStaffedStart } from '../municipality';
import { insertOutbound } from '../messages/write-outbound';
import { DeliveryPriority, queueDelivery } from '../messages/queue-delivery';
import { writtenLanguage } from '../dialogue/written-language';
import type { Lang } from '../dialogue/texts';
import { whoIsOnDuty } from './on-duty';
import { dangerAtHome, safetyReplyText, writerOf } from './safety-reply';

type AlertRow = typeof alerts.$inferSelect;

export type TellUnreached = 'told' | 'not yet' | 'not needed' | 'staff signed in' | 'danger at home';

export async function tellPersonUnreached(ctx: Context, alert: AlertRow, at = new Date()): Promise<TellUnreached> {
  const reached = alert.escalationNotifiedAt || alert.escalationEmailedAt;
  if (alert.duty !== 'on_call' || alert.personToldUnreachedAt || alert.acknowledgedAt || reached) return 'not needed';
  const since = alert.escalatedAt ?? alert.createdAt;
  if (at.getTime() - since.getTime() < ctx.municipality.escalation.tellPersonUnreachedSeconds * 1000) return 'not yet';
  if ((await whoIsOnDuty(ctx, alert.agencyId, at)).state === 'staff') return 'staff signed in';

  const written = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ conversation: conversations, lang: contacts.lang, text: messages.text })
      .from(conversations)
      .innerJoin(contacts, eq(contacts.id, conversations.contactId))
      .innerJoin(messages, eq(messages.id, alert.messageId))
      .where(eq(conversations.id, alert.conversationId));
    if (!row) return null;
    const categories = row.conversation.triage?.categories ?? [];
    const writer = writerOf(row.conversation);
    if (dangerAtHome(writer, categories)) return 'danger at home' as const;
    // Claimed with the message it leads to: a retry or a second worker finds it told.
    const [claimed] = await tx
      .update(alerts)
      .set({ personToldUnreachedAt: at })
      .where(and(eq(alerts.id, alert.id), isNull(alerts.personToldUnreachedAt), isNull(alerts.acknowledgedAt)))
      .returning({ id: alerts.id });
    if (!claimed) return null;
    const m = ctx.municipality;
    const lang = writtenLanguage(row.lang as Lang, row.text ?? '');
    const nextStaffed = !isStaffed(m, at) && nextStaffedStart(m, at) ? describeNextStaffed(m, at, lang) : null;
    const text = safetyReplyText(m, { lang, categories, writer, channel: row.conversation.channel, duty: 'nobody', nextStaffed, at, unreached: true });
    return insertOutbound(tx, row.conversation, [{ text, authorType: 'bot' }]);
  });
  if (written === 'danger at home') return written;
  if (!written) return 'not needed';
  await queueDelivery(ctx, written, DeliveryPriority.safety);
  ctx.log.warn({ alertId: alert.id, conversationId: alert.conversationId }, 'the person was told the on-call staff have not been reached');
  return 'told';
}
