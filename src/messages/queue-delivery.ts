/**
 * After the transaction that wrote outbound messages commits: show them to staff
 * (one `message:created` for them, with the conversation as they left it when that changed) and
 * queue their delivery, at a priority. Messages written together (a bot
 * turn's replies) get one job, the first's: it sends the batch it starts (on LINE up to five in
 * one call) and then the conversation's next waiting answers (workers/deliver.ts), so a job per
 * message only loaded a message already sent. Should that job be lost, the sweeper brings back a
 * job for every answer still waiting (src/intake/sweeper.ts).
 */
import type { Context } from '../context';
import type { ConversationChangePayload } from '../contracts';
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

export async function queueDelivery(ctx: Context, rows: MessageRow[], priority: number = DeliveryPriority.ordinary, changed?: ConversationChangePayload): Promise<void> {
  if (rows.length === 0) return;
  // Shown before queued: the worker's `message:updated` (sent, failed) must follow `message:created`.
  await publishCreated(ctx, rows, changed);
  // the earliest: a later one's job would wait for it
  const first = rows.reduce((a, b) => (b.seq < a.seq ? b : a));
  const queued = await enqueue.deliver(ctx, first.id, priority);
  if (!queued) ctx.log.warn({ messageId: first.id }, 'delivery not queued now; the sweeper will retry');
}

async function publishCreated(ctx: Context, rows: MessageRow[], changed?: ConversationChangePayload): Promise<void> {
  const inOrder = [...rows].sort((a, b) => a.seq - b.seq);
  ctx.publisher.messagesCreated(rows[0].agencyId, rows[0].conversationId, await presentManyForStaff(ctx.db, inOrder), changed);
}
