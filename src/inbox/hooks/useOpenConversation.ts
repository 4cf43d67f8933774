/** The conversation on screen: chosen by the URL hash (#/c/<id>), its messages and its fresh copy. */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api, type Conversation, type StaffMessage } from '../api.js';
import { isCurrent, mergeMessages } from '../ordering.js';
import type { MessagesEvent } from '../socket.js';

export interface OpenMessages {
  conversationId: string;
  messages: StaffMessage[];
  state: 'loading' | 'ready' | 'error';
}

function selectedFromHash(): string | undefined {
  const m = /^#\/c\/(.+)$/.exec(location.hash);
  return m ? decodeURIComponent(m[1]) : undefined;
}

export function useOpenConversation() {
  const [selectedId, setSelectedId] = useState<string | undefined>(selectedFromHash);
  const [openConv, setOpenConv] = useState<Conversation | undefined>(undefined);
  const [open, setOpen] = useState<OpenMessages | undefined>(undefined);
  const selectedRef = useRef(selectedId);
  selectedRef.current = selectedId;

  const loadMessages = useCallback(async (conversationId: string) => {
    setOpen((o) => (o && o.conversationId === conversationId ? o : { conversationId, messages: [], state: 'loading' }));
    try {
      const messages = await api.messages(conversationId);
      // Reading is a GET and changes nothing; being on screen is what makes it read.
      if (selectedRef.current === conversationId) void api.markRead(conversationId).catch(() => undefined);
      setOpen((o) => {
        if (selectedRef.current !== conversationId) return o;
        const current = o && o.conversationId === conversationId ? o.messages : [];
        return { conversationId, messages: mergeMessages(current, messages), state: 'ready' };
      });
    } catch {
      setOpen((o) => (o && o.conversationId === conversationId ? { ...o, state: o.messages.length ? 'ready' : 'error' } : o));
    }
  }, []);

  const loadConversation = useCallback(async (conversationId: string) => {
    try {
      const c = await api.conversation(conversationId);
      // an event may have brought a newer view while this loaded
      if (selectedRef.current === conversationId) setOpenConv((o) => (o?.id === c.id && !isCurrent(c, o) ? o : { ...c, unread: 0 }));
    } catch {
      /* the list copy (if any) is shown */
    }
  }, []);

  /** After a reconnect: whatever was missed. */
  const reload = () => {
    const sel = selectedRef.current;
    if (sel) {
      void loadMessages(sel);
      void loadConversation(sel);
    }
  };

  // Hash routing: #/c/<id>
  useEffect(() => {
    const onHash = () => setSelectedId(selectedFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    setOpenConv(undefined);
    if (selectedId) {
      void loadMessages(selectedId);
      void loadConversation(selectedId);
    } else setOpen(undefined);
  }, [selectedId, loadMessages, loadConversation]);

  const select = (id: string | undefined) => {
    if (id) location.hash = `#/c/${encodeURIComponent(id)}`;
    else history.pushState(null, '', location.pathname + location.search);
    setSelectedId(id);
  };

  const back = () => {
    const prev = selectedId;
    select(undefined);
    // Return focus to the conversation the person came from.
    setTimeout(() => {
      if (!prev) return;
      const items = document.querySelectorAll<HTMLElement>('[data-testid="conversation-item"]');
      for (const el of items) if (el.dataset.id === prev) el.focus();
    }, 0);
  };

  /** A conversation changed: the open copy follows (it counts as read on this screen). */
  const applyConversation = (conversation: Conversation) => {
    if (conversation.id !== selectedRef.current) return;
    const c = { ...conversation, unread: 0 };
    // an older view than the one open (events crossing on the way) changes nothing
    setOpenConv((o) => (o?.id === c.id && !isCurrent(c, o) ? o : { ...o, ...c, preview: c.preview ?? o?.preview }));
  };

  const onMessage = ({ conversationId, messages }: MessagesEvent) => {
    if (conversationId !== selectedRef.current) return;
    setOpen((o) => (o && o.conversationId === conversationId ? { ...o, messages: mergeMessages(o.messages, messages) } : o));
    const lastIn = messages.filter((m) => m.direction === 'in').at(-1);
    if (lastIn) {
      // The person wrote: whoever was typing to them is still typing, but the screen stays read.
      setOpenConv((o) => (o && o.id === conversationId ? { ...o, lastMessageAt: lastIn.createdAt } : o));
      void api.markRead(conversationId).catch(() => undefined);
    }
  };

  const onMessageUpdated = ({ conversationId, messages }: MessagesEvent) => {
    if (conversationId !== selectedRef.current) return;
    setOpen((o) => (o && o.conversationId === conversationId ? { ...o, messages: mergeMessages(o.messages, messages) } : o));
  };

  return {
    selectedId,
    selectedRef,
    openConv: openConv && openConv.id === selectedId ? openConv : undefined,
    open: open && open.conversationId === selectedId ? open : undefined,
    select,
    back,
    loadMessages,
    reload,
    applyConversation,
    onMessage,
    onMessageUpdated,
  };
}
