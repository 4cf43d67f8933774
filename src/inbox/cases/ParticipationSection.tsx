/** 参加支援 on the case: the activities, places and work the person takes part in, and how it goes; add one. */
import { useEffect, useState } from 'preact/hooks';
import { errorText } from '../api.js';
import { useT, usePage } from '../i18n/index.js';
import { casesPage } from '../i18n/pages/cases.js';
import { ErrorText } from '../components/ErrorText.js';
import { PARTICIPATION_KIND_LABELS, PARTICIPATION_OUTCOME_LABELS } from '../../contracts/case-labels.js';
import type { ParticipationKind, ParticipationOutcome } from '../../contracts/enums.js';
import { casesApi, type CaseDetailView, type ParticipationView } from './api.js';

// The label tables list the vocabularies (enums.ts would bring zod into the bundle).
const KINDS = Object.keys(PARTICIPATION_KIND_LABELS) as ParticipationKind[];
const OUTCOMES = Object.keys(PARTICIPATION_OUTCOME_LABELS) as ParticipationOutcome[];

export function ParticipationSection(props: { c: CaseDetailView }) {
  const s = usePage(casesPage);
  const lang = useT().htmlLang === 'en' ? 'en' : 'ja';
  const [list, setList] = useState<ParticipationView[] | null>(null);
  const [kind, setKind] = useState<ParticipationKind>('activity');
  const [name, setName] = useState('');
  const [startedOn, setStartedOn] = useState('');
  const [outcome, setOutcome] = useState<ParticipationOutcome>('ongoing');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState(false);
  const load = () => casesApi.participations(props.c.id).then(setList, (e) => setError(errorText(e, s.loadError)));
  useEffect(() => {
    void load();
  }, [props.c.id]);
  const submit = async (ev: Event) => {
    ev.preventDefault();
    setError(null);
    setAdded(false);
    try {
      await casesApi.addParticipation(props.c.id, { kind, name: name.trim(), outcome, ...(startedOn ? { startedOn } : {}), ...(note.trim() ? { note: note.trim() } : {}) });
      setName('');
      setStartedOn('');
      setNote('');
      setAdded(true);
      await load();
    } catch (e) {
      setError(errorText(e, s.loadError));
    }
  };
  return (
    <section class="case-section" aria-labelledby="participation-title" data-testid="case-participation">
      <h3 id="participation-title">{s.participation}</h3>
      {list?.length === 0 && <p class="muted">{s.noParticipation}</p>}
      <ul class="plain">
        {list?.map((p) => (
          <li key={p.id} data-testid="participation" data-kind={p.kind}>
            <strong>{PARTICIPATION_KIND_LABELS[p.kind][lang]}</strong> {p.name} — {PARTICIPATION_OUTCOME_LABELS[p.outcome][lang]}
            {p.startedOn ? `（${s.startedOn} ${p.startedOn}）` : ''}
            {p.note ? `：${p.note}` : ''}
          </li>
        ))}
      </ul>
      {props.c.canEdit && (
        <form onSubmit={(ev) => void submit(ev)} class="case-subform" aria-label={s.participation} data-testid="participation-form">
          <label>
            {s.participationKind}
            <select value={kind} data-testid="participation-kind" onChange={(ev) => setKind((ev.target as HTMLSelectElement).value as ParticipationKind)}>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {PARTICIPATION_KIND_LABELS[k][lang]}
                </option>
              ))}
            </select>
          </label>
          <label>
            {s.participationName}
            <input required maxLength={200} value={name} data-testid="participation-name" onInput={(ev) => setName((ev.target as HTMLInputElement).value)} />
          </label>
          <label>
            {s.startedOn}
            <input type="date" value={startedOn} data-testid="participation-started" onInput={(ev) => setStartedOn((ev.target as HTMLInputElement).value)} />
          </label>
          <label>
            {s.outcome}
            <select value={outcome} data-testid="participation-outcome" onChange={(ev) => setOutcome((ev.target as HTMLSelectElement).value as ParticipationOutcome)}>
              {OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {PARTICIPATION_OUTCOME_LABELS[o][lang]}
                </option>
              ))}
            </select>
          </label>
          <label>
            {s.note}
            <input value={note} data-testid="participation-note" onInput={(ev) => setNote((ev.target as HTMLInputElement).value)} />
          </label>
          <button type="submit" class="btn primary" data-testid="participation-submit">
            {s.addParticipation}
          </button>
          {added && (
            <p role="status" class="muted" data-testid="participation-added">
              {s.participationAdded}
            </p>
          )}
        </form>
      )}
      <ErrorText error={error} testId="participation-error" />
    </section>
  );
}
