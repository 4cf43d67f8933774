/** One message of the log: author, time, delivery state (with retry when it failed), offered buttons. */
import { api, type StaffMessage } from '../api.js';
import { useAction } from '../hooks/useAction.js';
import { absoluteTime, relativeTime, useT } from '../i18n/index.js';
import { ErrorText } from './ErrorText.js';

export function MessageItem({ m, now }: { m: StaffMessage; now: number }) {
  const t = useT();
  const author = m.author ?? { type: m.direction === 'in' ? 'person' : 'staff' };
  const { busy, error, run } = useAction();
  const retry = () => run(() => api.retry(m.id), t.retryFailed);
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
                {t.failedReason(m.deliveryErrorText?.[t.htmlLang] ?? t.delivery.failed)}
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
