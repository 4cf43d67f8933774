/**
 * The Socket.IO contract: event name → payload, for both namespaces and both directions. The
 * server (`new Server<…>`), the Redis emitter that workers publish through, the inbox and the
 * widget are all typed with these maps, so an event renamed or reshaped fails to compile everywhere.
 * Names are `entity:action` for staff; the widget's are short because they ship to phones.
 * @see https://socket.io/docs/v4/typescript/
 */
import type { AlertView } from './alert';
import type { Lang } from './enums';
import type { FollowUpView, ReferralView } from './case';
import type { ConversationView } from './conversation';
import type { StaffMessageView, WidgetMessageView } from './message';
import type { NoteView, PresenceView } from './staff';

/**
 * Messages of one conversation written (or changed) together, in the order they were written: a
 * bot turn's replies, a delivered batch. One event for them, not one each: every event crosses
 * Redis and reaches every staff socket of the agency (issue 13).
 */
export interface MessagesEventPayload {
  conversationId: string;
  messages: StaffMessageView[];
}

/** A conversation as something left it (`conversation:updated`). */
export interface ConversationChangePayload {
  conversation: ConversationView;
  /** Sent by triage: the message whose triage `conversation` includes. */
  triagedMessageId?: string;
}

/**
 * `message:created`: the messages and, when writing them changed their conversation (a person's
 * message, a bot turn, a staff answer), the conversation as they left it — what a
 * `conversation:updated` would carry, which is then not sent: one event, not two (issue 13).
 */
export type MessagesCreatedPayload = MessagesEventPayload & Partial<ConversationChangePayload>;

export interface StaffTypingPayload {
  conversationId: string;
  staffId: string;
  name: string;
  active: boolean;
}

/** Server → inbox, namespace `/staff` (rooms: the agency; supervisors of the agency). */
export interface StaffServerEvents {
  'message:created': (e: MessagesCreatedPayload) => void;
  /** Delivery state of outbound messages changed (sent, failed, retrying). */
  'message:updated': (e: MessagesEventPayload) => void;
  'conversation:updated': (e: ConversationChangePayload) => void;
  /** A colleague is writing an answer. */
  'conversation:typing': (e: StaffTypingPayload) => void;
  'note:created': (e: { conversationId: string; note: NoteView }) => void;
  presence: (e: PresenceView) => void;
  /** A crisis: every staff member of the agency, loud until acknowledged. */
  'alert:crisis': (a: AlertView) => void;
  'alert:acknowledged': (a: AlertView) => void;
  /** Nobody acknowledged in time: supervisors and admins of the agency. */
  'alert:escalated': (a: AlertView) => void;
  /** An open alert's escalation changed: a target refused the notice, or accepted it after refusing. */
  'alert:updated': (a: AlertView) => void;
  /** A referral was sent, accepted or returned: staff of the sending and the receiving agency. */
  'referral:updated': (e: { referral: ReferralView }) => void;
  /** A follow-up (アウトリーチ) the staff member owns is overdue (room: the staff member). */
  'followup:due': (e: { followUp: FollowUpView }) => void;
}

/** Inbox → server, namespace `/staff`. */
export interface StaffClientEvents {
  typing: (e: { conversationId: string; active: boolean }) => void;
}

/** Server → widget, namespace `/widget` (room: the session's conversation). */
export interface WidgetServerEvents {
  message: (m: WidgetMessageView) => void;
  /** Staff are typing an answer. */
  typing: (e: { active: boolean }) => void;
  /** The session was ended (on this or another tab of this device); the socket closes next. */
  'session:ended': (e: Record<string, never>) => void;
  /** The bot answers in this language from now on: the person clearly wrote in it (src/dialogue/written-language.ts). */
  lang: (e: { lang: Lang }) => void;
}

/** Widget → server, namespace `/widget`: nothing yet (messages go through the HTTP API, durably). */
export type WidgetClientEvents = Record<string, never>;
