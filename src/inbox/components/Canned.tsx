/** 定型文: pick a canned reply to insert into the reply box; supervisors add new ones. */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { api, errorText, type CannedReply } from '../api.js';
import { useT } from '../i18n/index.js';

export function CannedPicker(props: {
  canned: { items: CannedReply[]; state: 'idle' | 'loading' | 'ready' | 'error' };
  onLoad: () => void;
  onPick: (c: CannedReply) => void;
  canAdd: boolean;
  onAdded: (c: CannedReply) => void;
}) {
  const t = useT();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [adding, setAdding] = useState(false);
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [msg, setMsg] = useState<{ kind: 'ok' | 'error'; text: string } | undefined>(undefined);
  const panel = useRef<HTMLDivElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (open) {
      if (props.canned.state === 'idle' || props.canned.state === 'error') props.onLoad();
      // First item (or the panel) gets focus so the keyboard can choose at once.
      setTimeout(() => panel.current?.querySelector<HTMLElement>('[data-testid="canned-item"]')?.focus(), 0);
    }
  }, [open]);

  const close = () => {
    setOpen(false);
    toggleRef.current?.focus();
  };

  const add = async (e: Event) => {
    e.preventDefault();
    setMsg(undefined);
    try {
      const c = await api.addCannedReply(title.trim(), text.trim());
      props.onAdded(c);
      setTitle('');
      setText('');
      setAdding(false);
      setMsg({ kind: 'ok', text: t.canned.added });
    } catch (err) {
      setMsg({ kind: 'error', text: errorText(err, t.canned.failed) });
    }
  };

  return (
    <div class="canned">
      <button
        type="button"
        class="btn small"
        ref={toggleRef}
        data-testid="canned-picker"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true">☰ </span>
        {t.canned.open}
      </button>
      {open && (
        <div
          class="canned-panel"
          id={`${id}-panel`}
          ref={panel}
          data-testid="canned-panel"
          role="group"
          aria-label={t.canned.title}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              close();
            }
          }}
        >
          <p class="canned-title">{t.canned.title}</p>
          {props.canned.state === 'loading' && <p class="muted">{t.loading}</p>}
          {props.canned.state === 'error' && <p class="error">{t.canned.loadError}</p>}
          {props.canned.state === 'ready' && props.canned.items.length === 0 && <p class="muted">{t.canned.empty}</p>}
          <ul>
            {props.canned.items.map((c) => (
              <li key={c.id}>
                <button
                  type="button"
                  class="canned-item"
                  data-testid="canned-item"
                  data-id={c.id}
                  onClick={() => {
                    props.onPick(c);
                    setOpen(false);
                  }}
                >
                  <strong>{c.title}</strong>
                  <span class="canned-text">{c.text}</span>
                </button>
              </li>
            ))}
          </ul>
          {props.canAdd && (
            <div class="canned-add">
              <button type="button" class="link" aria-expanded={adding} data-testid="canned-add-toggle" onClick={() => setAdding(!adding)}>
                {t.canned.add}
              </button>
              {adding && (
                <form onSubmit={add}>
                  <label for={`${id}-title`}>{t.canned.addTitle}</label>
                  <input id={`${id}-title`} data-testid="canned-add-title" value={title} maxLength={100} onInput={(e) => setTitle(e.currentTarget.value)} />
                  <label for={`${id}-text`}>{t.canned.addText}</label>
                  <textarea id={`${id}-text`} data-testid="canned-add-text" rows={3} value={text} onInput={(e) => setText(e.currentTarget.value)} />
                  <button type="submit" class="btn small" data-testid="canned-add-submit" disabled={!title.trim() || !text.trim()}>
                    {t.canned.addSubmit}
                  </button>
                </form>
              )}
            </div>
          )}
          {msg && (
            <p class={msg.kind === 'error' ? 'error' : 'ok'} role={msg.kind === 'error' ? 'alert' : 'status'}>
              {msg.text}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
