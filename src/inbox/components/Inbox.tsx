/** The signed-in screen: header, alerts, the list and the open conversation (or the shift view). */
import { useEffect, useState } from 'preact/hooks';
import { isSupervisorRole, type Conversation, type Staff } from '../api.js';
import { useT, type InboxLang } from '../i18n/index.js';
import { useAlarm } from '../hooks/useAlarm.js';
import { useAlerts } from '../hooks/useAlerts.js';
import { useEscapeClosesPopovers } from '../hooks/useEscapeClosesPopovers.js';
import { useCanned } from '../hooks/useCanned.js';
import { useConversationList } from '../hooks/useConversationList.js';
import { applyConversation, useLiveUpdates } from '../hooks/useLiveUpdates.js';
import { useNoteFeed } from '../hooks/useNoteFeed.js';
import { useNow } from '../hooks/useNow.js';
import { useOpenConversation } from '../hooks/useOpenConversation.js';
import { usePresence } from '../hooks/usePresence.js';
import { useSelection } from '../hooks/useSelection.js';
import { useTyping } from '../hooks/useTyping.js';
import { AlertBanner } from './AlertBanner.js';
import { BulkBar } from './BulkBar.js';
import { ConversationList } from './ConversationList.js';
import { ConversationView } from './ConversationView.js';
import { Filters } from './Filters.js';
import { CannedManager } from './CannedManager.js';
import { Header, type InboxView } from './Header.js';
import { ShiftView } from './ShiftView.js';
import { ReportsPage } from '../reports/ReportsPage.js';
import { useCases } from '../cases/useCases.js';
import { CasesPage } from '../cases/CasesPage.js';
import { OpenCaseButton } from '../cases/OpenCaseButton.js';
import { ErasureResult } from '../person-data/PersonDataPanel.js';
import type { PersonErasure } from '../person-data/api.js';

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
  const now = useNow();
  const [view, setView] = useState<InboxView>('inbox');
  const opened = useOpenConversation();
  const list = useConversationList(me.id, opened.selectedRef);
  const alerts = useAlerts(t, (id) => openFromAlert(id));
  const alarm = useAlarm(alerts.alerts);
  const presence = usePresence();
  const typing = useTyping(me.id);
  const notes = useNoteFeed();
  const canned = useCanned();
  const bulk = useSelection();
  const cases = useCases();
  const parts = { meId: me.id, list, opened, alerts, presence, typing, notes, cases, onSessionLost: props.onSessionLost };
  const live = useLiveUpdates(parts);
  const selectedId = opened.selectedId;
  // The last erasure's result, shown where the conversation was until another one opens.
  const [erasure, setErasure] = useState<PersonErasure | null>(null);
  useEffect(() => {
    if (selectedId) setErasure(null);
  }, [selectedId]);
  useEscapeClosesPopovers();

  /** 相談を開く: the conversation opens and takes the focus (its heading), so the keyboard is there. */
  function openFromAlert(id: string) {
    opened.select(id);
    let tries = 0;
    const focus = () => {
      const heading = document.querySelector<HTMLElement>(`[data-testid="conversation-view"][data-id="${CSS.escape(id)}"] #conv-title`);
      if (heading) heading.focus();
      else if (tries++ < 40) setTimeout(focus, 25);
    };
    setTimeout(focus, 0);
  }

  useEffect(() => {
    void alerts.load();
    void presence.load();
  }, [alerts.load, presence.load]);

  // Opening a conversation shows it (leaving the shift view) and counts it as read in the list.
  useEffect(() => {
    if (!selectedId) return;
    setView('inbox');
    list.markRead(selectedId);
  }, [selectedId]);

  const onConversation = (c: Conversation) => applyConversation(parts, c);

  const onBulkDone = (updated: Conversation[]) => {
    for (const c of updated) onConversation(c);
    bulk.clear();
  };

  const listItem = list.conversations.find((c) => c.id === selectedId);
  const selected = opened.openConv ? { ...listItem, ...opened.openConv, unread: 0 } : listItem;

  return (
    <div class={`inbox${(selectedId && view === 'inbox') || view !== 'inbox' ? ' has-selection' : ''}`}>
      <a class="skip" href="#list-pane">
        {t.header.skipToList}
      </a>
      <a class="skip" href="#view-pane">
        {t.header.skipToView}
      </a>
      <Header
        staff={me}
        connected={live.connected}
        colleagues={presence.colleagues}
        lang={props.lang}
        onLang={props.onLang}
        onLogout={props.onLogout}
        view={view}
        onView={setView}
        sound={{ soundOn: alarm.soundOn, onSound: alarm.setSound, audio: alarm.audio }}
      />
      <div class="sr-only" role="alert" aria-atomic="true" data-testid="alert-announcer">
        {alerts.announcement}
      </div>
      {alerts.alerts.length > 0 && (
        <AlertBanner alerts={alerts.alerts} escalated={alerts.escalated} now={now} onOpen={openFromAlert} onAck={alerts.ack} />
      )}
      <div class="panes">
        <nav class="list-pane" id="list-pane" aria-label={t.list.label} tabIndex={-1}>
          <Filters filters={list.filters} onChange={list.setFilters} colleagues={presence.colleagues} meId={me.id} />
          {supervisor && bulk.selection.size > 0 && (
            <BulkBar selected={[...bulk.selection]} colleagues={presence.colleagues} onDone={onBulkDone} onClear={bulk.clear} />
          )}
          <ConversationList
            conversations={list.conversations}
            state={list.state}
            selectedId={selectedId}
            now={now}
            colleagues={presence.colleagues}
            meId={me.id}
            onSelect={(id) => opened.select(id)}
            onRetry={list.retry}
            hasMore={list.hasMore}
            loadingMore={list.loadingMore}
            onLoadMore={() => void list.loadMore()}
            selectable={supervisor}
            selection={bulk.selection}
            onToggle={bulk.toggle}
            query={list.filters.q}
          />
        </nav>
        <main class="view-pane" id="view-pane" tabIndex={-1}>
          {view === 'cases' ? (
            <CasesPage cases={cases} />
          ) : view === 'shift' && supervisor ? (
            <ShiftView epoch={live.epoch} now={now} />
          ) : view === 'reports' && supervisor ? (
            <ReportsPage />
          ) : view === 'canned' && supervisor ? (
            <CannedManager canned={canned.canned} onLoad={() => void canned.load()} onChanged={() => void canned.load()} />
          ) : selectedId ? (
            <ConversationView
              key={selectedId}
              conversationId={selectedId}
              conversation={selected}
              open={opened.open}
              now={now}
              epoch={live.epoch}
              me={me}
              colleagues={presence.colleagues}
              typingNames={typing.namesIn(selectedId)}
              canned={canned.canned}
              onLoadCanned={canned.load}
              onCannedAdded={canned.added}
              onTyping={(active) => live.socket.current?.typing(selectedId, active)}
              subscribeNotes={notes.subscribe}
              onConversation={onConversation}
              onErased={(result) => {
                // The conversation no longer exists: close it, and the list shows what the server holds now.
                opened.back();
                void list.load();
                setErasure(result);
                setTimeout(() => document.querySelector<HTMLElement>('[data-testid="erasure-result"]')?.focus(), 0);
              }}
              onBack={opened.back}
              onRetry={() => void opened.loadMessages(selectedId)}
              onSent={() => void opened.loadMessages(selectedId)}
              actions={
                <OpenCaseButton
                  conversationId={selectedId}
                  onOpened={(id) => {
                    cases.setOpenId(id);
                    setView('cases');
                  }}
                />
              }
            />
          ) : erasure ? (
            <ErasureResult result={erasure} />
          ) : (
            <p class="placeholder">{t.view.select}</p>
          )}
        </main>
      </div>
    </div>
  );
}
