/**
 * つなぐ: choose the agency (suggested ones first), write the summary, pick the person's words to
 * quote. Says beforehand when the person's consent is missing, and on 403 consent_required says
 * why and what to do (ask for consent, or call a 支援会議).
 */
import { useEffect, useState } from 'preact/hooks';
import { ApiError, errorText } from '../api.js';
import { useT, usePage } from '../i18n/index.js';
import { casesPage } from '../i18n/pages/cases.js';
import { ErrorText } from '../components/ErrorText.js';
import { AGENCY_FIELD_LABELS } from '../../contracts/case-labels.js';
import { casesApi, type AgencyView, type CaseDetailView } from './api.js';

export function ReferForm(props: { c: CaseDetailView; onSent: () => void }) {
  const s = usePage(casesPage);
  const lang = useT().htmlLang === 'en' ? 'en' : 'ja';
  const [agencies, setAgencies] = useState<AgencyView[]>([]);
  const [toAgency, setToAgency] = useState('');
  const [summary, setSummary] = useState('');
  const [quotes, setQuotes] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const needs = props.c.needs;

  useEffect(() => {
    casesApi.agencies(needs).then(
      (list) => setAgencies(list.filter((a) => a.id !== props.c.agencyId)),
      () => setError(s.loadError),
    );
  }, [props.c.id]);

  // Only the person's own words (their own conversations), never a reporter's.
  const own = new Set(props.c.conversations.filter((x) => x.subject === 'self').map((x) => x.id));
  const words = props.c.timeline.flatMap((t) => (t.type === 'message' && t.direction === 'in' && t.authorType === 'person' && t.text && own.has(t.conversationId) ? [t] : []));
  const submit = async (ev: Event) => {
    ev.preventDefault();
    setError(null);
    setSent(false);
    try {
      await casesApi.refer(props.c.id, { toAgency, summary, quotes });
      setSent(true);
      setSummary('');
      setQuotes([]);
      props.onSent();
    } catch (e) {
      const code = e instanceof ApiError ? e.code : '';
      setError(code === 'consent_required' ? s.consentRequired : code === 'referral_pending' ? s.referralPending : errorText(e, s.loadError));
    }
  };
  return (
    <form class="case-section" onSubmit={(ev) => void submit(ev)} aria-labelledby="refer-title" data-testid="refer-form">
      <h3 id="refer-title">{s.refer}</h3>
      {props.c.shareConsent !== 'yes' && (
        <p class="note" data-testid="consent-note">
          {s.consentMissingNote}
        </p>
      )}
      <label>
        {s.toAgency}
        <select required value={toAgency} data-testid="refer-agency" onChange={(ev) => setToAgency((ev.target as HTMLSelectElement).value)}>
          <option value="">{s.chooseAgency}</option>
          {agencies.map((a) => (
            <option key={a.code} value={a.code}>
              {a.name}（{AGENCY_FIELD_LABELS[a.field][lang]}）{a.suggested ? ` — ${s.suggested}` : ''}
            </option>
          ))}
        </select>
      </label>
      <label>
        {s.summary}
        <textarea required rows={3} value={summary} data-testid="refer-summary" onInput={(ev) => setSummary((ev.target as HTMLTextAreaElement).value)} />
      </label>
      {words.length > 0 && (
        <fieldset>
          <legend>{s.quotes}</legend>
          {words.map((w) => (
            <label key={w.messageId} class="check">
              <input
                type="checkbox"
                data-testid="refer-quote"
                checked={quotes.includes(w.messageId)}
                onChange={(ev) => setQuotes((q) => ((ev.target as HTMLInputElement).checked ? [...q, w.messageId] : q.filter((x) => x !== w.messageId)))}
              />
              「{w.text}」
            </label>
          ))}
        </fieldset>
      )}
      <button type="submit" class="btn primary" data-testid="refer-submit">
        {s.referSubmit}
      </button>
      {sent && (
        <p role="status" class="muted" data-testid="refer-sent">
          {s.referred}
        </p>
      )}
      <ErrorText error={error} testId="refer-error" />
    </form>
  );
}
