/** アウトリーチ on the case: its follow-ups (visit, call, letter) with due date and owner; schedule one, mark one done. */
import { useEffect, useState } from 'preact/hooks';
import { api, errorText, type Colleague } from '../api.js';
import { useT, usePage } from '../i18n/index.js';
import { casesPage } from '../i18n/pages/cases.js';
import { ErrorText } from '../components/ErrorText.js';
import { FOLLOW_UP_KIND_LABELS } from '../../contracts/case-labels.js';
import type { FollowUpKind } from '../../contracts/enums.js';
import { casesApi, type CaseDetailView, type FollowUpView } from './api.js';

export function FollowUpsSection(props: { c: CaseDetailView }) {
  const s = usePage(casesPage);
  const lang = useT().htmlLang === 'en' ? 'en' : 'ja';
  const [list, setList] = useState<FollowUpView[] | null>(null);
  const [colleagues, setColleagues] = useState<Colleague[]>([]);
  const [kind, setKind] = useState<FollowUpKind>('visit');
  const [due, setDue] = useState('');
  const [owner, setOwner] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [scheduled, setScheduled] = useState(false);
  const load = () => casesApi.caseFollowUps(props.c.id).then(setList, (e) => setError(errorText(e, s.loadError)));
  useEffect(() => {
    void load();
    if (props.c.canEdit) api.staff().then(setColleagues, () => setError(s.loadError));
  }, [props.c.id]);
  const ownerName = (id: string) => colleagues.find((x) => x.id === id)?.name ?? '';
  const submit = async (ev: Event) => {
    ev.preventDefault();
    setError(null);
    setScheduled(false);
    try {
      // datetime-local is the counsellor's local time; the API wants an instant.
      await casesApi.schedule(props.c.id, { kind, dueAt: new Date(due).toISOString(), ...(owner ? { ownerId: owner } : {}), ...(note.trim() ? { note: note.trim() } : {}) });
      setDue('');
      setNote('');
      setScheduled(true);
      await load();
    } catch (e) {
      setError(errorText(e, s.loadError));
    }
  };
  const markDone = async (id: string) => {
    setError(null);
    try {
      await casesApi.done(id);
      await load();
    } catch (e) {
      setError(errorText(e, s.loadError));
    }
  };
  return (
    <section class="case-section" aria-labelledby="followups-title" data-testid="case-followups">
      <h3 id="followups-title">{s.followUps}</h3>
      {list?.length === 0 && <p class="muted">{s.noFollowUps}</p>}
      <ul class="plain">
        {list?.map((f) => (
          <li key={f.id} data-testid="followup" data-kind={f.kind} data-done={f.doneAt ? 'yes' : 'no'}>
            <strong>{FOLLOW_UP_KIND_LABELS[f.kind][lang]}</strong> {s.due(new Date(f.dueAt).toLocaleString())}
            {ownerName(f.ownerId) ? ` — ${ownerName(f.ownerId)}` : ''}
            {f.note ? `：${f.note}` : ''}
            {f.overdue && !f.doneAt && <strong class="warn"> {s.overdue}</strong>}{' '}
            {f.doneAt ? (
              <span class="muted">{s.doneAt(new Date(f.doneAt).toLocaleString())}</span>
            ) : (
              props.c.canEdit && (
                <button type="button" class="btn" data-testid="followup-done" onClick={() => void markDone(f.id)}>
                  {s.markDone}
                </button>
              )
            )}
          </li>
        ))}
      </ul>
      {props.c.canEdit && (
        <form onSubmit={(ev) => void submit(ev)} class="case-subform" aria-label={s.schedule} data-testid="followup-form">
          <label>
            {s.followUpKind}
            <select value={kind} data-testid="followup-kind" onChange={(ev) => setKind((ev.target as HTMLSelectElement).value as FollowUpKind)}>
              {(['visit', 'call', 'letter'] as const).map((k) => (
                <option key={k} value={k}>
                  {FOLLOW_UP_KIND_LABELS[k][lang]}
                </option>
              ))}
            </select>
          </label>
          <label>
            {s.dueAt}
            <input type="datetime-local" required value={due} data-testid="followup-due" onInput={(ev) => setDue((ev.target as HTMLInputElement).value)} />
          </label>
          <label>
            {s.owner}
            <select value={owner} data-testid="followup-owner" onChange={(ev) => setOwner((ev.target as HTMLSelectElement).value)}>
              <option value="">—</option>
              {colleagues.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {s.note}
            <input value={note} data-testid="followup-note" onInput={(ev) => setNote((ev.target as HTMLInputElement).value)} />
          </label>
          <button type="submit" class="btn primary" data-testid="followup-submit">
            {s.schedule}
          </button>
          {scheduled && (
            <p role="status" class="muted" data-testid="followup-scheduled">
              {s.scheduled}
            </p>
          )}
        </form>
      )}
      <ErrorText error={error} testId="followup-error" />
    </section>
  );
}
