/**
 * Stored outbound messages (one delivery batch, in order) → the LINE messages of one reply or
 * push: their texts, and the bot's buttons as the quick reply of the last one (LINE shows only
 * that one's). The deliver worker chooses reply or push (choose-delivery.ts) and sends (send.ts).
 *
 * LINE documentation: https://developers.line.biz/en/reference/messaging-api/#quick-reply, https://developers.line.biz/en/reference/messaging-api/#postback-action
 */
import type { MessagePayload } from '../../db/schema';
import { LINE_QUICK_REPLY_LABEL_MAX_LENGTH, LINE_QUICK_REPLY_MAX_ITEMS, toLineMessages, type LineQuickReply, type LineTextMessage } from './messages';

export interface OutboundForLine {
  text: string;
  payload: MessagePayload | null;
}

export function toLineOutbound(batch: OutboundForLine[]): LineTextMessage[] {
  return toLineMessages(
    batch.map((b) => b.text),
    { quickReply: quickReplyFor(batch) },
  );
}

/** The last message's buttons; a tap comes back as a postback and shows the full label as the person's line. */
function quickReplyFor(batch: OutboundForLine[]): LineQuickReply | undefined {
  const buttons = batch.at(-1)?.payload?.buttons;
  if (!buttons?.length) return undefined;
  return {
    items: buttons.slice(0, LINE_QUICK_REPLY_MAX_ITEMS).map((b) => ({
      type: 'action' as const,
      action: { type: 'postback' as const, label: b.label.slice(0, LINE_QUICK_REPLY_LABEL_MAX_LENGTH), data: b.data, displayText: b.label },
    })),
  };
}
