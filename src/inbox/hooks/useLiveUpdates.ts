/**
 * The inbox's one socket-event table: each server event and what it changes on this screen.
 * The socket connects once per signed-in staff member; the table is read fresh at every event.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type Conversation } from '../api.js';
import { connectStaffSocket, type StaffEventTable, type StaffSocket } from '../socket.js';
import type { useAlerts } from './useAlerts.js';
import type { useConversationList } from './useConversationList.js';
import type { useNoteFeed } from './useNoteFeed.js';
import type { useOpenConversation } from './useOpenConversation.js';
import type { usePresence } from './usePresence.js';
import type { useTyping } from './useTyping.js';
import type { CasesState } from '../cases/useCases.js';

export interface LiveParts {
  meId: string;
  list: ReturnType<typeof useConversationList>;
  opened: ReturnType<typeof useOpenConversation>;
  alerts: ReturnType<typeof useAlerts>;
  presence: ReturnType<typeof usePresence>;
  typing: ReturnType<typeof useTyping>;
  notes: ReturnType<typeof useNoteFeed>;
  cases: CasesState;
  /** The server refused the socket: the session may be gone. */
  onSessionLost: () => void;
}

/** A conversation changed (event or our own action): the list and the open copy. */
export const applyConversation = (p: LiveParts, c: Conversation) => {
  p.opened.applyConversation(c);
  p.list.applyConversation(c);
};

function eventTable(p: LiveParts): StaffEventTable {
  return {
    'message:created': (e) => {
      p.opened.onMessage(e);
      // The messages first (they count as unread), then the conversation as they left it. A
      // conversation we do not know yet and the event does not carry: fetched.
      const { conversation } = e;
      p.list.onMessage(e, () => {
        if (!conversation) void api.conversation(e.conversationId).then((c) => applyConversation(p, c), () => undefined);
      });
      if (conversation) applyConversation(p, conversation);
    },
    'message:updated': (e) => p.opened.onMessageUpdated(e),
    'conversation:updated': (e) => applyConversation(p, e.conversation),
    'conversation:typing': (e) => p.typing.onTyping(e),
    'note:created': (e) => p.notes.onNote(e),
    presence: (e) => p.presence.onPresence(e),
    'alert:crisis': (a) => p.alerts.onCrisis(a),
    'alert:acknowledged': (a) => p.alerts.onAcknowledged(a),
    'alert:escalated': (a) => p.alerts.onEscalated(a),
    'alert:updated': (a) => p.alerts.onUpdated(a),
    'referral:updated': (e) => p.cases.onReferral(e.referral),
    'followup:due': (e) => p.cases.onFollowUpDue(e.followUp),
  };
}

/** Connects the socket; returns whether it is connected, a counter of (re)connections, and the socket. */
export function useLiveUpdates(parts: LiveParts) {
  const [connected, setConnected] = useState(false);
  const [epoch, setEpoch] = useState(0);
  const partsRef = useRef(parts);
  partsRef.current = parts;
  const socketRef = useRef<StaffSocket | undefined>(undefined);

  useEffect(() => {
    const socket = connectStaffSocket(() => eventTable(partsRef.current), {
      onConnect: () => {
        const p = partsRef.current;
        setConnected(true);
        setEpoch((e) => e + 1);
        // First connect and every reconnect: catch up on whatever was missed.
        void p.list.load();
        void p.alerts.load();
        void p.presence.load();
        void p.cases.load().catch(() => undefined);
        p.opened.reload();
      },
      onDisconnect: () => {
        setConnected(false);
        partsRef.current.presence.forget();
      },
      onRefused: () => {
        void api.me().then(
          (who) => {
            if (!who) partsRef.current.onSessionLost();
          },
          () => undefined,
        );
      },
    });
    socketRef.current = socket;
    return () => {
      socket.disconnect();
      socketRef.current = undefined;
    };
  }, [parts.meId]);

  return { connected, epoch, socket: socketRef };
}
