/** Staff correct triage's urgency and categories; the correction is kept as a standing judgement. */
import { useId, useState } from 'preact/hooks';
import { api, errorText, type Conversation, type Urgency } from '../api.js';
import { CATEGORY_CODES, useT } from '../i18n/index.js';
import { ErrorText } from './ErrorText.js';
import { Options } from './Options.js';


const URGENCIES: Urgency[] = ['emergency', 'high', 'normal', 'low'];

export function TriageEditor(props: { conversation: Conversation; onConversation: (c: Conversation) => void; onClose: () => void }) {
  const t = useT();
  const id = useId();
  const c = props.conversation;
  const [urgency, setUrgency] = useState<Urgency>(c.triage?.urgency ?? 'normal');
  const [cats, setCats] = useState<Set<string>>(new Set(c.triage?.categories ?? []));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const save = async (e: Event) => {
    e.preventDefault();
    if (cats.size === 0) {
      setError(t.triageEdit.needCategory);
      return;
    }
    setBusy(true);
    setError('');
    const body: { urgency?: Urgency; categories?: string[] } = {};
    if (urgency !== c.triage?.urgency) body.urgency = urgency;
    const list = CATEGORY_CODES.filter((x) => cats.has(x));
    const before = [...(c.triage?.categories ?? [])].sort().join(',');
    if ([...list].sort().join(',') !== before) body.categories = list;
    if (!body.urgency && !body.categories) {
      props.onClose();
      return;
    }
    try {
      props.onConversation(await api.update(c.id, body));
      props.onClose();
    } catch (err) {
      setError(errorText(err, t.triageEdit.failed));
      setBusy(false);
    }
  };

  return (
    <form class="triage-form" data-testid="triage-form" onSubmit={save} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t.triageEdit.title}</h3>
      <label class="inline">
        <span>{t.urgencyLabel}</span>
        <select data-testid="triage-urgency" value={urgency} onChange={(e) => setUrgency(e.currentTarget.value as Urgency)}>
          <Options values={URGENCIES} label={(u) => t.urgency[u]} />
        </select>
      </label>
      <fieldset>
        <legend>{t.view.categories}</legend>
        <div class="cat-grid">
          {CATEGORY_CODES.map((code) => (
            <label key={code} class="check">
              <input
                type="checkbox"
                data-testid="triage-category"
                data-code={code}
                checked={cats.has(code)}
                onChange={(e) => {
                  const next = new Set(cats);
                  if (e.currentTarget.checked) next.add(code);
                  else next.delete(code);
                  setCats(next);
                }}
              />
              <span>{t.category[code] ?? code}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <ErrorText error={error} />
      <div class="row">
        <button type="submit" class="btn primary small" data-testid="triage-save" disabled={busy}>
          {t.triageEdit.save}
        </button>
        <button type="button" class="btn small" onClick={props.onClose}>
          {t.triageEdit.cancel}
        </button>
      </div>
    </form>
  );
}
