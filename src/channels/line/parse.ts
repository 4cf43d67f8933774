/**
 * Turns a (signature-checked) LINE webhook body into InboundMessages.
 *
 * - message events from a 1:1 user chat → one InboundMessage each (text, or a Japanese
 *   placeholder for stickers, images, …);
 * - postback events from a user → kind 'postback', text = postback data;
 * - everything else (follow, unfollow, group/room sources, unknown event types, events that do
 *   not match the expected shape) → `ignored`, with a reason safe to log (never message text).
 *
 * Only a body that is not `{ destination: string, events: [] }` is an error.
 *
 * LINE documentation: https://developers.line.biz/en/reference/messaging-api/#webhook-event-objects, https://developers.line.biz/en/docs/messaging-api/receiving-messages/#webhook-redelivery
 */
import type { z } from 'zod';
import type { InboundMessage } from '../types';
import {
  lineAnyEventSchema,
  lineMessageEventSchema,
  linePostbackEventSchema,
  lineWebhookBodySchema,
  type LineMessageEvent,
  type LinePostbackEvent,
  type LineSource,
} from './webhook-schema';

export interface IgnoredLineEvent {
  webhookEventId?: string;
  reason: string;
}

export type ParseLineWebhookResult =
  | { ok: true; messages: InboundMessage[]; ignored: IgnoredLineEvent[] }
  | { ok: false; error: { code: 'invalid_body'; message: string } };

/** Placeholder texts for non-text LINE messages. */
export const LINE_PLACEHOLDERS: Record<string, string> = {
  image: '[画像]',
  video: '[動画]',
  audio: '[音声]',
  file: '[ファイル]',
  location: '[位置情報]',
  sticker: '[スタンプ]',
};
/** For a message type LINE adds in future. */
export const LINE_PLACEHOLDER_UNKNOWN = '[未対応の形式のメッセージ]';

export function parseLineWebhook(body: unknown): ParseLineWebhookResult {
  const envelope = lineWebhookBodySchema.safeParse(body);
  if (!envelope.success) {
    return {
      ok: false,
      error: { code: 'invalid_body', message: describeIssues(envelope.error.issues) },
    };
  }

  const messages: InboundMessage[] = [];
  const ignored: IgnoredLineEvent[] = [];

  envelope.data.events.forEach((raw, index) => {
    const head = lineAnyEventSchema.safeParse(raw);
    if (!head.success) {
      ignored.push({ reason: `invalid_event: events[${index}] has no type` });
      return;
    }
    const webhookEventId = head.data.webhookEventId;

    if (head.data.type === 'message') {
      const read = readUserEvent(lineMessageEventSchema, raw);
      if (!read.ok) {
        ignored.push({ webhookEventId, reason: read.reason });
        return;
      }
      const { event: e, userId } = read;
      const kind = e.message.type;
      const text = kind === 'text' ? e.message.text : (LINE_PLACEHOLDERS[kind] ?? LINE_PLACEHOLDER_UNKNOWN);
      if (text === undefined) {
        ignored.push({ webhookEventId, reason: 'invalid_event: text message without text' });
        return;
      }
      messages.push(toInbound(userId, e, kind, text));
      return;
    }

    if (head.data.type === 'postback') {
      const read = readUserEvent(linePostbackEventSchema, raw);
      if (!read.ok) {
        ignored.push({ webhookEventId, reason: read.reason });
        return;
      }
      messages.push(toInbound(read.userId, read.event, 'postback', read.event.postback.data));
      return;
    }

    ignored.push({ webhookEventId, reason: `unsupported_event_type: ${head.data.type}` });
  });

  return { ok: true, messages, ignored };
}

type LineUserEvent = LineMessageEvent | LinePostbackEvent;

/** The event checked against its schema and sent from a 1:1 chat with a user; else why it is ignored. */
function readUserEvent<E extends LineUserEvent>(
  schema: z.ZodType<E>,
  raw: unknown,
): { ok: true; event: E; userId: string } | { ok: false; reason: string } {
  const ev = schema.safeParse(raw);
  if (!ev.success) return { ok: false, reason: `invalid_event: ${describeIssues(ev.error.issues)}` };
  const userId = userIdOf(ev.data.source);
  if (!userId.ok) return userId;
  return { ok: true, event: ev.data, userId: userId.userId };
}

function toInbound(userId: string, e: LineUserEvent, kind: string, text: string): InboundMessage {
  const msg: InboundMessage = {
    channel: 'line',
    externalUserId: userId,
    externalMessageId: e.webhookEventId,
    kind,
    text,
    sentAt: new Date(e.timestamp),
    redelivery: e.deliveryContext?.isRedelivery ?? false,
  };
  if (e.replyToken) msg.lineReplyToken = e.replyToken;
  return msg;
}

function userIdOf(
  source: LineSource | undefined,
): { ok: true; userId: string } | { ok: false; reason: string } {
  if (!source) return { ok: false, reason: 'no_source' };
  if (source.type !== 'user') return { ok: false, reason: `unsupported_source: ${source.type}` };
  if (!source.userId) return { ok: false, reason: 'invalid_event: user source without userId' };
  return { ok: true, userId: source.userId };
}

/** Paths and zod messages only — never the offending values (they may be consultation text). */
function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.map(String).join('.') : '(root)'}: ${i.message}`)
    .join('; ');
}
