/**
 * Publishes live events to Socket.IO from any process (API or workers) through Redis, using the
 * socket.io redis emitter; API processes run the matching redis adapter and forward to sockets.
 * Event names and payloads are the contract in src/contracts/socket-events.ts, shared with the
 * inbox and the widget; the emitters are typed with it.
 */
import { Emitter } from '@socket.io/redis-emitter';
import type { Redis } from 'ioredis';
import type {
  AlertView,
  ConversationChangePayload,
  ConversationView,
  FollowUpView,
  Lang,
  NoteView,
  ReferralView,
  StaffMessageView,
  StaffServerEvents,
  WidgetMessageView,
  WidgetServerEvents,
} from '../contracts';

export const rooms = {
  agency: (agencyId: string) => `agency:${agencyId}`,
  supervisors: (agencyId: string) => `agency:${agencyId}:supervisors`,
  conversation: (conversationId: string) => `conversation:${conversationId}`,
  /** The sockets one staff login session opened (its id is the token's hash). */
  session: (sessionId: string) => `session:${sessionId}`,
  /** Every socket of one staff member, whichever session opened it. */
  staff: (staffId: string) => `staff:${staffId}`,
};

/** The key both emitter and adapter use; includes the queue prefix so test runs stay apart. */
export const socketKey = (prefix: string) => `${prefix}:socket.io`;

export interface Publisher {
  /**
   * Messages of one conversation written together, in the order written (one event); with
   * `changed`, the conversation as writing them left it, instead of a `conversationUpdated` of its own.
   */
  messagesCreated(agencyId: string, conversationId: string, messages: StaffMessageView[], changed?: ConversationChangePayload): void;
  /** Delivery state of outbound messages of one conversation changed (sent, failed, retrying): one event. */
  messagesUpdated(agencyId: string, conversationId: string, messages: StaffMessageView[]): void;
  /** `triagedMessageId`: the message whose triage just finished, when triage sends it. */
  conversationUpdated(conversation: ConversationView, triagedMessageId?: string): void;
  widgetMessage(conversationId: string, message: WidgetMessageView): void;
  /** Staff of the agency are typing an answer (shown in the widget). */
  widgetTyping(conversationId: string, active: boolean): void;
  /** The bot answers this conversation in `lang` from now on (the widget's words follow). */
  widgetLanguage(conversationId: string, lang: Lang): void;
  /** The person ended their widget session: frames showing it clear, and its sockets are closed. */
  widgetSessionEnded(conversationId: string): void;
  /** A crisis: every staff member of the agency, loud until acknowledged. */
  alertCrisis(agencyId: string, alert: AlertView): void;
  alertAcknowledged(agencyId: string, alert: AlertView): void;
  noteCreated(agencyId: string, conversationId: string, note: NoteView): void;
  /** Nobody acknowledged in time: supervisors and admins of the agency. */
  alertEscalated(agencyId: string, alert: AlertView): void;
  /** An open alert's escalation changed (a target refused it, or accepted it after refusing). */
  alertUpdated(agencyId: string, alert: AlertView): void;
  /** A referral was sent, accepted or returned: the staff of both agencies. */
  referralUpdated(referral: ReferralView, agencyIds: [string, string]): void;
  /** A follow-up (アウトリーチ) is overdue: its owner's inbox, wherever they are signed in. */
  followUpDue(ownerId: string, followUp: FollowUpView): void;
  /** A session ended (logout): its live sockets are cut, in whichever API process they are. */
  endSessionSockets(sessionId: string): void;
  /** An account was disabled or its password reset: all its live sockets are cut. */
  endStaffSockets(staffId: string): void;
}

/** Without an absent `triagedMessageId` key: the inbox and the bench read its presence. */
const change = ({ conversation, triagedMessageId }: ConversationChangePayload) => (triagedMessageId ? { conversation, triagedMessageId } : { conversation });

export function createPublisher(redis: Redis, prefix: string): Publisher {
  const opts = { key: socketKey(prefix) };
  const staff = new Emitter<StaffServerEvents>(redis, opts).of('/staff');
  const widget = new Emitter<WidgetServerEvents>(redis, opts).of('/widget');
  return {
    messagesCreated: (agencyId, conversationId, messages, changed) =>
      void (messages.length > 0 && staff.to(rooms.agency(agencyId)).emit('message:created', { conversationId, messages, ...(changed && change(changed)) })),
    messagesUpdated: (agencyId, conversationId, messages) =>
      void (messages.length > 0 && staff.to(rooms.agency(agencyId)).emit('message:updated', { conversationId, messages })),
    conversationUpdated: (conversation, triagedMessageId) => void staff.to(rooms.agency(conversation.agencyId)).emit('conversation:updated', change({ conversation, triagedMessageId })),
    widgetMessage: (conversationId, message) =>
      void widget.to(rooms.conversation(conversationId)).emit('message', message),
    widgetTyping: (conversationId, active) => void widget.to(rooms.conversation(conversationId)).emit('typing', { active }),
    widgetLanguage: (conversationId, lang) => void widget.to(rooms.conversation(conversationId)).emit('lang', { lang }),
    widgetSessionEnded: (conversationId) => {
      widget.to(rooms.conversation(conversationId)).emit('session:ended', {});
      // A socket authenticates once, at connection: without this it would keep receiving answers.
      widget.in(rooms.conversation(conversationId)).disconnectSockets(true);
    },
    alertCrisis: (agencyId, alert) => void staff.to(rooms.agency(agencyId)).emit('alert:crisis', alert),
    noteCreated: (agencyId, conversationId, note) => void staff.to(rooms.agency(agencyId)).emit('note:created', { conversationId, note }),
    alertAcknowledged: (agencyId, alert) => void staff.to(rooms.agency(agencyId)).emit('alert:acknowledged', alert),
    alertEscalated: (agencyId, alert) => void staff.to(rooms.supervisors(agencyId)).emit('alert:escalated', alert),
    alertUpdated: (agencyId, alert) => void staff.to(rooms.agency(agencyId)).emit('alert:updated', alert),
    referralUpdated: (referral, agencyIds) => void staff.to(agencyIds.map(rooms.agency)).emit('referral:updated', { referral }),
    followUpDue: (ownerId, followUp) => void staff.to(rooms.staff(ownerId)).emit('followup:due', { followUp }),
    endSessionSockets: (sessionId) => staff.in(rooms.session(sessionId)).disconnectSockets(true),
    endStaffSockets: (staffId) => staff.in(rooms.staff(staffId)).disconnectSockets(true),
  };
}
