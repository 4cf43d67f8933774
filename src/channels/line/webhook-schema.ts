/**
 * zod schemas for the LINE webhook request body.
 *
 * Strict on the envelope (`{ destination, events: [] }`), tolerant inside: every event is parsed
 * on its own, unknown extra fields are stripped (LINE adds fields over time) and unknown event
 * types are left to the caller to ignore. `events` may be empty: the console's "Verify" button
 * sends an empty list.
 *
 * LINE documentation: https://developers.line.biz/en/reference/messaging-api/#request-body, https://developers.line.biz/en/reference/messaging-api/#webhook-event-objects
 */
import { z } from 'zod';

/** Envelope. Events stay `unknown` here so one odd event cannot reject the whole delivery. */
export const lineWebhookBodySchema = z.object({
  destination: z.string(),
  events: z.array(z.unknown()),
});
export type LineWebhookBody = z.infer<typeof lineWebhookBodySchema>;

/** An id LINE made (user, event, reply token): visible ASCII only, so nothing odd reaches the database. */
const lineId = z.string().min(1).max(200).regex(/^[\x21-\x7E]+$/, 'visible ASCII');

/** user / group / room. Kept open (type is any string) so a new source type is ignored, not rejected. */
export const lineSourceSchema = z.object({
  type: z.string(),
  userId: lineId.optional(),
  groupId: z.string().optional(),
  roomId: z.string().optional(),
});
export type LineSource = z.infer<typeof lineSourceSchema>;

export const lineDeliveryContextSchema = z.object({ isRedelivery: z.boolean() });

/** Fields common to the events we act on. */
export const lineEventBaseSchema = z.object({
  type: z.string(),
  webhookEventId: lineId,
  timestamp: z.number().int().nonnegative(),
  /** Always sent by LINE; treated as "not a redelivery" if a test or proxy leaves it out. */
  deliveryContext: lineDeliveryContextSchema.optional(),
  source: lineSourceSchema.optional(),
  /** 'active' | 'standby' (module channels). Not interpreted here. */
  mode: z.string().optional(),
});

/** Message types LINE sends in webhooks today; others are still accepted (see parse.ts). */
export const LINE_MESSAGE_TYPES = ['text', 'image', 'video', 'audio', 'file', 'location', 'sticker'] as const;
export type LineMessageType = (typeof LINE_MESSAGE_TYPES)[number];

export const lineMessageContentSchema = z.object({
  id: z.string().min(1),
  type: z.string().min(1),
  text: z.string().optional(),
});

export const lineMessageEventSchema = lineEventBaseSchema.extend({
  type: z.literal('message'),
  replyToken: lineId.optional(),
  message: lineMessageContentSchema,
});
export type LineMessageEvent = z.infer<typeof lineMessageEventSchema>;

/** LINE caps postback data at 300 characters. */
export const LINE_POSTBACK_DATA_MAX = 300;

export const linePostbackEventSchema = lineEventBaseSchema.extend({
  type: z.literal('postback'),
  replyToken: lineId.optional(),
  postback: z.object({
    data: z.string().max(LINE_POSTBACK_DATA_MAX),
    params: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type LinePostbackEvent = z.infer<typeof linePostbackEventSchema>;

/** Minimal shape used to read `type` / `webhookEventId` off any event, known or not. */
export const lineAnyEventSchema = z.object({
  type: z.string(),
  webhookEventId: z.string().optional(),
});
