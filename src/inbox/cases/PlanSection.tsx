/**
 * 支援プラン: the current version (goals, actions with owner agency and due date, review date) and,
 * for the agency working the case, agreeing the next version in a meeting that discussed the case.
 */
import { useEffect, useState } from 'preact/hooks';
import { errorText } from '../api.js';
import { useT, usePage } from '../i18n/index.js';
import { casesPage } from '../i18n/pages/cases.js';
import { ErrorText } from '../components/ErrorText.js';
import { MEETING_KIND_LABELS } from '../../contracts/case-labels.js';
import { casesApi, type AgencyView, type CaseDetailView, type MeetingView, type PlanView } from './api.js';

interface ActionRow {
  text: string;
  ownerAgency: string;
  due: string;
}
const emptyRow = (): ActionRow => ({ text: '', ownerAgency: '', due: '' });

export function PlanSection(props: { c: CaseDetailView; epoch: number }) {
  const s = usePage(casesPage);
  const [plans, setPlans] = useState<PlanView[] | null>(null);
  const [agencies, setAgencies] = useState<AgencyView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const load = () => casesApi.plans(props.c.id).then(setPlans, (e) => setError(errorText(e, s.loadError)));
  useEffect(() => {
    void load();
    casesApi.agencies(props.c.needs).then(setAgencies, () => setError(s.loadError));
  }, [props.c.id, props.epoch]);
  const current = plans?.reduce<PlanView | null>((a, p) => (!a || p.version > a.version ? p : a), null) ?? null;
  const agencyName = (id: string) => agencies.find((a) => a.id === id)?.name ?? '';
  return (
    <section class="case-section" aria-labelledby="plan-title" data-testid="case-plan">
      <h3 id="plan-title">{s.plan}</h3>
      <ErrorText error={error} />
      {plans && !current && <p class="muted">{s.noPlan}</p>}
      {current && (
        <div data-testid="plan-current" data-version={current.version}>
          <p>
            <strong>{s.planVersion(current.version)}</strong>
            {current.reviewDate ? ` — ${s.reviewDate}: ${current.reviewDate}` : ''}
          </p>
          <ul>
            {current.goals.map((g, i) => (
              <li key={i}>{g}</li>
            ))}
          </ul>
          {current.actions.length > 0 && (
            <ul class="plain">
              {current.actions.map((a, i) => (
                <li key={i}>
                  {a.text}（{agencyName(a.ownerAgencyId)}
                  {a.due ? ` / ${s.actionDue} ${a.due}` : ''}）
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {props.c.canEdit && plans && <PlanForm c={props.c} epoch={props.epoch} agencies={agencies} next={(current?.version ?? 0) + 1} onAgreed={() => void load()} />}
    </section>
  );
}

function PlanForm(props: { c: CaseDetailView; epoch: number; agencies: AgencyView[]; next: number; onAgreed: () => void }) {
  const s = usePage(casesPage);
  const lang = useT().htmlLang === 'en' ? 'en' : 'ja';
  const [meetings, setMeetings] = useState<MeetingView[]>([]);
  const [meetingId, setMeetingId] = useState('');
  const [goals, setGoals] = useState('');
  const [rows, setRows] = useState<ActionRow[]>([emptyRow()]);
  const [reviewDate, setReviewDate] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [agreed, setAgreed] = useState(false);
  useEffect(() => {
    casesApi.meetings(props.c.id).then((m) => {
      setMeetings(m);
      setMeetingId(m[0]?.id ?? '');
    }, () => setError(s.loadError));
  }, [props.c.id, props.epoch]);
  const setRow = (i: number, patch: Partial<ActionRow>) => setRows((r) => r.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const submit = async (ev: Event) => {
    ev.preventDefault();
    setError(null);
    setAgreed(false);
    const actions = rows.filter((r) => r.text.trim()).map((r) => ({ text: r.text.trim(), ownerAgency: r.ownerAgency, ...(r.due ? { due: r.due } : {}) }));
    try {
      await casesApi.agreePlan(props.c.id, { meetingId, goals: goals.split('\n').map((g) => g.trim()).filter(Boolean), actions, ...(reviewDate ? { reviewDate } : {}) });
      setGoals('');
      setRows([emptyRow()]);
      setReviewDate('');
      setAgreed(true);
      props.onAgreed();
    } catch (e) {
      setError(errorText(e, s.loadError));
    }
  };
  if (meetings.length === 0) return <p class="note" data-testid="plan-needs-meeting">{s.planNeedsMeeting}</p>;
  return (
    <form onSubmit={(ev) => void submit(ev)} class="case-subform" aria-label={s.planSubmit(props.next)} data-testid="plan-form">
      <label>
        {s.planMeeting}
        <select required value={meetingId} data-testid="plan-meeting" onChange={(ev) => setMeetingId((ev.target as HTMLSelectElement).value)}>
          {meetings.map((m) => (
            <option key={m.id} value={m.id}>
              {m.date} {MEETING_KIND_LABELS[m.kind][lang]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {s.goals}
        <textarea required rows={3} value={goals} data-testid="plan-goals" onInput={(ev) => setGoals((ev.target as HTMLTextAreaElement).value)} />
      </label>
      <fieldset>
        <legend>{s.actions}</legend>
        {rows.map((r, i) => (
          <div key={i} class="action-row" data-testid="plan-action">
            <label>
              {s.actionText}
              <input value={r.text} data-testid="plan-action-text" onInput={(ev) => setRow(i, { text: (ev.target as HTMLInputElement).value })} />
            </label>
            <label>
              {s.actionOwner}
              <select required={!!r.text.trim()} value={r.ownerAgency} data-testid="plan-action-owner" onChange={(ev) => setRow(i, { ownerAgency: (ev.target as HTMLSelectElement).value })}>
                <option value="">{s.chooseAgency}</option>
                {props.agencies.map((a) => (
                  <option key={a.code} value={a.code}>
                    {a.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {s.actionDue}
              <input type="date" value={r.due} data-testid="plan-action-due" onInput={(ev) => setRow(i, { due: (ev.target as HTMLInputElement).value })} />
            </label>
          </div>
        ))}
        <button type="button" class="btn" onClick={() => setRows((r) => [...r, emptyRow()])}>
          {s.addAction}
        </button>
      </fieldset>
      <label>
        {s.reviewDate}
        <input type="date" value={reviewDate} data-testid="plan-review" onInput={(ev) => setReviewDate((ev.target as HTMLInputElement).value)} />
      </label>
      <button type="submit" class="btn primary" data-testid="plan-submit">
        {s.planSubmit(props.next)}
      </button>
      {agreed && (
        <p role="status" class="muted" data-testid="plan-agreed">
          {s.planAgreed}
        </p>
      )}
      <ErrorText error={error} testId="plan-error" />
    </form>
  );
}
