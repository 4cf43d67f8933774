/**
 * Live updates for the inbox: Socket.IO namespace `/staff`, authenticated by the session cookie.
 * Every event is checked here before it reaches the inbox's one event table
 * (hooks/useLiveUpdates.ts), which says what each event changes.
 */
import { io, type Socket } from 'socket.io-client';
import type { StaffServerEvents } from '../contracts/socket-events.js';
import type { Alert, Conversation, Note, StaffMessage } from './api.js';
import type { FollowUpView, ReferralView } from '../contracts/index.js';

/** Messages of one conversation written (or changed) together, in the order written. */
export interface MessagesEvent {
  conversationId: string;
  messages: StaffMessage[];
}

export interface ConversationUpdated {
  conversation: Conversation;
}

/** New messages and, when writing them changed their conversation, the conversation as they left it (no `conversation:updated` then). */
export interface MessagesCreated extends MessagesEvent {
  conversation?: Conversation;
}

export interface TypingEvent {
  conversationId: string;
  staffId: string;
  name: string;
  active: boolean;
}

export interface NoteCreated {
  conversationId: string;
  note: Note;
}

export interface PresenceEvent {
  staff: { id: string; name: string; role: string }[];
}

/** What the inbox receives, by the contract's event names (src/contracts/socket-events.ts). */
export interface StaffEvents {
  'message:created': MessagesCreated;
  /** Delivery state of outbound messages changed. */
  'message:updated': MessagesEvent;
  'conversation:updated': ConversationUpdated;
  'conversation:typing': TypingEvent;
  'note:created': NoteCreated;
  presence: PresenceEvent;
  'alert:crisis': Alert;
  'alert:acknowledged': Alert;
  'alert:escalated': Alert;
  'alert:updated': Alert;
  'referral:updated': { referral: ReferralView };
  'followup:due': { followUp: FollowUpView };
}

// The inbox listens to exactly the events the server sends: a renamed event fails to compile here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameEvents: Same<keyof StaffEvents, keyof StaffServerEvents> = true;
void sameEvents;

/** One action per event. */
export type StaffEventTable = { [E in keyof StaffEvents]: (e: StaffEvents[E]) => void };

export interface ConnectionHandlers {
  /** First connection and every reconnection: re-fetch what may have been missed. */
  onConnect(): void;
  onDisconnect(): void;
  /** The server refused the connection (middleware error), e.g. the session expired. */
  onRefused(): void;
}

export interface StaffSocket {
  typing(conversationId: string, active: boolean): void;
  disconnect(): void;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const str = (v: unknown): v is string => typeof v === 'string';

const isMessage = (m: unknown) => isObj(m) && str(m.id) && str(m.text);
const isConversation = (c: unknown) => isObj(c) && str(c.id);
const messages = (e: unknown) =>
  isObj(e) && str(e.conversationId) && Array.isArray(e.messages) && e.messages.every(isMessage) ? (e as unknown as MessagesEvent) : undefined;
const alert = (a: unknown) => (isObj(a) && str(a.id) && str(a.conversationId) ? (a as unknown as Alert) : undefined);
const withReasons = (a: unknown) => {
  const ok = alert(a);
  return ok && { ...ok, reasons: Array.isArray(ok.reasons) ? ok.reasons : [] };
};

/** Shape checks per event: an event that fails its check is dropped. */
const parse: { [E in keyof StaffEvents]: (e: unknown) => StaffEvents[E] | undefined } = {
  'message:created': (e) => {
    const ok = messages(e) as MessagesCreated | undefined;
    return ok && (ok.conversation === undefined || isConversation(ok.conversation)) ? ok : undefined;
  },
  'message:updated': messages,
  'conversation:updated': (e) => (isObj(e) && isConversation(e.conversation) ? (e as unknown as ConversationUpdated) : undefined),
  'conversation:typing': (e) =>
    isObj(e) && str(e.conversationId) && str(e.staffId) && typeof e.active === 'boolean' ? (e as unknown as TypingEvent) : undefined,
  'note:created': (e) => (isObj(e) && str(e.conversationId) && isObj(e.note) && str(e.note.id) ? (e as unknown as NoteCreated) : undefined),
  presence: (e) => (isObj(e) && Array.isArray(e.staff) ? (e as unknown as PresenceEvent) : undefined),
  'alert:crisis': withReasons,
  'alert:acknowledged': alert,
  'alert:escalated': withReasons,
  'alert:updated': withReasons,
  'referral:updated': (e) => (isObj(e) && isObj(e.referral) && str(e.referral.id) ? (e as unknown as StaffEvents['referral:updated']) : undefined),
  'followup:due': (e) => (isObj(e) && isObj(e.followUp) && str(e.followUp.id) ? (e as unknown as StaffEvents['followup:due']) : undefined),
};

/**
 * Connects; `table()` is read at each event, so the caller may hand a fresh table on every render.
 * The returned object sends typing events and disconnects.
 */
export function connectStaffSocket(table: () => StaffEventTable, conn: ConnectionHandlers): StaffSocket {
  const socket: Socket = io('/staff', { withCredentials: true });
  let retry: ReturnType<typeof setTimeout> | undefined;
  socket.on('connect', () => conn.onConnect());
  socket.on('disconnect', () => conn.onDisconnect());
  for (const name of Object.keys(parse) as (keyof StaffEvents)[]) {
    socket.on(name, (raw: unknown) => {
      const e = parse[name](raw);
      if (e) (table()[name] as (e: unknown) => void)(e);
    });
  }
  socket.on('connect_error', () => {
    conn.onDisconnect();
    if (socket.active) return; // Socket.IO retries temporary failures itself
    conn.onRefused();
    // Not reconnected automatically after a middleware refusal: try again later.
    retry = setTimeout(() => socket.connect(), 5000);
  });
  return {
    typing: (conversationId, active) => {
      if (socket.connected) socket.emit('typing', { conversationId, active });
    },
    disconnect: () => {
      if (retry) clearTimeout(retry);
      socket.removeAllListeners();
      socket.disconnect();
    },
  };
}
