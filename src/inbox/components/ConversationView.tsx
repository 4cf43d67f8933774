import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import {
  api,
  ApiError,
  errorText,
  isSupervisorRole,
  type CannedReply,
  type Colleague,
  type Conversation,
  type Staff,
  type StaffMessage,
} from '../api.js';
import { absoluteTime, relativeTime, useT } from '../i18n.js';
import { localizeReason } from '../reasons.js';
import { AnonymousBadge, ChannelBadge, StatusBadge, UrgencyBadge } from './Badges.js';
import { CannedPicker } from './Canned.js';
import { AssignControls, AuditLog, ConsentState, StatusButtons, TriageEditor } from './CaseDetails.js';
import type { NoteListener } from './Inbox.js';
import { NotesPanel, useNotes } from './Notes.js';
import { ErrorText } from './ErrorText.js';

const MAX_REPLY = 5000;
/** Unsent reply drafts by conversation, kept while the page is open. */
const drafts = new Map<string, string>();

export function ConversationView(props: {
  conversationId: string;
  conversation: Conversation | undefined;
  open: { messages: StaffMessage[]; state: 'loading' | 'ready' | 'error' } | undefined;
  now: number;
  epoch: number;
  me: Staff;
  colleagues: Colleague[];
  typingNames: string[];
  canned: { items: CannedReply[]; state: 'idle' | 'loading' | 'ready' | 'error' };
  onLoadCanned: () => void;
  onCannedAdded: (c: CannedReply) => void;
  onTyping: (active: boolean) => void;
  subscribeNotes: (l: NoteListener) => () => void;
  onConversation: (c: Conversation) => void;
  onBack: () => void;
  onRetry: () => void;
  onSent: () => void;
}) {
  const t = useT();
  const c = props.conversation;
  const messages = props.open?.messages ?? [];
  const state = props.open?.state ?? 'loading';
  const logRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const stick = useRef(true);
  const [tab, setTab] = useState<'messages' | 'notes'>('messages');
  const [editing, setEditing] = useState(false);
  const [insert, setInsert] = useState<{ text: string; n: number } | undefined>(undefined);
  const notes = useNotes(props.conversationId, props.epoch, props.subscribeNotes);
  const [wide] = useState(() => !window.matchMedia || window.matchMedia('(min-width: 1100px)').matches);

  // On a narrow screen the list disappears: move focus to the conversation.
  useEffect(() => {
    if (window.matchMedia('(max-width: 760px)').matches) headingRef.current?.focus();
  }, []);

  // Keep the newest message in view, unless the reader scrolled up.
  useLayoutEffect(() => {
    const log = logRef.current;
    if (log && stick.current) log.scrollTop = log.scrollHeight;
  }, [messages.length, state, tab]);

  const onScroll = () => {
    const log = logRef.current;
    if (log) stick.current = log.scrollHeight - log.scrollTop - log.clientHeight < 80;
  };

  const shortId = props.conversationId.slice(0, 8);
  const urgency = c?.triage?.urgency ?? 'none';

  return (
    <section
      class={`conversation urg-${urgency}`}
      aria-labelledby="conv-title"
      data-testid="conversation-view"
      data-id={props.conversationId}
      data-status={c?.status ?? ''}
      data-urgency={urgency}
    >
      <div class="conv-header">
        <button type="button" class="btn back" onClick={props.onBack} data-testid="back-to-list">
          <span aria-hidden="true">← </span>
          {t.view.back}
        </button>
        <h2 id="conv-title" ref={headingRef} tabIndex={-1}>
          {urgency === 'emergency' && (
            <span class="pin">
              <span aria-hidden="true">⚠ </span>
              {t.emergencyPinned}
            </span>
          )}{' '}
          {t.view.title(shortId)}
        </h2>
        {c && (
          <p class="conv-row">
            <UrgencyBadge triage={c.triage} />
            <ChannelBadge channel={c.channel} />
            <StatusBadge status={c.status} />
            {c.anonymous && <AnonymousBadge />}
          </p>
        )}
        {c && (
          <div class="case-actions">
            <AssignControls conversation={c} me={props.me} colleagues={props.colleagues} onConversation={props.onConversation} />
            <StatusButtons conversation={c} onConversation={props.onConversation} />
          </div>
        )}
      </div>

      <aside class="case-aside" aria-label={t.view.details}>
          <details class="case-details" open={wide}>
            <summary>{t.view.details}</summary>
            {c && (
              <dl class="triage" data-testid="triage">
                <dt>{t.channelLabel}</dt>
                <dd>{t.channel[c.channel] ?? c.channel}</dd>
                <dt>{t.view.categories}</dt>
                <dd>
                  {c.triage && c.triage.categories.length > 0 ? (
                    <ul class="tags">
                      {c.triage.categories.map((cat) => (
                        <li key={cat} data-testid="category-tag" data-code={cat}>
                          {t.category[cat] ?? cat}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    t.noTriage
                  )}
                </dd>
                {c.triage?.reporter && (
                  <>
                    <dt>{t.view.reporter}</dt>
                    <dd>
                      {t.reporter[c.triage.reporter] ?? c.triage.reporter}
                      {c.anonymous && (
                        <>
                          {' '}
                          <AnonymousBadge />
                        </>
                      )}
                    </dd>
                  </>
                )}
                {c.subject && (
                  <>
                    <dt>{t.subjectLabel}</dt>
                    <dd data-testid="subject">{t.subject[c.subject] ?? c.subject}</dd>
                  </>
                )}
                {c.triage && c.triage.reasons.length > 0 && (
                  <>
                    <dt>{t.view.reasons}</dt>
                    <dd>
                      <ul class="reasons">
                        {c.triage.reasons.map((r, i) => (
                          <li key={i}>{localizeReason(r, t)}</li>
                        ))}
                      </ul>
                    </dd>
                  </>
                )}
              </dl>
            )}
            {c && !editing && (
              <button type="button" class="link" data-testid="triage-edit" onClick={() => setEditing(true)}>
                {t.triageEdit.edit}
              </button>
            )}
            {c && editing && <TriageEditor conversation={c} onConversation={props.onConversation} onClose={() => setEditing(false)} />}
            <ConsentState conversationId={props.conversationId} epoch={props.epoch} />
            <AuditLog conversationId={props.conversationId} staff={props.me} />
          </details>
      </aside>

      <div class="conv-main">
      <div class="tabs" role="tablist" aria-label={t.view.log}>
        <button
          type="button"
          role="tab"
          id="tab-messages"
          aria-selected={tab === 'messages'}
          aria-controls="panel-messages"
          data-testid="tab-messages"
          tabIndex={tab === 'messages' ? 0 : -1}
          onClick={() => setTab('messages')}
          onKeyDown={(e) => e.key === 'ArrowRight' && (setTab('notes'), document.getElementById('tab-notes')?.focus())}
        >
          {t.tabs.messages}
        </button>
        <button
          type="button"
          role="tab"
          id="tab-notes"
          class="notes-tab"
          aria-selected={tab === 'notes'}
          aria-controls="panel-notes"
          data-testid="tab-notes"
          tabIndex={tab === 'notes' ? 0 : -1}
          onClick={() => setTab('notes')}
          onKeyDown={(e) => e.key === 'ArrowLeft' && (setTab('messages'), document.getElementById('tab-messages')?.focus())}
        >
          <span aria-hidden="true">✎ </span>
          {t.tabs.notes(notes.notes.length)}
        </button>
      </div>

      {tab === 'notes' ? (
        <div class="notes-scroll" role="tabpanel" id="panel-notes" aria-labelledby="tab-notes">
          <NotesPanel conversationId={props.conversationId} notes={notes.notes} state={notes.state} now={props.now} onAdded={notes.add} />
        </div>
      ) : (
        <>
          {state === 'error' && messages.length === 0 && (
            <div class="error-box" role="alert">
              <p>{t.view.loadError}</p>
              <button type="button" class="btn" onClick={props.onRetry}>
                {t.list.retry}
              </button>
            </div>
          )}
          <div
            class="messages"
            ref={logRef}
            onScroll={onScroll}
            role="log"
            id="panel-messages"
            aria-live="polite"
            aria-label={t.view.log}
            aria-busy={state === 'loading' ? 'true' : undefined}
            tabIndex={0}
            data-testid="staff-messages"
          >
            {state === 'loading' && messages.length === 0 && <p class="muted">{t.view.loading}</p>}
            {state === 'ready' && messages.length === 0 && <p class="muted">{t.view.empty}</p>}
            {messages.map((m) => (
              <MessageItem key={m.id} m={m} now={props.now} />
            ))}
          </div>
        </>
      )}

      <p class="other-typing" aria-live="polite" data-testid={props.typingNames.length ? 'other-typing' : undefined}>
        {props.typingNames.length > 0 && (
          <>
            <span aria-hidden="true">✎ </span>
            {props.typingNames.map((n) => t.reply.typingOther(n)).join(' ')}
          </>
        )}
      </p>

      <ReplyForm
        conversationId={props.conversationId}
        onSent={props.onSent}
        onTyping={props.onTyping}
        insert={insert}
        canned={
          <CannedPicker
            canned={props.canned}
            onLoad={props.onLoadCanned}
            onPick={(cr) => setInsert((i) => ({ text: cr.text, n: (i?.n ?? 0) + 1 }))}
            canAdd={isSupervisorRole(props.me.role)}
            onAdded={props.onCannedAdded}
          />
        }
      />
      </div>
    </section>
  );
}

function MessageItem({ m, now }: { m: StaffMessage; now: number }) {
  const t = useT();
  const author = m.author ?? { type: m.direction === 'in' ? 'person' : 'staff' };
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const retry = async () => {
    setBusy(true);
    setError('');
    try {
      await api.retry(m.id);
    } catch (err) {
      setError(errorText(err, t.retryFailed));
    } finally {
      setBusy(false);
    }
  };
  const delivery = m.direction === 'out' ? (m.deliveryState ?? undefined) : undefined;
  return (
    <div
      class={`message ${m.direction} author-${author.type}`}
      data-testid="staff-message"
      data-id={m.id}
      data-direction={m.direction}
      data-author={author.type}
      data-delivery={delivery ?? ''}
    >
      <div class="message-meta">
        {author.type === 'bot' ? (
          <span class="author bot-label" data-testid="bot-label">
            <span aria-hidden="true">⚙ </span>
            {t.autoReply}
          </span>
        ) : (
          <span class="author">{t.author(author)}</span>
        )}
        <time dateTime={m.createdAt} title={absoluteTime(m.createdAt, t)}>
          {relativeTime(m.createdAt, now, t)}
        </time>
        {delivery && (
          <span class={`delivery delivery-${delivery}`} data-testid="delivery-state" data-delivery={delivery}>
            {delivery === 'failed' ? (
              <>
                <span aria-hidden="true">✗ </span>
                {t.failedReason(m.deliveryError || t.delivery.failed)}
              </>
            ) : (
              <>
                {delivery === 'sent' && <span aria-hidden="true">✓ </span>}
                {t.delivery[delivery] ?? delivery}
              </>
            )}
          </span>
        )}
        {(delivery === 'failed' || delivery === 'unclear') && (
          <button type="button" class="btn small retry" data-testid="delivery-retry" disabled={busy} onClick={() => void retry()}>
            {t.retry}
          </button>
        )}
      </div>
      <div class="message-text">{m.text}</div>
      {m.buttons && m.buttons.length > 0 && (
        <ul class="offered" aria-label={t.buttonsOffered}>
          {m.buttons.map((b, i) => (
            <li key={i}>{b.label}</li>
          ))}
        </ul>
      )}
      <ErrorText error={error} />
    </div>
  );
}

const TYPING_EVERY_MS = 2500;
const TYPING_IDLE_MS = 5000;

function ReplyForm(props: {
  conversationId: string;
  onSent: () => void;
  onTyping: (active: boolean) => void;
  insert: { text: string; n: number } | undefined;
  canned: ComponentChildren;
}) {
  const { conversationId, onSent } = props;
  const t = useT();
  const [text, setText] = useState(() => drafts.get(conversationId) ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const typingActive = useRef(false);
  const lastTyping = useRef(0);
  const idle = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const onTyping = useRef(props.onTyping);
  onTyping.current = props.onTyping;
  const trimmed = text.trim();
  const tooLong = trimmed.length > MAX_REPLY;

  const stopTyping = () => {
    if (idle.current) clearTimeout(idle.current);
    if (typingActive.current) {
      typingActive.current = false;
      onTyping.current(false);
    }
  };

  const pingTyping = (v: string) => {
    if (!v.trim()) return stopTyping();
    const now = Date.now();
    if (!typingActive.current || now - lastTyping.current >= TYPING_EVERY_MS) {
      typingActive.current = true;
      lastTyping.current = now;
      onTyping.current(true);
    }
    if (idle.current) clearTimeout(idle.current);
    idle.current = setTimeout(stopTyping, TYPING_IDLE_MS);
  };

  useEffect(() => () => stopTyping(), []);

  const update = (v: string) => {
    setText(v);
    if (v) drafts.set(conversationId, v);
    else drafts.delete(conversationId);
    if (error) setError('');
  };

  // A canned reply was picked: insert it at the cursor (or append) and focus the box.
  useEffect(() => {
    if (!props.insert) return;
    const el = inputRef.current;
    const current = el?.value ?? text;
    const start = el?.selectionStart ?? current.length;
    const end = el?.selectionEnd ?? current.length;
    const next = current.slice(0, start) + props.insert.text + current.slice(end);
    update(next);
    pingTyping(next);
    setTimeout(() => {
      if (!el) return;
      el.focus();
      const pos = start + props.insert!.text.length;
      el.setSelectionRange(pos, pos);
    }, 0);
  }, [props.insert?.n]);

  const send = async () => {
    if (busy || !trimmed || tooLong) return;
    setBusy(true);
    setError('');
    try {
      await api.reply(conversationId, trimmed);
      stopTyping();
      update('');
      onSent();
    } catch (err) {
      const detail = err instanceof ApiError && err.status > 0 && err.message ? ` (${err.message})` : '';
      setError(t.reply.failed + detail);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      class="reply"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <div class="reply-top">
        <label for="reply-input">{t.reply.label}</label>
        {props.canned}
      </div>
      <textarea
        id="reply-input"
        ref={inputRef}
        data-testid="reply-input"
        rows={3}
        value={text}
        placeholder={t.reply.placeholder}
        aria-describedby="reply-hint reply-counter reply-error"
        aria-invalid={tooLong ? 'true' : undefined}
        onInput={(e) => {
          update(e.currentTarget.value);
          pingTyping(e.currentTarget.value);
        }}
        onBlur={stopTyping}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.isComposing) {
            e.preventDefault();
            void send();
          }
        }}
      />
      <div class="reply-foot">
        <span id="reply-hint" class="muted">
          {t.reply.hint}
        </span>
        <span id="reply-counter" class={tooLong ? 'over' : 'muted'}>
          {t.reply.counter(trimmed.length, MAX_REPLY)}
          {tooLong && ` — ${t.reply.tooLong(MAX_REPLY)}`}
        </span>
        <button type="submit" class="btn primary" data-testid="reply-send" disabled={busy || !trimmed || tooLong}>
          {busy ? t.reply.sending : t.reply.send}
        </button>
      </div>
      <p id="reply-error" class="error" role="alert" data-testid="reply-error">
        {error}
      </p>
    </form>
  );
}
