/** What every channel turns an incoming event into, before intake.accept() stores it. */
export type Channel = 'line' | 'widget';
export type Lang = 'ja' | 'en' | 'easy-ja';

export interface InboundMessage {
  channel: Channel;
  /** Who is writing, in the channel's own terms (LINE user id; widget: the session's contact id). */
  externalUserId: string;
  /** Idempotency key: LINE webhookEventId, widget `<conversationId>:<clientMessageId>`. */
  externalMessageId: string;
  /** `text`, or the LINE message type (sticker, image, …). */
  kind: string;
  /** The text, or a placeholder such as 「[スタンプ]」 for non-text messages. */
  text: string;
  /** When the person sent it (LINE event timestamp), else when it was received. */
  sentAt: Date;
  /** LINE only: the reply token of this event, usable once, for a short time. */
  lineReplyToken?: string;
  /** A button the person tapped (LINE postback / widget choice): its data; `text` is its label. */
  postback?: string;
  /** LINE only: deliveryContext.isRedelivery (for logs; idempotency does not depend on it). */
  redelivery?: boolean;
}
