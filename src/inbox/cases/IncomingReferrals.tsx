/** Referrals waiting for this agency's answer (accept, or return with a reason) and overdue follow-ups. */
import { useState } from 'preact/hooks';
import { errorText } from '../api.js';
import { usePage } from '../i18n/index.js';
import { casesPage } from '../i18n/pages/cases.js';
import { ErrorText } from '../components/ErrorText.js';
import { casesApi } from './api.js';
import type { CasesState } from './useCases.js';

export function IncomingReferrals(props: { cases: CasesState }) {
  const s = usePage(casesPage);
  const [error, setError] = useState<string | null>(null);
  const [returning, setReturning] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const act = async (fn: () => Promise<unknown>, caseId?: string) => {
    setError(null);
    try {
      await fn();
      await props.cases.load();
      if (caseId) props.cases.setOpenId(caseId);
    } catch (e) {
      setError(errorText(e, s.loadError));
    }
  };
  return (
    <>
      <section class="case-section" aria-labelledby="incoming-title" data-testid="incoming-referrals">
        <h3 id="incoming-title">{s.incoming}</h3>
        {props.cases.incoming.length === 0 && <p class="muted">{s.noIncoming}</p>}
        <ul class="plain">
          {props.cases.incoming.map((r) => (
            <li key={r.id} class="referral-item" data-testid="incoming-referral" data-case={r.caseNumber}>
              <strong>{r.caseNumber}</strong> — {s.from(r.fromAgency.name)}
              <p>{r.summary}</p>
              <a href={`/api/referrals/${r.id}/sheet.pdf`} target="_blank" rel="noopener">
                {s.sheet}
              </a>
              <div class="row">
                <button type="button" class="btn primary" data-testid="accept-referral" onClick={() => void act(() => casesApi.accept(r.id), r.caseId)}>
                  {s.accept}
                </button>
                <button type="button" class="btn" aria-expanded={returning === r.id} onClick={() => setReturning(returning === r.id ? null : r.id)}>
                  {s.returnIt}
                </button>
              </div>
              {returning === r.id && (
                <form
                  onSubmit={(ev) => {
                    ev.preventDefault();
                    void act(() => casesApi.returnIt(r.id, reason)).then(() => setReturning(null));
                  }}
                >
                  <label>
                    {s.returnReason}
                    <input value={reason} required onInput={(ev) => setReason((ev.target as HTMLInputElement).value)} />
                  </label>
                  <button type="submit" class="btn">
                    {s.returnIt}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
        <ErrorText error={error} />
      </section>
      {props.cases.reminders.length > 0 && (
        <section class="case-section" aria-labelledby="reminders-title" data-testid="followup-reminders">
          <h3 id="reminders-title">{s.reminders}</h3>
          <ul class="plain">
            {props.cases.reminders.map((f) => (
              <li key={f.id} data-testid="followup-reminder">
                <button type="button" class="linklike" onClick={() => props.cases.setOpenId(f.caseId)}>
                  {f.caseNumber}
                </button>{' '}
                {s.due(new Date(f.dueAt).toLocaleString())} {f.note ?? ''}
                <button type="button" class="btn" onClick={() => void act(() => casesApi.done(f.id)).then(() => props.cases.dismissReminder(f.id))}>
                  {s.markDone}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
