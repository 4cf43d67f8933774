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
import type { InboundMessage } from '../types';
import {
  lineAnyEventSchema,
  lineMessageEventSchema,
  linePostbackEventSchema,
  lineWebhookBodySchema,
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
      const ev = lineMessageEventSchema.safeParse(raw);
      if (!ev.success) {
        ignored.push({ webhookEventId, reason: `invalid_event: ${describeIssues(ev.error.issues)}` });
        return;
      }
      const e = ev.data;
      const userId = userIdOf(e.source);
      if (!userId.ok) {
        ignored.push({ webhookEventId, reason: userId.reason });
        return;
      }
      const kind = e.message.type;
      let text: string;
      if (kind === 'text') {
        if (typeof e.message.text !== 'string') {
          ignored.push({ webhookEventId, reason: 'invalid_event: text message without text' });
          return;
        }
        text = e.message.text;
      } else {
        text = LINE_PLACEHOLDERS[kind] ?? LINE_PLACEHOLDER_UNKNOWN;
      }
      messages.push(
        toInbound({
          userId: userId.userId,
          webhookEventId: e.webhookEventId,
          kind,
          text,
          timestamp: e.timestamp,
          replyToken: e.replyToken,
          redelivery: e.deliveryContext?.isRedelivery ?? false,
        }),
      );
      return;
    }

    if (head.data.type === 'postback') {
      const ev = linePostbackEventSchema.safeParse(raw);
      if (!ev.success) {
        ignored.push({ webhookEventId, reason: `invalid_event: ${describeIssues(ev.error.issues)}` });
        return;
      }
      const e = ev.data;
      const userId = userIdOf(e.source);
      if (!userId.ok) {
        ignored.push({ webhookEventId, reason: userId.reason });
        return;
      }
      messages.push(
        toInbound({
          userId: userId.userId,
          webhookEventId: e.webhookEventId,
          kind: 'postback',
          text: e.postback.data,
          timestamp: e.timestamp,
          replyToken: e.replyToken,
          redelivery: e.deliveryContext?.isRedelivery ?? false,
        }),
      );
      return;
    }

    ignored.push({ webhookEventId, reason: `unsupported_event_type: ${head.data.type}` });
  });

  return { ok: true, messages, ignored };
}

function toInbound(p: {
  userId: string;
  webhookEventId: string;
  kind: string;
  text: string;
  timestamp: number;
  replyToken: string | undefined;
  redelivery: boolean;
}): InboundMessage {
  const msg: InboundMessage = {
    channel: 'line',
    externalUserId: p.userId,
    externalMessageId: p.webhookEventId,
    kind: p.kind,
    text: p.text,
    sentAt: new Date(p.timestamp),
    redelivery: p.redelivery,
  };
  if (p.replyToken) msg.lineReplyToken = p.replyToken;
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
