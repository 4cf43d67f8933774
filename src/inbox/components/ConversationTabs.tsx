/** The two tabs of a conversation: the message log and the internal notes (arrow keys move between them). */
import { useT } from '../i18n/index.js';

export type ConversationTab = 'messages' | 'notes';

export function ConversationTabs(props: { tab: ConversationTab; notes: number; onTab: (t: ConversationTab) => void }) {
  const t = useT();
  const { tab, onTab } = props;
  return (
    <div class="tabs" role="tablist" aria-label={t.view.log}>
      <button
        type="button"
        role="tab"
        id="tab-messages"
        aria-selected={tab === 'messages'}
        aria-controls="panel-messages"
        data-testid="tab-messages"
        tabIndex={tab === 'messages' ? 0 : -1}
        onClick={() => onTab('messages')}
        onKeyDown={(e) => e.key === 'ArrowRight' && (onTab('notes'), document.getElementById('tab-notes')?.focus())}
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
        onClick={() => onTab('notes')}
        onKeyDown={(e) => e.key === 'ArrowLeft' && (onTab('messages'), document.getElementById('tab-messages')?.focus())}
      >
        <span aria-hidden="true">✎ </span>
        {t.tabs.notes(props.notes)}
      </button>
    </div>
  );
}
