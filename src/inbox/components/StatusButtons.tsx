/** The next states a conversation can move to (返答待ち, 終了, 再開). */
import { api, type Conversation, type ConversationStatus } from '../api.js';
import { useAction } from '../hooks/useAction.js';
import { useT } from '../i18n/index.js';
import { ErrorText } from './ErrorText.js';

export function StatusButtons(props: { conversation: Conversation; onConversation: (c: Conversation) => void }) {
  const t = useT();
  const c = props.conversation;
  const { busy, error, run } = useAction();
  const change = (status: ConversationStatus) => run(async () => props.onConversation(await api.update(c.id, { status })), t.statusActions.failed);
  const buttons: { status: ConversationStatus; label: string }[] =
    c.status === 'closed'
      ? [{ status: 'open', label: t.statusActions.reopen }]
      : [
          ...(c.status !== 'waiting' ? [{ status: 'waiting' as const, label: t.statusActions.waiting }] : [{ status: 'open' as const, label: t.statusActions.reopen }]),
          { status: 'closed', label: t.statusActions.closed },
        ];
  return (
    <div class="status-actions" role="group" aria-label={t.statusActions.label} data-testid="status-select">
      {buttons.map((b) => (
        <button
          key={b.status}
          type="button"
          class="btn small"
          data-testid="status-button"
          data-status={b.status}
          disabled={busy}
          onClick={() => void change(b.status)}
        >
          {b.label}
        </button>
      ))}
      <ErrorText error={error} />
    </div>
  );
}
