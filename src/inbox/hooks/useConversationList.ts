/** The conversation list: filters, pages from the server, and live changes merged in. */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, type Conversation, type ListFilters } from '../api.js';
import { isCurrent, matchesFilters, mergeConversations, searching, sortConversations, time } from '../ordering.js';
import type { MessagesEvent } from '../socket.js';

export function useConversationList(meId: string, selectedRef: { readonly current: string | undefined }) {
  const [filters, setFilters] = useState<ListFilters>({});
  const [conversations, setConversations] = useState<Conversation[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'error'>('loading');
  const [loadingMore, setLoadingMore] = useState(false);
  const filtersRef = useRef(filters);
  filtersRef.current = filters;
  const listGen = useRef(0);
  /** Conversations events changed since the latest load began (a page fetched before they came does not hold them). */
  const changedWhileLoading = useRef(new Set<string>());

  /** First page under the current filters (replaces the list). */
  const load = useCallback(async () => {
    const gen = ++listGen.current;
    const changed = (changedWhileLoading.current = new Set());
    try {
      const page = await api.conversations(filtersRef.current);
      if (gen !== listGen.current) return;
      // The page replaces the list, except where an event brought a newer view while it loaded,
      // and a conversation an event brought in meanwhile stays (a person who wrote for the first
      // time while the list reloaded must not be missing from it until the next reload).
      setConversations((list) => {
        const known = new Map(list.map((c) => [c.id, c]));
        const inPage = new Set(page.conversations.map((c) => c.id));
        const arrived = searching(filtersRef.current) ? [] : list.filter((c) => changed.has(c.id) && !inPage.has(c.id));
        const fromPage = page.conversations.map((c) => (isCurrent(c, known.get(c.id)) ? c : { ...known.get(c.id)!, firstMessage: c.firstMessage, match: c.match }));
        return sortConversations([...fromPage, ...arrived]);
      });
      setNextCursor(page.nextCursor);
      setState('ready');
    } catch (err) {
      if (gen !== listGen.current) return;
      if (!(err instanceof ApiError && err.status === 401)) setState((s) => (s === 'ready' ? s : 'error'));
    }
  }, []);

  const loadMore = useCallback(async () => {
    if (!nextCursor || loadingMore) return;
    const gen = listGen.current;
    setLoadingMore(true);
    try {
      const page = await api.conversations(filtersRef.current, nextCursor);
      if (gen !== listGen.current) return;
      setConversations((list) => mergeConversations(list, page.conversations));
      setNextCursor(page.nextCursor);
    } catch {
      /* the button stays; the counsellor can try again */
    } finally {
      setLoadingMore(false);
    }
  }, [nextCursor, loadingMore]);

  const retry = () => {
    setState('loading');
    void load();
  };

  // The list follows the filters (the first load happens here too).
  useEffect(() => {
    setState('loading');
    setNextCursor(null);
    void load();
  }, [filters, load]);

  /** The open conversation counts as read on this screen. */
  const markRead = (id: string) =>
    setConversations((list) => list.map((c) => (c.id === id && c.unread ? { ...c, unread: 0 } : c)));

  /**
   * A conversation new to the list from an event has no first message (events do not look it up):
   * fetch it once, so the item reads as a reloaded list would. The latest line stays the newer one.
   */
  const fillLines = (id: string) =>
    void api.conversation(id).then(
      (full) =>
        setConversations((list) =>
          list.map((x) => (x.id === id && x.firstMessage === undefined ? { ...x, firstMessage: full.firstMessage ?? null, preview: x.preview ?? full.preview } : x)),
        ),
      () => undefined,
    );

  /** A conversation changed (event or our own action): in, out or moved, by the filters. */
  const applyConversation = (conversation: Conversation) => {
    const c = conversation.id === selectedRef.current ? { ...conversation, unread: 0 } : conversation;
    changedWhileLoading.current.add(c.id);
    let added = false;
    setConversations((list) => {
      const existing = list.find((x) => x.id === c.id);
      // An older view than the one shown (events crossing on the way) changes nothing.
      if (!isCurrent(c, existing)) return list;
      // Events carry no first message or search snippet: the list's copy keeps them.
      const merged = existing
        ? { ...c, preview: c.preview ?? existing.preview, firstMessage: c.firstMessage ?? existing.firstMessage, match: c.match ?? existing.match }
        : c;
      const f = filtersRef.current;
      if (!matchesFilters(merged, f, meId)) return existing ? list.filter((x) => x.id !== c.id) : list;
      // While searching only the server knows what matches: update, never add.
      if (!existing && searching(f)) return list;
      added = !existing && merged.firstMessage === undefined;
      return sortConversations([merged, ...list.filter((x) => x.id !== c.id)]);
    });
    if (added) fillLines(c.id);
  };

  /**
   * Messages arrived: their conversation moves up with a new preview and unread count. Calls
   * `unknown` when the conversation is not in the list (and may belong there).
   */
  const onMessage = ({ conversationId, messages }: MessagesEvent, unknown: () => void) => {
    let missing = false;
    for (const message of messages) {
      setConversations((list) => {
        const c = list.find((x) => x.id === conversationId);
        if (!c) {
          missing = true;
          return list;
        }
        const isOpen = conversationId === selectedRef.current;
        // The preview is what the person last wrote; bot and staff messages leave it as it is.
        const preview = message.direction === 'in' ? message.text.slice(0, 200) : c.preview;
        // Already reflected (conversation:updated came first, or a duplicate event): only the
        // preview may still be missing.
        if (time(message.createdAt) < time(c.lastMessageAt)) return list;
        if (time(message.createdAt) === time(c.lastMessageAt)) {
          if (c.preview === preview) return list;
          return list.map((x) => (x.id === c.id ? { ...x, preview } : x));
        }
        const updated: Conversation = {
          ...c,
          lastMessageAt: message.createdAt,
          preview,
          unread: isOpen ? 0 : message.direction === 'in' ? c.unread + 1 : c.unread,
        };
        return sortConversations([updated, ...list.filter((x) => x.id !== c.id)]);
      });
    }
    if (missing && !searching(filtersRef.current)) unknown();
  };

  return {
    filters,
    setFilters,
    conversations,
    state,
    hasMore: Boolean(nextCursor),
    loadingMore,
    load,
    loadMore,
    retry,
    markRead,
    applyConversation,
    onMessage,
  };
}
