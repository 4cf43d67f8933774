/**
 * Outgoing LINE text messages and the Messaging API limits that apply to them.
 *
 * LINE documentation: https://developers.line.biz/en/reference/messaging-api/#text-message, https://developers.line.biz/en/docs/messaging-api/using-quick-reply/
 */

/** Messages per reply/push request. */
export const LINE_MAX_MESSAGES_PER_REQUEST = 5;
/** Characters per text message (counted here in UTF-16 code units, which is never fewer). */
export const LINE_TEXT_MAX_LENGTH = 5000;
export const LINE_QUICK_REPLY_MAX_ITEMS = 13;
export const LINE_QUICK_REPLY_LABEL_MAX_LENGTH = 20;
export const LINE_POSTBACK_DATA_MAX_LENGTH = 300;
/** displayText of a postback action, text of a message action. */
export const LINE_ACTION_TEXT_MAX_LENGTH = 300;

export type LineQuickReplyAction =
  | { type: 'postback'; label: string; data: string; displayText?: string }
  | { type: 'message'; label: string; text: string };

export interface LineQuickReplyItem {
  type: 'action';
  imageUrl?: string;
  action: LineQuickReplyAction;
}

export interface LineQuickReply {
  items: LineQuickReplyItem[];
}

export interface LineTextMessage {
  type: 'text';
  text: string;
  quickReply?: LineQuickReply;
}

export interface ToLineMessagesOptions {
  /** Attached to the last message (LINE shows the quick reply of the last message only). */
  quickReply?: LineQuickReply;
}

/**
 * Texts → LINE text messages for ONE reply/push call. Blank texts are dropped and texts longer
 * than 5000 characters are split (at a line break when there is one near the end of a chunk).
 * Throws RangeError if the result needs more than 5 messages (use toLineMessageBatches) or the
 * quick reply breaks LINE's limits. Returns [] when there is nothing to send.
 */
export function toLineMessages(texts: string[], opts: ToLineMessagesOptions = {}): LineTextMessage[] {
  const batches = toLineMessageBatches(texts, opts);
  if (batches.length > 1) {
    throw new RangeError(
      `too many LINE messages for one request: at most ${LINE_MAX_MESSAGES_PER_REQUEST} per call`,
    );
  }
  return batches[0] ?? [];
}

/** Like toLineMessages, but groups any number of messages into calls of at most 5. */
export function toLineMessageBatches(texts: string[], opts: ToLineMessagesOptions = {}): LineTextMessage[][] {
  if (opts.quickReply) assertQuickReply(opts.quickReply);
  const chunks: string[] = [];
  for (const text of texts) {
    if (typeof text !== 'string' || text.trim() === '') continue;
    chunks.push(...splitText(text, LINE_TEXT_MAX_LENGTH));
  }
  const messages: LineTextMessage[] = chunks.map((text) => ({ type: 'text', text }));
  if (messages.length === 0) return [];
  if (opts.quickReply) messages[messages.length - 1].quickReply = opts.quickReply;
  const batches: LineTextMessage[][] = [];
  for (let i = 0; i < messages.length; i += LINE_MAX_MESSAGES_PER_REQUEST) {
    batches.push(messages.slice(i, i + LINE_MAX_MESSAGES_PER_REQUEST));
  }
  return batches;
}

/** Returns a reason if `messages` would be rejected by LINE, else null. */
export function checkLineMessages(messages: readonly LineTextMessage[]): string | null {
  if (!Array.isArray(messages) || messages.length === 0) return 'no messages';
  if (messages.length > LINE_MAX_MESSAGES_PER_REQUEST) {
    return `at most ${LINE_MAX_MESSAGES_PER_REQUEST} messages per request`;
  }
  for (const [i, m] of messages.entries()) {
    if (!m || m.type !== 'text') return `messages[${i}]: only text messages are supported`;
    if (typeof m.text !== 'string' || m.text.length === 0) return `messages[${i}].text: empty`;
    if (m.text.length > LINE_TEXT_MAX_LENGTH) return `messages[${i}].text: longer than ${LINE_TEXT_MAX_LENGTH}`;
    if (m.quickReply) {
      try {
        assertQuickReply(m.quickReply);
      } catch (err) {
        return `messages[${i}].quickReply: ${(err as Error).message}`;
      }
    }
  }
  return null;
}

function assertQuickReply(q: LineQuickReply): void {
  if (!Array.isArray(q.items) || q.items.length === 0) throw new RangeError('quick reply needs at least one item');
  if (q.items.length > LINE_QUICK_REPLY_MAX_ITEMS) {
    throw new RangeError(`quick reply: at most ${LINE_QUICK_REPLY_MAX_ITEMS} items`);
  }
  for (const [i, item] of q.items.entries()) {
    const a = item.action;
    if (!a.label || a.label.length > LINE_QUICK_REPLY_LABEL_MAX_LENGTH) {
      throw new RangeError(`quick reply item ${i}: label must be 1–${LINE_QUICK_REPLY_LABEL_MAX_LENGTH} characters`);
    }
    if (a.type === 'postback') {
      if (!a.data || a.data.length > LINE_POSTBACK_DATA_MAX_LENGTH) {
        throw new RangeError(`quick reply item ${i}: postback data must be 1–${LINE_POSTBACK_DATA_MAX_LENGTH} characters`);
      }
      if (a.displayText !== undefined && a.displayText.length > LINE_ACTION_TEXT_MAX_LENGTH) {
        throw new RangeError(`quick reply item ${i}: displayText longer than ${LINE_ACTION_TEXT_MAX_LENGTH}`);
      }
    } else if (a.type === 'message') {
      if (!a.text || a.text.length > LINE_ACTION_TEXT_MAX_LENGTH) {
        throw new RangeError(`quick reply item ${i}: text must be 1–${LINE_ACTION_TEXT_MAX_LENGTH} characters`);
      }
    }
  }
}

/** Splits into chunks of at most `max` UTF-16 units, never inside a surrogate pair. */
function splitText(text: string, max: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = max;
    const newline = rest.lastIndexOf('\n', max - 1);
    if (newline >= max * 0.8) cut = newline + 1;
    else if (isHighSurrogate(rest.charCodeAt(cut - 1))) cut -= 1;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest.length > 0) out.push(rest);
  return out.filter((c) => c.trim() !== '');
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
