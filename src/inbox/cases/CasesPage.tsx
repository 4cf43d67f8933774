/** The ケース page: incoming referrals and reminders, the agency's cases by stage, and the open case. */
import { useEffect, useState } from 'preact/hooks';
import { errorText } from '../api.js';
import { useT, usePage } from '../i18n/index.js';
import { casesPage } from '../i18n/pages/cases.js';
import { ErrorText } from '../components/ErrorText.js';
import { CASE_STAGES } from '../../contracts/enums.js';
import { REFERRAL_STATE_LABELS, STAGE_LABELS } from '../../contracts/case-labels.js';
import { casesApi, type CaseStage, type CaseView } from './api.js';
import { CaseDetail } from './CaseDetail.js';
import { IncomingReferrals } from './IncomingReferrals.js';
import type { CasesState } from './useCases.js';

export function CasesPage(props: { cases: CasesState }) {
  const s = usePage(casesPage);
  const lang = useT().htmlLang === 'en' ? 'en' : 'ja';
  const { cases } = props;
  const [stage, setStage] = useState<CaseStage | ''>('');
  const [list, setList] = useState<CaseView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    casesApi.list(stage || undefined).then(setList, (e) => setError(errorText(e, s.loadError)));
  }, [stage, cases.epoch, cases.openId]);

  if (cases.openId) {
    return <CaseDetail id={cases.openId} epoch={cases.epoch} onBack={() => cases.setOpenId(null)} onReferred={() => void cases.load()} />;
  }
  return (
    <section class="cases-page" aria-labelledby="cases-title" data-testid="cases-page">
      <h2 id="cases-title">{s.title}</h2>
      <IncomingReferrals cases={cases} />
      <section class="case-section" aria-labelledby="case-list-title">
        <h3 id="case-list-title">{s.list}</h3>
        <label>
          {s.stageFilter}
          <select value={stage} onChange={(ev) => setStage((ev.target as HTMLSelectElement).value as CaseStage | '')}>
            <option value="">{s.allStages}</option>
            {CASE_STAGES.map((st) => (
              <option key={st} value={st}>
                {STAGE_LABELS[st][lang]}
              </option>
            ))}
          </select>
        </label>
        <ErrorText error={error} />
        {list && list.length === 0 && <p class="muted">{s.none}</p>}
        <ul class="plain case-list">
          {(list ?? []).map((c) => (
            <li key={c.id}>
              <button type="button" class="linklike" data-testid="case-item" data-number={c.number} onClick={() => cases.setOpenId(c.id)}>
                {c.number} — {c.person.name ?? c.person.description ?? s.unknownName} — {STAGE_LABELS[c.stage][lang]}
              </button>
            </li>
          ))}
        </ul>
      </section>
      {cases.outgoing.length > 0 && (
        <section class="case-section" aria-labelledby="outgoing-title">
          <h3 id="outgoing-title">{s.outgoing}</h3>
          <ul class="plain">
            {cases.outgoing.map((r) => (
              <li key={r.id} data-testid="outgoing-referral" data-state={r.state}>
                {r.caseNumber} → {r.toAgency.name}: {REFERRAL_STATE_LABELS[r.state][lang]}
                {r.returnReason ? `（${r.returnReason}）` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
