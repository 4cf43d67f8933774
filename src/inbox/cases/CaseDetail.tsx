/**
 * One case: number, stage, person, household (with its pattern), consent, meetings, 支援プラン,
 * アウトリーチ, 参加支援, timeline; the forms only for the agency working it.
 */
import { useEffect, useState } from 'preact/hooks';
import { errorText } from '../api.js';
import { useT, usePage } from '../i18n/index.js';
import { casesPage } from '../i18n/pages/cases.js';
import { ErrorText } from '../components/ErrorText.js';
import { STAGE_LABELS } from '../../contracts/case-labels.js';
import { casesApi, type CaseDetailView } from './api.js';
import { StageForm } from './StageForm.js';
import { PersonHousehold } from './PersonHousehold.js';
import { ReferForm } from './ReferForm.js';
import { MeetingsSection } from './MeetingsSection.js';
import { PlanSection } from './PlanSection.js';
import { FollowUpsSection } from './FollowUpsSection.js';
import { ParticipationSection } from './ParticipationSection.js';

export function CaseDetail(props: { id: string; epoch: number; onBack: () => void; onReferred: () => void }) {
  const s = usePage(casesPage);
  const lang = useT().htmlLang === 'en' ? 'en' : 'ja';
  const [c, setC] = useState<CaseDetailView | null>(null);
  const [error, setError] = useState<string | null>(null);
  // A new meeting changes what the plan form may be agreed in.
  const [meetingsEpoch, setMeetingsEpoch] = useState(0);
  useEffect(() => {
    casesApi.get(props.id).then(setC, (e) => setError(errorText(e, s.loadError)));
  }, [props.id, props.epoch]);
  if (error) return <ErrorText error={error} />;
  if (!c) return <p role="status">…</p>;
  return (
    <article class="case-detail" data-testid="case-detail" data-id={c.id} data-stage={c.stage} aria-labelledby="case-title">
      <button type="button" class="btn" onClick={props.onBack}>
        {s.back}
      </button>
      <h2 id="case-title" tabIndex={-1}>
        {s.number} <span data-testid="case-number">{c.number}</span>
      </h2>
      <p>
        {s.stage}: <strong data-testid="case-stage">{STAGE_LABELS[c.stage][lang]}</strong> — <span data-testid="case-access">{s.access[c.access]}</span>
      </p>
      <PersonHousehold c={c} onChanged={setC} />
      {c.canEdit && <StageForm c={c} meetingsEpoch={meetingsEpoch} onChanged={setC} />}
      {c.canEdit && <ReferForm c={c} onSent={props.onReferred} />}
      <MeetingsSection c={c} epoch={meetingsEpoch} onHeld={() => setMeetingsEpoch((n) => n + 1)} />
      <PlanSection c={c} epoch={meetingsEpoch} />
      <FollowUpsSection c={c} />
      <ParticipationSection c={c} />
      <section class="case-section" aria-labelledby="timeline-title">
        <h3 id="timeline-title">{s.timeline}</h3>
        {!c.textsVisible && <p class="note">{s.textsHidden}</p>}
        <ol class="timeline" data-testid="case-timeline">
          {c.timeline.map((t) =>
            t.type === 'transition' ? (
              <li key={`t${t.at}${t.entry.to}`} class="tl-transition">
                <time dateTime={t.at}>{new Date(t.at).toLocaleString()}</time>{' '}
                {t.entry.from ? `${STAGE_LABELS[t.entry.from][lang]} → ${STAGE_LABELS[t.entry.to][lang]}` : s.created}
                {t.entry.byName ? s.by(t.entry.byName) : ''}
                {t.entry.reason ? `：${t.entry.reason}` : ''}
              </li>
            ) : (
              <li key={t.messageId} class={`tl-message ${t.direction}`}>
                <time dateTime={t.at}>{new Date(t.at).toLocaleString()}</time> {t.text ?? s.messageWithheld}
              </li>
            ),
          )}
        </ol>
      </section>
    </article>
  );
}
