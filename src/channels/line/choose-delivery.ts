/**
 * Reply or push? LINE reply tokens are single-use and short-lived (LINE only promises about a
 * minute), and replies are free while pushes count against the monthly quota, so a reply is used
 * whenever the token is still fresh and unused; otherwise a push.
 *
 * Pass the LINE event timestamp (InboundMessage.sentAt) as `replyTokenReceivedAt` rather than the
 * time the webhook arrived: a redelivered webhook can carry a token that is already old.
 *
 * LINE documentation: https://developers.line.biz/en/reference/messaging-api/#send-reply-message, https://developers.line.biz/en/reference/messaging-api/#send-push-message
 */
export type LineDeliveryChoice = { method: 'reply'; replyToken: string } | { method: 'push' };

export interface ChooseLineDeliveryInput {
  replyToken: string | null;
  replyTokenReceivedAt: Date | null;
  replyTokenUsed: boolean;
  now: Date;
  maxAgeSeconds: number;
}

/** Conservative default: LINE documents one minute; keep a margin for the request itself. */
export const DEFAULT_REPLY_TOKEN_MAX_AGE_SECONDS = 50;

export function chooseLineDelivery(input: ChooseLineDeliveryInput): LineDeliveryChoice {
  const { replyToken, replyTokenReceivedAt, replyTokenUsed, now, maxAgeSeconds } = input;
  if (!replyToken || replyTokenUsed || !replyTokenReceivedAt) return { method: 'push' };
  const receivedMs = replyTokenReceivedAt.getTime();
  const nowMs = now.getTime();
  if (!Number.isFinite(receivedMs) || !Number.isFinite(nowMs) || !(maxAgeSeconds > 0)) {
    return { method: 'push' };
  }
  const ageMs = nowMs - receivedMs;
  if (ageMs >= maxAgeSeconds * 1000) return { method: 'push' };
  return { method: 'reply', replyToken };
}
