/** Move a case to another stage the machine allows (a reason when moving back or closing). */
import { useState } from 'preact/hooks';
import { ApiError, errorText } from '../api.js';
import { useT, usePage } from '../i18n/index.js';
import { casesPage } from '../i18n/pages/cases.js';
import { ErrorText } from '../components/ErrorText.js';
import { STAGE_LABELS } from '../../contracts/case-labels.js';
import { casesApi, type CaseDetailView, type CaseStage } from './api.js';

export function StageForm(props: { c: CaseDetailView; onChanged: (c: CaseDetailView) => void }) {
  const s = usePage(casesPage);
  const lang = useT().htmlLang === 'en' ? 'en' : 'ja';
  const [to, setTo] = useState<CaseStage | ''>('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const submit = async (ev: Event) => {
    ev.preventDefault();
    if (!to) return;
    setError(null);
    setDone(false);
    try {
      props.onChanged(await casesApi.move(props.c.id, to, reason.trim() || undefined));
      setTo('');
      setReason('');
      setDone(true);
    } catch (e) {
      setError(e instanceof ApiError && e.status > 0 ? e.message : errorText(e, s.loadError));
    }
  };
  return (
    <form class="case-section" onSubmit={(ev) => void submit(ev)} aria-labelledby="move-title" data-testid="stage-form">
      <h3 id="move-title">{s.move}</h3>
      <label>
        {s.moveTo}
        <select value={to} data-testid="stage-select" onChange={(ev) => setTo((ev.target as HTMLSelectElement).value as CaseStage)}>
          <option value="">—</option>
          {props.c.nextStages.map((st) => (
            <option key={st} value={st}>
              {STAGE_LABELS[st][lang]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {s.reason}
        <input value={reason} data-testid="stage-reason" onInput={(ev) => setReason((ev.target as HTMLInputElement).value)} />
      </label>
      <button type="submit" class="btn" data-testid="stage-submit" disabled={!to}>
        {s.moveSubmit}
      </button>
      {done && (
        <p role="status" class="muted">
          {s.moved}
        </p>
      )}
      <ErrorText error={error} testId="stage-error" />
    </form>
  );
}
