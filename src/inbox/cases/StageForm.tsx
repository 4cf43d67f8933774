/**
 * Move a case to another stage the machine allows (a reason when moving back or closing). A case
 * that went through 多機関協働 closes only on a meeting's decision: choosing 終結 then offers the
 * meetings on the case that decided to close it (or says that none has yet, and how to record one).
 */
import { useEffect, useState } from 'preact/hooks';
import { ApiError, errorText } from '../api.js';
import { useT, usePage } from '../i18n/index.js';
import { casesPage } from '../i18n/pages/cases.js';
import { ErrorText } from '../components/ErrorText.js';
import { STAGE_LABELS } from '../../contracts/case-labels.js';
import { casesApi, type CaseDetailView, type CaseStage, type MeetingView } from './api.js';
import { MEETING_KIND_LABELS } from '../../contracts/case-labels.js';

/** The meetings on this case with a decision to close it (what the API accepts as `meetingId`). */
const closingMeetings = (meetings: MeetingView[], caseId: string) => meetings.filter((m) => m.decisions.some((d) => d.caseId === caseId && d.closeCase === true));

export function StageForm(props: { c: CaseDetailView; meetingsEpoch: number; onChanged: (c: CaseDetailView) => void }) {
  const s = usePage(casesPage);
  const lang = useT().htmlLang === 'en' ? 'en' : 'ja';
  const [to, setTo] = useState<CaseStage | ''>('');
  const [reason, setReason] = useState('');
  const [meetingId, setMeetingId] = useState('');
  const [closers, setClosers] = useState<MeetingView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const coordinated = props.c.stage === 'coordination' || props.c.history.some((h) => h.to === 'coordination');
  const needsMeeting = to === 'closed' && coordinated;
  useEffect(() => {
    if (!needsMeeting) return;
    setClosers(null);
    casesApi.meetings(props.c.id).then(
      (list) => {
        const found = closingMeetings(list, props.c.id);
        setClosers(found);
        // One meeting decided it: that is the one (the counsellor still sees which).
        setMeetingId((current) => (found.some((m) => m.id === current) ? current : (found[0]?.id ?? '')));
      },
      (e) => setError(errorText(e, s.loadError)),
    );
  }, [needsMeeting, props.c.id, props.meetingsEpoch]);
  const submit = async (ev: Event) => {
    ev.preventDefault();
    if (!to) return;
    setError(null);
    setDone(false);
    try {
      props.onChanged(await casesApi.move(props.c.id, to, reason.trim() || undefined, needsMeeting && meetingId ? meetingId : undefined));
      setTo('');
      setReason('');
      setMeetingId('');
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
      {needsMeeting && closers && closers.length > 0 && (
        <label>
          {s.closingMeeting}
          <select value={meetingId} required data-testid="stage-meeting" onChange={(ev) => setMeetingId((ev.target as HTMLSelectElement).value)}>
            {closers.map((m) => (
              <option key={m.id} value={m.id}>
                {`${m.date} ${MEETING_KIND_LABELS[m.kind][lang]}：${m.decisions.find((d) => d.caseId === props.c.id && d.closeCase)?.text ?? ''}`}
              </option>
            ))}
          </select>
        </label>
      )}
      {needsMeeting && closers?.length === 0 && (
        <p class="note" data-testid="stage-no-closing-meeting">
          {s.noClosingMeeting}
        </p>
      )}
      <label>
        {s.reason}
        <input value={reason} data-testid="stage-reason" onInput={(ev) => setReason((ev.target as HTMLInputElement).value)} />
      </label>
      <button type="submit" class="btn" data-testid="stage-submit" disabled={!to || (needsMeeting && !meetingId)}>
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
