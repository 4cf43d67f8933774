/**
 * After the transaction that wrote outbound messages commits: show them to staff
 * (`message:created`) and queue each for the deliver worker, at a priority.
 */
import type { Context } from '../context';
import { enqueue } from '../queues/enqueue';
import { presentManyForStaff } from '../presenters/message';
import type { MessageRow } from './write-outbound';

/**
 * Delivery order across conversations (BullMQ: lower number = sooner). Every delivery carries
 * one: BullMQ takes jobs *without* a priority before all prioritized ones, so a safety reply
 * marked 1 among unmarked ordinary answers would wait behind the whole backlog. `ahead`: the
 * answer of a dialogue turn that went ahead (a person's first, a safety question), so a first
 * answer does not wait behind returning people's answers either.
 */
export const DeliveryPriority = { safety: 1, ahead: 2, ordinary: 10 } as const;

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
