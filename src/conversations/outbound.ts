/**
 * Outbound messages (staff answers and bot replies) are written inside the caller's transaction
 * and queued for delivery after it commits; staff see them at once as `message:created`.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Context } from '../context';
import type { DbOrTx } from '../db/client';
import { messages, type Button } from '../db/schema';
import { enqueue } from '../queues/enqueue';
import { presentManyForStaff } from '../presenters/message';

type MessageRow = typeof messages.$inferSelect;

export interface OutboundDraft {
  text: string;
  authorType: 'bot' | 'staff';
  authorStaffId?: string;
  buttons?: Button[];
}

export async function insertOutbound(
  tx: DbOrTx,
  conversation: { id: string; agencyId: string; channel: 'line' | 'widget' },
  drafts: OutboundDraft[],
): Promise<MessageRow[]> {
  if (drafts.length === 0) return [];
  // One insert keeps the drafts' order in `seq`.
  return tx
    .insert(messages)
    .values(
      drafts.map((d) => ({
        conversationId: conversation.id,
        agencyId: conversation.agencyId,
        channel: conversation.channel,
        direction: 'out' as const,
        authorType: d.authorType,
        authorStaffId: d.authorStaffId ?? null,
        text: d.text,
        payload: d.buttons?.length ? { buttons: d.buttons } : null,
        deliveryState: 'pending' as const,
        retryKey: randomUUID(),
      })),
    )
    .returning()
    .then((rows) => rows.sort((a, b) => a.seq - b.seq));
}

/**
 * Delivery order across conversations (BullMQ: lower number = sooner). Every delivery carries
 * one: BullMQ takes jobs *without* a priority before all prioritized ones, so a safety reply
 * marked 1 among unmarked ordinary answers would wait behind the whole backlog.
 */
export const DeliveryPriority = { safety: 1, ordinary: 10 } as const;

/** After commit: queue each message for delivery and show it to staff. */
export async function queueDelivery(ctx: Context, rows: MessageRow[], priority: number = DeliveryPriority.ordinary): Promise<void> {
  if (rows.length === 0) return;
  // Shown before queued: the worker's `message:updated` (sent, failed) must follow `message:created`.
  await publishCreated(ctx, rows);
  for (const m of rows) {
    const queued = await enqueue.deliver(ctx, m.id, priority);
    if (!queued) ctx.log.warn({ messageId: m.id }, 'delivery not queued now; the sweeper will retry');
  }
}

async function publishCreated(ctx: Context, rows: MessageRow[]): Promise<void> {
  for (const view of await presentManyForStaff(ctx.db, rows)) ctx.publisher.messageCreated(rows[0].agencyId, rows[0].conversationId, view);
}

export async function loadMessage(db: DbOrTx, id: string): Promise<MessageRow | undefined> {
  return (await db.select().from(messages).where(eq(messages.id, id)))[0];
}
