/**
 * A LINE webhook request (its signature already checked) → InboundMessage[], in the order LINE
 * sent the events. A tapped button (postback) keeps its data for the bot and gets its label, in
 * the person's language, as the text staff read.
 * @see https://developers.line.biz/en/reference/messaging-api/#webhook-event-objects
 * @see https://developers.line.biz/en/reference/messaging-api/#postback-event
 *
 * LINE documentation: https://developers.line.biz/en/reference/messaging-api/#message-event, https://developers.line.biz/en/reference/messaging-api/#postback-event
 */
import type { InboundMessage, Lang } from '../types';
import { labelForPostback } from '../../dialogue/machine';
import { parseLineWebhook, type ParseLineWebhookResult } from './parse';

/** The raw body → parsed events; malformed JSON is `invalid_body` like any other bad body. */
export function readLineWebhook(raw: Buffer): ParseLineWebhookResult {
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    return { ok: false, error: { code: 'invalid_body', message: 'malformed JSON' } };
  }
  return parseLineWebhook(json);
}

/** The LINE users who tapped a button: their language decides the label staff read. */
export const postbackWriters = (messages: InboundMessage[]) => [...new Set(messages.filter((m) => m.kind === 'postback').map((m) => m.externalUserId))];

/** `langOf`: the person's language (their contact's), for the label of a button they tapped. */
export function labelPostbacks(messages: InboundMessage[], langOf: (lineUserId: string) => Lang): InboundMessage[] {
  return messages.map((m) => (m.kind === 'postback' ? { ...m, postback: m.text, text: labelForPostback(m.text, langOf(m.externalUserId)) ?? m.text } : m));
}
