/**
 * 会議 on the case: the meetings that discussed it, and (for the agency working it) a form to record
 * one. A 重層的支援会議 needs the person's share consent; in a 支援会議 every participant ticks the
 * 守秘義務 acknowledgement. The API's refusals are said in words: why, and what to do.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, errorText, type Colleague } from '../api.js';
import { useT, usePage } from '../i18n/index.js';
import { casesPage } from '../i18n/pages/cases.js';
import { ErrorText } from '../components/ErrorText.js';
import { MEETING_KIND_LABELS } from '../../contracts/case-labels.js';
import type { MeetingKind } from '../../contracts/enums.js';
import { casesApi, type AgencyView, type CaseDetailView, type MeetingView } from './api.js';

/** Today in the counsellor's time zone (toISOString would give the UTC day, yesterday in the Japanese morning). */
const localToday = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** A chosen participant: `s:<staffId>` or `a:<agencyCode>` → acknowledged 守秘義務. */
type Chosen = Record<string, boolean>;

export function MeetingsSection(props: { c: CaseDetailView; epoch: number; onHeld: () => void }) {
  const s = usePage(casesPage);
  const lang = useT().htmlLang === 'en' ? 'en' : 'ja';
  const [meetings, setMeetings] = useState<MeetingView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    casesApi.meetings(props.c.id).then(setMeetings, (e) => setError(errorText(e, s.loadError)));
  }, [props.c.id, props.epoch]);
  return (
    <section class="case-section" aria-labelledby="meetings-title" data-testid="case-meetings">
      <h3 id="meetings-title">{s.meetings}</h3>
      <ErrorText error={error} />
      {meetings?.length === 0 && <p class="muted">{s.noMeetings}</p>}
      <ul class="plain">
        {meetings?.map((m) => (
          <li key={m.id} data-testid="meeting" data-kind={m.kind}>
            <strong>{MEETING_KIND_LABELS[m.kind][lang]}</strong> <time dateTime={m.date}>{m.date}</time>
            <br />
            {s.participants}: {m.participants.map((p) => p.name ?? p.agencyCode ?? '').join('、')}
            {m.decisions.length > 0 && (
              <ul>
                {m.decisions.map((d, i) => (
                  <li key={i} data-close={d.closeCase && d.caseId === props.c.id ? 'yes' : undefined}>
                    {d.text}
                    {d.closeCase && d.caseId === props.c.id ? <strong>{s.closeDecisionBadge}</strong> : null}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {props.c.canEdit && <MeetingForm c={props.c} onHeld={props.onHeld} />}
    </section>
  );
}

function MeetingForm(props: { c: CaseDetailView; onHeld: () => void }) {
  const s = usePage(casesPage);
  const lang = useT().htmlLang === 'en' ? 'en' : 'ja';
  const [kind, setKind] = useState<MeetingKind>(props.c.shareConsent === 'yes' ? 'jusou' : 'shien');
  const [date, setDate] = useState(localToday);
  const [colleagues, setColleagues] = useState<Colleague[]>([]);
  const [agencies, setAgencies] = useState<AgencyView[]>([]);
  const [chosen, setChosen] = useState<Chosen>({});
  const [decisions, setDecisions] = useState('');
  const [closeCase, setCloseCase] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [held, setHeld] = useState(false);
  useEffect(() => {
    api.staff().then(setColleagues, () => setError(s.loadError));
    casesApi.agencies(props.c.needs).then((list) => setAgencies(list.filter((a) => a.id !== props.c.agencyId)), () => setError(s.loadError));
  }, [props.c.id]);

  const toggle = (key: string, on: boolean) =>
    setChosen((c) => {
      const next = { ...c };
      if (on) next[key] = false;
      else delete next[key];
      return next;
    });
  const submit = async (ev: Event) => {
    ev.preventDefault();
    setError(null);
    setHeld(false);
    const keys = Object.keys(chosen);
    if (keys.length === 0) return setError(s.noParticipants);
    const participants = keys.map((k) =>
      k.startsWith('s:') ? { staffId: k.slice(2), confidentialityAcknowledged: chosen[k] } : { agency: k.slice(2), confidentialityAcknowledged: chosen[k] },
    );
    const lines = decisions.split('\n').map((x) => x.trim()).filter(Boolean);
    try {
      const decided: { caseId: string; text: string; closeCase?: boolean }[] = lines.map((text) => ({ caseId: props.c.id, text }));
      // 終結 is a decision of its own, in the words the page shows beside the tick.
      if (closeCase) decided.push({ caseId: props.c.id, text: s.closeDecisionText, closeCase: true });
      await casesApi.holdMeeting({ kind, date, participants, caseIds: [props.c.id], decisions: decided });
      setChosen({});
      setDecisions('');
      setCloseCase(false);
      setHeld(true);
      props.onHeld();
    } catch (e) {
      const code = e instanceof ApiError ? e.code : '';
      setError(code === 'consent_required' ? s.meetingConsentRequired : code === 'confidentiality_required' ? s.confidentialityRequired : errorText(e, s.loadError));
    }
  };
  const person = (key: string, name: string) => (
    <li key={key}>
      <label class="check">
        <input type="checkbox" data-testid="meeting-participant" data-key={key} checked={key in chosen} onChange={(ev) => toggle(key, (ev.target as HTMLInputElement).checked)} />
        {name}
      </label>
      {key in chosen && (
        <label class="check indent">
          <input
            type="checkbox"
            data-testid="meeting-ack"
            data-key={key}
            checked={chosen[key]}
            onChange={(ev) => setChosen((c) => ({ ...c, [key]: (ev.target as HTMLInputElement).checked }))}
          />
          {s.acknowledged}
        </label>
      )}
    </li>
  );
  return (
    <form onSubmit={(ev) => void submit(ev)} aria-labelledby="meeting-form-title" data-testid="meeting-form" class="case-subform">
      <h4 id="meeting-form-title">{s.holdMeeting}</h4>
      <label>
        {s.meetingKind}
        <select value={kind} data-testid="meeting-kind" onChange={(ev) => setKind((ev.target as HTMLSelectElement).value as MeetingKind)}>
          {(['jusou', 'shien'] as const).map((k) => (
            <option key={k} value={k}>
              {MEETING_KIND_LABELS[k][lang]}
            </option>
          ))}
        </select>
      </label>
      {kind === 'shien' && <p class="note">{s.shienNote}</p>}
      <label>
        {s.meetingDate}
        <input type="date" required value={date} data-testid="meeting-date" onInput={(ev) => setDate((ev.target as HTMLInputElement).value)} />
      </label>
      <fieldset>
        <legend>{s.participants}</legend>
        <p class="muted">{s.ourStaff}</p>
        <ul class="plain">{colleagues.map((x) => person(`s:${x.id}`, x.name))}</ul>
        <p class="muted">{s.otherAgencies}</p>
        <ul class="plain">{agencies.map((a) => person(`a:${a.code}`, a.name))}</ul>
      </fieldset>
      <label>
        {s.decisions}
        <textarea rows={3} value={decisions} data-testid="meeting-decisions" onInput={(ev) => setDecisions((ev.target as HTMLTextAreaElement).value)} />
      </label>
      <label class="check">
        <input type="checkbox" data-testid="meeting-close-case" checked={closeCase} onChange={(ev) => setCloseCase((ev.target as HTMLInputElement).checked)} />
        {s.closeDecisionLabel}
      </label>
      <button type="submit" class="btn primary" data-testid="meeting-submit">
        {s.meetingSubmit}
      </button>
      {held && (
        <p role="status" class="muted" data-testid="meeting-held">
          {s.meetingHeld}
        </p>
      )}
      <ErrorText error={error} testId="meeting-error" />
    </form>
  );
}
