import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  api,
  ApiError,
  isSupervisorRole,
  type Alert,
  type CannedReply,
  type Colleague,
  type Conversation,
  type ListFilters,
  type Note,
  type Staff,
  type StaffMessage,
} from '../api.js';
import { beep, flashTitle } from '../alerting.js';
import { useT, type InboxLang } from '../i18n.js';
import { connectStaffSocket, type MessageEvent, type NoteCreated, type StaffSocket, type TypingEvent } from '../socket.js';
import { AlertBanner } from './AlertBanner.js';
import { BulkBar } from './BulkBar.js';
import { ConversationList } from './ConversationList.js';
import { ConversationView } from './ConversationView.js';
import { Filters } from './Filters.js';
import { Header } from './Header.js';
import { ShiftView } from './ShiftView.js';

const time = (iso: string | null | undefined) => {
  const t = Date.parse(iso ?? '');
  return Number.isNaN(t) ? 0 : t;
};

const isEmergency = (c: Conversation) => c.triage?.urgency === 'emergency';

/** Emergencies pinned on top, then newest activity first. */
export function sortConversations(list: Conversation[]): Conversation[] {
  return [...list].sort(
    (a, b) =>
      Number(isEmergency(b)) - Number(isEmergency(a)) ||
      time(b.lastMessageAt) - time(a.lastMessageAt) ||
      (a.id < b.id ? -1 : 1),
  );
}

/** Merge by id (a later copy replaces an earlier one, e.g. a new deliveryState); oldest first. */
/** Delivery only moves forward (a retry goes failed → sent): a late event cannot turn it back. */
const deliveryRank: Record<string, number> = { pending: 0, sending: 1, failed: 2, unclear: 2, sent: 3 };
const rank = (m: StaffMessage) => deliveryRank[m.deliveryState ?? ''] ?? -1;

export function mergeMessages(current: StaffMessage[], incoming: StaffMessage[]): StaffMessage[] {
  const byId = new Map<string, StaffMessage>();
  const order = new Map<string, number>();
  let i = 0;
  for (const m of [...current, ...incoming]) {
    if (!order.has(m.id)) order.set(m.id, i++);
    const known = byId.get(m.id);
    byId.set(m.id, known && rank(known) > rank(m) ? { ...m, deliveryState: known.deliveryState, deliveryError: known.deliveryError } : m);
  }
  return [...byId.values()].sort(
    (a, b) => time(a.createdAt) - time(b.createdAt) || (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0),
  );
}

/** Merge conversations by id (incoming wins), keeping every one once. */
function mergeConversations(current: Conversation[], incoming: Conversation[]): Conversation[] {
  const byId = new Map<string, Conversation>();
  for (const c of current) byId.set(c.id, c);
  for (const c of incoming) byId.set(c.id, c);
  return sortConversations([...byId.values()]);
}

/** Whether a conversation belongs in the list under these filters (the search is the server's to judge). */
export function matchesFilters(c: Conversation, f: ListFilters, meId: string): boolean {
  if (f.status && c.status !== f.status) return false;
  if (f.urgency && c.triage?.urgency !== f.urgency) return false;
  if (f.category && !(c.triage?.categories ?? []).includes(f.category)) return false;
  if (f.channel && c.channel !== f.channel) return false;
  if (f.assignee === 'me' && c.assignee !== meId) return false;
  if (f.assignee === 'none' && c.assignee) return false;
  if (f.assignee && f.assignee !== 'me' && f.assignee !== 'none' && c.assignee !== f.assignee) return false;
  if (f.anonymous && !c.anonymous) return false;
  return true;
}

const searching = (f: ListFilters) => (f.q?.trim().length ?? 0) >= 2;

function selectedFromHash(): string | undefined {
  const m = /^#\/c\/(.+)$/.exec(location.hash);
  return m ? decodeURIComponent(m[1]) : undefined;
}

interface OpenMessages {
  conversationId: string;
  messages: StaffMessage[];
  state: 'loading' | 'ready' | 'error';
}

/** Typing colleagues: conversation → staff → { name, when last told }. */
type TypingMap = Record<string, Record<string, { name: string; at: number }>>;
const TYPING_TTL_MS = 7000;

export type NoteListener = (e: NoteCreated) => void;

export function Inbox(props: {
  staff: Staff;
  lang: InboxLang;
  onLang: (l: InboxLang) => void;
  onLogout: () => void;
  onSessionLost: () => void;
}) {
  const t = useT();
  const me = props.staff;
  const supervisor = isSupervisorRole(me.role);
  const [filters, setFilters] = useState<ListFilters>({});
  const [conversations, setConversations] = useState<Conversation[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [listState, setListState] = useState<'loading' | 'ready' | 'error'>('loading');
  const [loadingMore, setLoadingMore] = useState(false);
  const [selectedId, setSelectedId] = useState<string | undefined>(selectedFromHash);
  const [openConv, setOpenConv] = useState<Conversation | undefined>(undefined);
  const [open, setOpen] = useState<OpenMessages | undefined>(undefined);
  const [connected, setConnected] = useState(false);
  const [epoch, setEpoch] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  const [alerts, setAlerts] = useState<Alert[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const [colleagues, setColleagues] = useState<Colleague[]>([]);
  const [onlineIds, setOnlineIds] = useState<Set<string> | undefined>(undefined);
  const [typing, setTyping] = useState<TypingMap>({});
  const [view, setView] = useState<'inbox' | 'shift'>('inbox');
  const [selection, setSelection] = useState<Set<string>>(new Set());
  const [canned, setCanned] = useState<{ items: CannedReply[]; state: 'idle' | 'loading' | 'ready' | 'error' }>({
    items: [],
    state: 'idle',
  });

  const selectedRef = useRef(selectedId);
  selectedRef.current = selectedId;
  const filtersRef = useRef(filters);
  filtersRef.current = filters;
  const listGen = useRef(0);
  const socketRef = useRef<StaffSocket | undefined>(undefined);
  const noteListeners = useRef(new Set<NoteListener>());
  const tRef = useRef(t);
  tRef.current = t;
  const alertsRef = useRef(alerts);
  alertsRef.current = alerts;

  // Relative times stay fresh.
  useEffect(() => {
    const i = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(i);
  }, []);

  // Typing indicators fade when the colleague's client stops refreshing them.
  useEffect(() => {
    const i = setInterval(() => {
      setTyping((m) => {
        const cutoff = Date.now() - TYPING_TTL_MS;
        let changed = false;
        const next: TypingMap = {};
        for (const [cid, who] of Object.entries(m)) {
          const kept: TypingMap[string] = {};
          for (const [sid, v] of Object.entries(who)) {
            if (v.at >= cutoff) kept[sid] = v;
            else changed = true;
          }
          if (Object.keys(kept).length) next[cid] = kept;
        }
        return changed ? next : m;
      });
    }, 1500);
    return () => clearInterval(i);
  }, []);

  /** First page under the current filters (replaces the list). */
  const loadList = useCallback(async () => {
    const gen = ++listGen.current;
    try {
      const page = await api.conversations(filtersRef.current);
      if (gen !== listGen.current) return;
      setConversations(sortConversations(page.conversations));
      setNextCursor(page.nextCursor);
      setListState('ready');
    } catch (err) {
      if (gen !== listGen.current) return;
      if (!(err instanceof ApiError && err.status === 401)) setListState((s) => (s === 'ready' ? s : 'error'));
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

  const loadOpenConversation = useCallback(async (conversationId: string) => {
    try {
      const c = await api.conversation(conversationId);
      if (selectedRef.current === conversationId) setOpenConv({ ...c, unread: 0 });
    } catch {
      /* the list copy (if any) is shown */
    }
  }, []);

  const loadAlerts = useCallback(async () => {
    try {
      const list = await api.alerts('open');
      setAlerts((current) => {
        // Keep what the socket told us about escalation if the list does not say it yet.
        const escalated = new Map(current.filter((a) => a.escalatedAt).map((a) => [a.id, a.escalatedAt]));
        return list.filter((a) => !a.acknowledgedAt).map((a) => (a.escalatedAt || !escalated.has(a.id) ? a : { ...a, escalatedAt: escalated.get(a.id) }));
      });
    } catch {
      /* kept as is; the next reconnect retries */
    }
  }, []);

  const loadColleagues = useCallback(async () => {
    try {
      setColleagues(await api.staff());
    } catch {
      /* presence events still fill the list */
    }
  }, []);

  const loadCanned = useCallback(async () => {
    setCanned((c) => ({ ...c, state: c.items.length ? c.state : 'loading' }));
    try {
      setCanned({ items: await api.cannedReplies(), state: 'ready' });
    } catch {
      setCanned((c) => ({ ...c, state: c.items.length ? 'ready' : 'error' }));
    }
  }, []);

  // Hash routing: #/c/<id>
  useEffect(() => {
    const onHash = () => setSelectedId(selectedFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  // The list follows the filters (the first load happens here too).
  useEffect(() => {
    setListState('loading');
    setNextCursor(null);
    void loadList();
  }, [filters, loadList]);

  useEffect(() => {
    void loadAlerts();
    void loadColleagues();
  }, [loadAlerts, loadColleagues]);

  useEffect(() => {
    setOpenConv(undefined);
    if (selectedId) {
      void loadMessages(selectedId);
      void loadOpenConversation(selectedId);
      setView('inbox');
    } else setOpen(undefined);
    // The open conversation counts as read on this screen.
    if (selectedId) setConversations((list) => list.map((c) => (c.id === selectedId && c.unread ? { ...c, unread: 0 } : c)));
  }, [selectedId, loadMessages, loadOpenConversation]);

  /** A conversation changed (event or our own action): list, open copy. */
  const applyConversation = useCallback(
    (conversation: Conversation) => {
      const isOpen = conversation.id === selectedRef.current;
      const c = isOpen ? { ...conversation, unread: 0 } : conversation;
      if (isOpen) setOpenConv((o) => ({ ...o, ...c, preview: c.preview ?? o?.preview }));
      setConversations((list) => {
        const existing = list.find((x) => x.id === c.id);
        const merged = existing ? { ...c, preview: c.preview ?? existing.preview } : c;
        const f = filtersRef.current;
        const fits = matchesFilters(merged, f, me.id);
        if (!fits) return existing ? list.filter((x) => x.id !== c.id) : list;
        // While searching only the server knows what matches: update, never add.
        if (!existing && searching(f)) return list;
        return sortConversations([merged, ...list.filter((x) => x.id !== c.id)]);
      });
    },
    [me.id],
  );

  // Live updates.
  useEffect(() => {
    const onMessage = ({ conversationId, message }: MessageEvent) => {
      if (conversationId === selectedRef.current) {
        setOpen((o) =>
          o && o.conversationId === conversationId ? { ...o, messages: mergeMessages(o.messages, [message]) } : o,
        );
        if (message.direction === 'in') {
          // The person wrote: whoever was typing to them is still typing, but the screen stays read.
          setOpenConv((o) => (o && o.id === conversationId ? { ...o, lastMessageAt: message.createdAt } : o));
          void api.markRead(conversationId).catch(() => undefined);
        }
      }
      let unknown = false;
      setConversations((list) => {
        const c = list.find((x) => x.id === conversationId);
        if (!c) {
          unknown = true;
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
      // A conversation we do not know yet: conversation:updated normally follows, but be sure.
      if (unknown && !searching(filtersRef.current)) {
        api.conversation(conversationId).then((c) => applyConversation(c), () => undefined);
      }
    };

    const onTyping = (e: TypingEvent) => {
      if (e.staffId === me.id) return;
      setTyping((m) => {
        const who = { ...(m[e.conversationId] ?? {}) };
        if (e.active) who[e.staffId] = { name: e.name || '', at: Date.now() };
        else delete who[e.staffId];
        const next = { ...m };
        if (Object.keys(who).length) next[e.conversationId] = who;
        else delete next[e.conversationId];
        return next;
      });
    };

    const upsertAlert = (a: Alert) =>
      setAlerts((list) => {
        const existing = list.find((x) => x.id === a.id);
        const merged = { ...existing, ...a };
        return [merged, ...list.filter((x) => x.id !== a.id)];
      });

    const socket = connectStaffSocket({
      onConnect: () => {
        setConnected(true);
        setEpoch((e) => e + 1);
        // First connect and every reconnect: catch up on whatever was missed.
        void loadList();
        void loadAlerts();
        void loadColleagues();
        const sel = selectedRef.current;
        if (sel) {
          void loadMessages(sel);
          void loadOpenConversation(sel);
        }
      },
      onDisconnect: () => {
        setConnected(false);
        setOnlineIds(undefined);
      },
      onMessage,
      onMessageUpdated: ({ conversationId, message }) => {
        if (conversationId !== selectedRef.current) return;
        setOpen((o) =>
          o && o.conversationId === conversationId ? { ...o, messages: mergeMessages(o.messages, [message]) } : o,
        );
      },
      onConversation: ({ conversation }) => applyConversation(conversation),
      onTyping,
      onNote: (e) => {
        for (const l of noteListeners.current) l(e);
      },
      onPresence: ({ staff }) => {
        setOnlineIds(new Set(staff.map((s) => s.id)));
        setColleagues((list) => {
          const known = new Set(list.map((c) => c.id));
          const added = staff.filter((s) => !known.has(s.id)).map((s) => ({ ...s, online: true }));
          return added.length ? [...list, ...added] : list;
        });
      },
      onAlert: (a) => {
        if (alertsRef.current.some((x) => x.id === a.id)) return;
        alertsRef.current = [a, ...alertsRef.current];
        setAlerts((list) => (list.some((x) => x.id === a.id) ? list : [a, ...list]));
        beep();
        setAnnouncement(`${tRef.current.alerts.announce(alertsRef.current.length)} ${(a.reasons ?? []).join('、')}`);
      },
      onAlertAcknowledged: (a) => setAlerts((list) => list.filter((x) => x.id !== a.id)),
      onAlertEscalated: (a) => {
        if (a.acknowledgedAt) return;
        upsertAlert({ ...a, escalatedAt: a.escalatedAt ?? new Date().toISOString() });
        beep();
        setAnnouncement(tRef.current.alerts.announceEscalated);
      },
      onRefused: () => {
        void api.me().then(
          (who) => {
            if (!who) props.onSessionLost();
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
  }, [loadList, loadMessages, loadAlerts, loadColleagues, loadOpenConversation, applyConversation, me.id]);

  // While any alert is open: the tab title flashes.
  useEffect(() => {
    if (alerts.length === 0) {
      document.title = t.appTitle;
      return;
    }
    return flashTitle(t.alerts.titleFlash(alerts.length), t.appTitle);
  }, [alerts.length, t]);

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

  const ack = async (id: string) => {
    await api.ackAlert(id);
    setAlerts((list) => list.filter((x) => x.id !== id));
  };

  const typingNames = useMemo(() => {
    if (!selectedId) return [];
    return Object.values(typing[selectedId] ?? {}).map((v) => v.name);
  }, [typing, selectedId]);

  const staffWithPresence = useMemo(
    () => (onlineIds ? colleagues.map((c) => ({ ...c, online: onlineIds.has(c.id) })) : colleagues),
    [colleagues, onlineIds],
  );

  const subscribeNotes = useCallback((l: NoteListener) => {
    noteListeners.current.add(l);
    return () => {
      noteListeners.current.delete(l);
    };
  }, []);

  const listItem = conversations.find((c) => c.id === selectedId);
  const selected = openConv && openConv.id === selectedId ? { ...listItem, ...openConv, unread: 0 } : listItem;

  const toggleSelection = (id: string, on: boolean) =>
    setSelection((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const onBulkDone = (updated: Conversation[]) => {
    for (const c of updated) applyConversation(c);
    setSelection(new Set());
  };

  const escalated = alerts.some((a) => a.escalatedAt);

  return (
    <div class={`inbox${(selectedId && view === 'inbox') || (view === 'shift' && supervisor) ? ' has-selection' : ''}`}>
      <a class="skip" href="#list-pane">
        {t.header.skipToList}
      </a>
      <a class="skip" href="#view-pane">
        {t.header.skipToView}
      </a>
      <Header
        staff={me}
        connected={connected}
        colleagues={staffWithPresence}
        lang={props.lang}
        onLang={props.onLang}
        onLogout={props.onLogout}
        view={view}
        onView={setView}
      />
      <div class="sr-only" role="alert" aria-atomic="true" data-testid="alert-announcer">
        {announcement}
      </div>
      {alerts.length > 0 && (
        <AlertBanner
          alerts={alerts}
          escalated={escalated}
          now={now}
          onOpen={(id) => select(id)}
          onAck={ack}
        />
      )}
      <div class="panes">
        <nav class="list-pane" id="list-pane" aria-label={t.list.label} tabIndex={-1}>
          <Filters filters={filters} onChange={setFilters} colleagues={staffWithPresence} meId={me.id} />
          {supervisor && selection.size > 0 && (
            <BulkBar
              selected={[...selection]}
              colleagues={staffWithPresence}
              onDone={onBulkDone}
              onClear={() => setSelection(new Set())}
            />
          )}
          <ConversationList
            conversations={conversations}
            state={listState}
            selectedId={selectedId}
            now={now}
            colleagues={staffWithPresence}
            meId={me.id}
            onSelect={(id) => select(id)}
            onRetry={() => {
              setListState('loading');
              void loadList();
            }}
            hasMore={Boolean(nextCursor)}
            loadingMore={loadingMore}
            onLoadMore={() => void loadMore()}
            selectable={supervisor}
            selection={selection}
            onToggle={toggleSelection}
          />
        </nav>
        <main class="view-pane" id="view-pane" tabIndex={-1}>
          {view === 'shift' && supervisor ? (
            <ShiftView epoch={epoch} now={now} />
          ) : selectedId ? (
            <ConversationView
              key={selectedId}
              conversationId={selectedId}
              conversation={selected}
              open={open && open.conversationId === selectedId ? open : undefined}
              now={now}
              epoch={epoch}
              me={me}
              colleagues={staffWithPresence}
              typingNames={typingNames}
              canned={canned}
              onLoadCanned={loadCanned}
              onCannedAdded={(c) => setCanned((s) => ({ items: [...s.items, c], state: 'ready' }))}
              onTyping={(active) => socketRef.current?.typing(selectedId, active)}
              subscribeNotes={subscribeNotes}
              onConversation={applyConversation}
              onBack={back}
              onRetry={() => void loadMessages(selectedId)}
              onSent={() => void loadMessages(selectedId)}
            />
          ) : (
            <p class="placeholder">{t.view.select}</p>
          )}
        </main>
      </div>
    </div>
  );
}

export type { Note };
