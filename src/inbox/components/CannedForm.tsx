/** Name and text of one 定型文, for adding or editing. */
import { useId, useState } from 'preact/hooks';
import { usePage } from '../i18n/index.js';
import { cannedPage } from '../i18n/pages/canned.js';

export function CannedForm(props: { heading: string; title?: string; text?: string; onSave: (title: string, text: string) => Promise<void>; onCancel?: () => void }) {
  const p = usePage(cannedPage);
  const id = useId();
  const [title, setTitle] = useState(props.title ?? '');
  const [text, setText] = useState(props.text ?? '');
  const [busy, setBusy] = useState(false);
  const save = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    try {
      await props.onSave(title.trim(), text.trim());
      if (props.title === undefined) {
        setTitle('');
        setText('');
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="canned-form" data-testid="canned-form" onSubmit={save} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{props.heading}</h3>
      <label for={`${id}-title`}>{p.titleLabel}</label>
      <input id={`${id}-title`} data-testid="canned-form-title" value={title} maxLength={100} onInput={(e) => setTitle(e.currentTarget.value)} />
      <label for={`${id}-text`}>{p.textLabel}</label>
      <textarea id={`${id}-text`} data-testid="canned-form-text" rows={4} maxLength={5000} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      <div class="row">
        <button type="submit" class="btn primary small" data-testid="canned-form-save" disabled={busy || !title.trim() || !text.trim()}>
          {busy ? p.saving : p.save}
        </button>
        {props.onCancel && (
          <button type="button" class="btn small" onClick={props.onCancel}>
            {p.cancel}
          </button>
        )}
      </div>
    </form>
  );
}
