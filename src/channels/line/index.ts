/**
 * The LINE channel (Messaging API): signature check, webhook parsing, stored answers → LINE
 * messages, reply/push sending.
 * LINE documentation: https://developers.line.biz/en/reference/messaging-api/
 */
export { verifyLineSignature, signLineBody } from './verify';
export * from './webhook-schema';
export {
  parseLineWebhook,
  LINE_PLACEHOLDERS,
  LINE_PLACEHOLDER_UNKNOWN,
  type IgnoredLineEvent,
  type ParseLineWebhookResult,
} from './parse';
export {
  chooseLineDelivery,
  DEFAULT_REPLY_TOKEN_MAX_AGE_SECONDS,
  type ChooseLineDeliveryInput,
  type LineDeliveryChoice,
} from './choose-delivery';
export * from './messages';
export { toLineOutbound, type OutboundForLine } from './outbound';
export {
  createLineSender,
  newLineRetryKey,
  isLineRetryKey,
  DEFAULT_LINE_TIMEOUT_MS,
  type LineSender,
  type LineSenderOptions,
  type SendResult,
} from './send';
export { createLineProfileReader, type ProfileLang } from './profile';
