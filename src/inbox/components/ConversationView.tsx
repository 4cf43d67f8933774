/** The open conversation: its header with actions, the details panel, messages or notes, and the reply box. */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { isSupervisorRole, type CannedReply, type Colleague, type Conversation, type Staff, type StaffMessage } from '../api.js';
import { useT } from '../i18n/index.js';
import type { CannedState } from '../hooks/useCanned.js';
import type { NoteListener } from '../hooks/useNoteFeed.js';
import { useNotes } from '../hooks/useNotes.js';
import { AssignControls } from './AssignControls.js';
import { AnonymousBadge, ChannelBadge, StatusBadge, UrgencyBadge } from './Badges.js';
import { CannedPicker } from './Canned.js';
import { ConversationDetails } from './ConversationDetails.js';
import type { PersonErasure } from '../person-data/api.js';
import { ConversationTabs, type ConversationTab } from './ConversationTabs.js';
import { MessageLog } from './MessageLog.js';
import { NotesPanel } from './Notes.js';
import { ReplyForm } from './ReplyForm.js';
import { StatusButtons } from './StatusButtons.js';

export function ConversationView(props: {
  conversationId: string;
  conversation: Conversation | undefined;
  open: { messages: StaffMessage[]; state: 'loading' | 'ready' | 'error' } | undefined;
  now: number;
  epoch: number;
  me: Staff;
  colleagues: Colleague[];
  typingNames: string[];
  canned: CannedState;
  onLoadCanned: () => void;
  onCannedAdded: (c: CannedReply) => void;
  onTyping: (active: boolean) => void;
  subscribeNotes: (l: NoteListener) => () => void;
  onConversation: (c: Conversation) => void;
  onErased?: (result: PersonErasure) => void;
  onBack: () => void;
  onRetry: () => void;
  onSent: () => void;
  /** More actions on this conversation, beside assign and status (the ケース button). */
  actions?: ComponentChildren;
}) {
  const t = useT();
  const c = props.conversation;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [tab, setTab] = useState<ConversationTab>('messages');
  const [insert, setInsert] = useState<{ text: string; n: number } | undefined>(undefined);
  const notes = useNotes(props.conversationId, props.epoch, props.subscribeNotes);

  // On a narrow screen the list disappears: move focus to the conversation.
  useEffect(() => {
    if (window.matchMedia('(max-width: 760px)').matches) headingRef.current?.focus();
  }, []);

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
            {props.actions}
          </div>
        )}
      </div>

      <ConversationDetails
        conversationId={props.conversationId}
        conversation={c}
        epoch={props.epoch}
        me={props.me}
        onConversation={props.onConversation}
        onErased={props.onErased}
      />

      <div class="conv-main">
        <ConversationTabs tab={tab} notes={notes.notes.length} onTab={setTab} />

        {tab === 'notes' ? (
          <div class="notes-scroll" role="tabpanel" id="panel-notes" aria-labelledby="tab-notes">
            <NotesPanel conversationId={props.conversationId} notes={notes.notes} state={notes.state} now={props.now} onAdded={notes.add} />
          </div>
        ) : (
          <MessageLog messages={props.open?.messages ?? []} state={props.open?.state ?? 'loading'} now={props.now} onRetry={props.onRetry} />
        )}

        <p class="other-typing" aria-live="polite" data-testid={props.typingNames.length ? 'other-typing' : undefined}>
          {props.typingNames.length > 0 && (
            <>
              <span aria-hidden="true">✎ </span>
              {props.typingNames.map((n) => t.reply.typingOther(n)).join(' ')}
            </>
          )}
        </p>

        {/* Notes are not sent to the person: no reply box beside them. The draft is kept. */}
        {tab === 'messages' && (
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
        )}
      </div>
    </section>
  );
}
