/**
 * A widget send request → InboundMessage. The idempotency key is the conversation and the
 * client's own message id, so a widget retrying after a lost answer stores the message once.
 */
import type { InboundMessage } from '../types';
import type { WidgetSession } from './sessions';

export interface WidgetSend {
  text: string;
  clientMessageId: string;
  /** The data of a bot button the person chose (`text` is its label). */
  postback?: string;
}

export function widgetInbound(session: Pick<WidgetSession, 'contactExternalId' | 'conversationId'>, body: WidgetSend): InboundMessage {
  return {
    channel: 'widget',
    externalUserId: session.contactExternalId,
    externalMessageId: `${session.conversationId}:${body.clientMessageId}`,
    kind: body.postback ? 'postback' : 'text',
    text: body.text,
    postback: body.postback,
    sentAt: new Date(),
  };
}
