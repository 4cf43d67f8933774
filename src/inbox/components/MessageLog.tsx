/** The message log of the open conversation; it keeps the newest message in view unless the reader scrolled up. */
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { StaffMessage } from '../api.js';
import { useT } from '../i18n/index.js';
import { MessageItem } from './MessageItem.js';

export function MessageLog(props: { messages: StaffMessage[]; state: 'loading' | 'ready' | 'error'; now: number; onRetry: () => void }) {
  const t = useT();
  const { messages, state } = props;
  const logRef = useRef<HTMLDivElement>(null);
  const stick = useRef(true);

  useLayoutEffect(() => {
    const log = logRef.current;
    if (log && stick.current) log.scrollTop = log.scrollHeight;
  }, [messages.length, state]);

  const onScroll = () => {
    const log = logRef.current;
    if (log) stick.current = log.scrollHeight - log.scrollTop - log.clientHeight < 80;
  };

  return (
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
  );
}
