/** Internal notes: staff only, never sent to the person; live across colleagues. */
import { useId, useState } from 'preact/hooks';
import { api, type Note } from '../api.js';
import { useAction } from '../hooks/useAction.js';
import { absoluteTime, relativeTime, useT } from '../i18n/index.js';
import { ErrorText } from './ErrorText.js';

export function NotesPanel(props: { conversationId: string; notes: Note[]; state: 'loading' | 'ready' | 'error'; now: number; onAdded: (n: Note) => void }) {
  const t = useT();
  const id = useId();
  const [text, setText] = useState('');
  const { busy, error, run } = useAction();

  const add = async (e: Event) => {
    e.preventDefault();
    const v = text.trim();
    if (!v || busy) return;
    await run(async () => {
      props.onAdded(await api.addNote(props.conversationId, v));
      setText('');
    }, t.notes.failed);
  };

  return (
    <section class="notes" aria-labelledby={`${id}-title`} data-testid="notes-panel">
      <h3 id={`${id}-title`}>
        <span aria-hidden="true">✎ </span>
        {t.notes.title}
      </h3>
      <p class="notes-warning">{t.notes.warning}</p>
      {props.state === 'error' && props.notes.length === 0 && <p class="error">{t.notes.loadError}</p>}
      {props.state === 'ready' && props.notes.length === 0 && <p class="muted">{t.notes.empty}</p>}
      <ol class="note-list">
        {props.notes.map((n) => (
          <li key={n.id} class="note" data-testid="note-item" data-id={n.id}>
            <div class="note-meta">
              <strong>{n.authorName}</strong>{' '}
              <time dateTime={n.createdAt} title={absoluteTime(n.createdAt, t)}>
                {relativeTime(n.createdAt, props.now, t)}
              </time>
            </div>
            <div class="note-text">{n.text}</div>
          </li>
        ))}
      </ol>
      <form class="note-form" onSubmit={add}>
        <label for={`${id}-input`}>{t.notes.label}</label>
        <textarea
          id={`${id}-input`}
          data-testid="note-input"
          rows={2}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.isComposing) void add(e);
          }}
        />
        <button type="submit" class="btn small note-btn" data-testid="note-add" disabled={busy || !text.trim()}>
          {busy ? t.notes.adding : t.notes.add}
        </button>
        <ErrorText error={error} />
      </form>
    </section>
  );
}
