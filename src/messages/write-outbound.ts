/**
 * Writes outbound messages (a staff answer, the bot's replies) inside the caller's transaction,
 * the same for every channel: `pending`, with a LINE retry key fixed now. Delivery is queued
 * after commit (queue-delivery.ts); how each channel then sends is the deliver worker's
 * (LINE: src/channels/line/outbound.ts and send.ts; widget: a socket event).
 */
import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../db/client';
import { messages, type Button } from '../db/schema';

export type MessageRow = typeof messages.$inferSelect;

export interface OutboundDraft {
  text: string;
  authorType: 'bot' | 'staff';
  authorStaffId?: string;
  buttons?: Button[];
}

/** An outbound message's row as written: `pending`, with a LINE retry key fixed now. */
export function outboundValues(conversation: { id: string; agencyId: string; channel: 'line' | 'widget' }, d: OutboundDraft) {
  return {
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
  } satisfies typeof messages.$inferInsert;
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
    .values(drafts.map((d) => outboundValues(conversation, d)))
    .returning()
    .then((rows) => rows.sort((a, b) => a.seq - b.seq));
}
