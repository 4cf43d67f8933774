/**
 * Staff retry a failed delivery, or one whose outcome was unclear (a LINE reply that may have
 * arrived: staff checked and decided to send it again, now by push). The whole batch the message was sent in goes again, under the
 * same LINE retry key, so a message that did reach the person is not delivered twice.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Context } from '../context';
import type { SessionStaff } from '../auth/sessions';
import { messages } from '../db/schema';
import { AppError } from '../errors';
import { enqueueSoon } from '../queues';
import { ensure } from '../queues/enqueue';
import { recordAudit } from '../audit/record';
import { scopeMessages } from '../policies/message';

export async function retryDelivery(ctx: Context, actor: SessionStaff, messageId: string): Promise<void> {
  const [m] = await ctx.db.select().from(messages).where(and(eq(messages.id, messageId), scopeMessages(actor)));
  if (!m || m.direction !== 'out') throw new AppError('not_found');
  if (m.deliveryState !== 'failed' && m.deliveryState !== 'unclear') throw new AppError('conflict', 'only a failed or unclear delivery can be retried');
  const leader = m.deliveryBatch ?? m.id;
  const batch = await ctx.db.select({ id: messages.id }).from(messages).where(eq(messages.deliveryBatch, leader));
  const ids = batch.length ? batch.map((b) => b.id) : [m.id];
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(messages)
      // Sent again by the batch's own first message's job, also when another answer's job had taken it.
      .set({ deliveryState: 'pending', deliveryError: null, deliveryMethod: null, deliverySender: null })
      .where(and(inArray(messages.id, ids), inArray(messages.deliveryState, ['failed', 'unclear'])));
    await recordAudit(tx, { agencyId: actor.agencyId, actorId: actor.id, action: 'message.retry', subjectType: 'message', subjectId: m.id });
  });
  // The same job id: its job finished when the delivery failed, so it is renewed (or retried).
  // Not queued now (Redis away): the message is pending again, so the sweeper queues it.
  await enqueueSoon(() => ensure.deliver(ctx, leader));
}
