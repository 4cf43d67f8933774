/** Live updates for the inbox: Socket.IO namespace `/staff`, authenticated by the session cookie. */
import { io, type Socket } from 'socket.io-client';
import type { Alert, Conversation, Note, StaffMessage } from './api.js';

export interface MessageEvent {
  conversationId: string;
  message: StaffMessage;
}

export interface ConversationUpdated {
  conversation: Conversation;
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

export interface StaffSocketHandlers {
  /** First connection and every reconnection: re-fetch what may have been missed. */
  onConnect(): void;
  onDisconnect(): void;
  onMessage(e: MessageEvent): void;
  onMessageUpdated(e: MessageEvent): void;
  onConversation(e: ConversationUpdated): void;
  onTyping(e: TypingEvent): void;
  onNote(e: NoteCreated): void;
  onPresence(e: PresenceEvent): void;
  onAlert(a: Alert): void;
  onAlertAcknowledged(a: Alert): void;
  onAlertEscalated(a: Alert): void;
  /** The server refused the connection (middleware error), e.g. the session expired. */
  onRefused(): void;
}

export interface StaffSocket {
  typing(conversationId: string, active: boolean): void;
  disconnect(): void;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const str = (v: unknown): v is string => typeof v === 'string';

/** Connects; the returned object sends typing events and disconnects. */
export function connectStaffSocket(h: StaffSocketHandlers): StaffSocket {
  const socket: Socket = io('/staff', { withCredentials: true });
  let retry: ReturnType<typeof setTimeout> | undefined;
  socket.on('connect', () => h.onConnect());
  socket.on('disconnect', () => h.onDisconnect());
  const messageOk = (e: unknown): e is MessageEvent =>
    isObj(e) && str(e.conversationId) && isObj(e.message) && str(e.message.id) && str(e.message.text);
  socket.on('message:created', (e: unknown) => {
    if (messageOk(e)) h.onMessage(e);
  });
  socket.on('message:updated', (e: unknown) => {
    if (messageOk(e)) h.onMessageUpdated(e);
  });
  socket.on('conversation:updated', (e: unknown) => {
    if (isObj(e) && isObj(e.conversation) && str(e.conversation.id)) h.onConversation(e as unknown as ConversationUpdated);
  });
  socket.on('conversation:typing', (e: unknown) => {
    if (isObj(e) && str(e.conversationId) && str(e.staffId) && typeof e.active === 'boolean') h.onTyping(e as unknown as TypingEvent);
  });
  socket.on('note:created', (e: unknown) => {
    if (isObj(e) && str(e.conversationId) && isObj(e.note) && str(e.note.id)) h.onNote(e as unknown as NoteCreated);
  });
  socket.on('presence', (e: unknown) => {
    if (isObj(e) && Array.isArray(e.staff)) h.onPresence(e as unknown as PresenceEvent);
  });
  const alertOk = (a: unknown): a is Alert => isObj(a) && str(a.id) && str(a.conversationId);
  socket.on('alert:crisis', (a: unknown) => {
    if (alertOk(a)) h.onAlert({ ...a, reasons: Array.isArray(a.reasons) ? a.reasons : [] });
  });
  socket.on('alert:acknowledged', (a: unknown) => {
    if (alertOk(a)) h.onAlertAcknowledged(a);
  });
  socket.on('alert:escalated', (a: unknown) => {
    if (alertOk(a)) h.onAlertEscalated({ ...a, reasons: Array.isArray(a.reasons) ? a.reasons : [] });
  });
  socket.on('connect_error', () => {
    h.onDisconnect();
    if (socket.active) return; // Socket.IO retries temporary failures itself
    h.onRefused();
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
