/** The case panel above the messages: assignee, status, triage (with correction), consent, audit. */
import { useEffect, useId, useState } from 'preact/hooks';
import {
  api,
  errorText,
  isSupervisorRole,
  type Colleague,
  type Consent,
  type ConsentAnswer,
  type ConsentScope,
  type Conversation,
  type ConversationStatus,
  type Staff,
  type Team,
  type Urgency,
  type AuditEntry,
} from '../api.js';
import { absoluteTime, CATEGORY_CODES, useT } from '../i18n.js';
import { ErrorText } from './ErrorText.js';

const URGENCIES: Urgency[] = ['emergency', 'high', 'normal', 'low'];

export function AssignControls(props: {
  conversation: Conversation;
  me: Staff;
  colleagues: Colleague[];
  onConversation: (c: Conversation) => void;
}) {
  const t = useT();
  const id = useId();
  const c = props.conversation;
  const [to, setTo] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const names = new Map(props.colleagues.map((s) => [s.id, s.name]));
  const mine = c.assignee === props.me.id;
  const [teams, setTeams] = useState<Team[]>([]);
  useEffect(() => {
    api.teams().then(setTeams, () => setTeams([]));
  }, []);
  const teamName = c.team ? (teams.find((x) => x.id === c.team)?.name ?? c.team.slice(0, 8)) : null;

  // `team:<id>` / `team:none` hand it to a team; anything else is a colleague (or none).
  const assign = async (target: string | null) => {
    setBusy(true);
    setError('');
    try {
      const team = target?.startsWith('team:') ? target.slice(5) : undefined;
      props.onConversation(team !== undefined ? await api.assignTeam(c.id, team === 'none' ? null : team) : await api.assign(c.id, target));
      setTo('');
    } catch (err) {
      setError(errorText(err, t.assign.failed));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="assign" data-testid="assign">
      <span class="assignee-now" data-testid="assignee" data-assignee={c.assignee ?? ''}>
        {c.assignee ? t.assignedTo(mine ? `${props.me.name}（${t.filters.assigneeMe}）` : (names.get(c.assignee) ?? c.assignee.slice(0, 8))) : t.unassigned}
      </span>
      {teamName && (
        <span class="team-now" data-testid="team" data-team={c.team ?? ''}>
          {t.assign.team(teamName)}
        </span>
      )}
      {mine ? (
        <span class="claimed">
          <span aria-hidden="true">✓ </span>
          {t.assign.claimed}
        </span>
      ) : (
        <button type="button" class="btn primary small" data-testid="claim" disabled={busy} onClick={() => void assign(props.me.id)}>
          {t.assign.claim}
        </button>
      )}
      <form
        class="assign-to"
        onSubmit={(e) => {
          e.preventDefault();
          if (to) void assign(to === 'none' ? null : to);
        }}
      >
        <label for={`${id}-to`}>{t.assign.to}</label>
        <select id={`${id}-to`} data-testid="assign-select" value={to} onChange={(e) => setTo(e.currentTarget.value)}>
          <option value="">{t.assign.choose}</option>
          <option value="none">{t.assign.unassign}</option>
          {props.colleagues.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}（{t.role[s.role] ?? s.role}）{s.online ? ` ● ${t.header.online}` : ''}
            </option>
          ))}
          {teams.length > 0 && (
            <optgroup label={t.assign.teams}>
              {teams.map((x) => (
                <option key={x.id} value={`team:${x.id}`}>
                  {x.name}
                </option>
              ))}
              {c.team && <option value="team:none">{t.assign.noTeam}</option>}
            </optgroup>
          )}
        </select>
        <button type="submit" class="btn small" data-testid="assign-submit" disabled={!to || busy}>
          {t.assign.submit}
        </button>
      </form>
      <ErrorText error={error} />
    </div>
  );
}

export function StatusButtons(props: { conversation: Conversation; onConversation: (c: Conversation) => void }) {
  const t = useT();
  const c = props.conversation;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const change = async (status: ConversationStatus) => {
    setBusy(true);
    setError('');
    try {
      props.onConversation(await api.update(c.id, { status }));
    } catch (err) {
      setError(errorText(err, t.statusActions.failed));
    } finally {
      setBusy(false);
    }
  };
  const buttons: { status: ConversationStatus; label: string }[] =
    c.status === 'closed'
      ? [{ status: 'open', label: t.statusActions.reopen }]
      : [
          ...(c.status !== 'waiting' ? [{ status: 'waiting' as const, label: t.statusActions.waiting }] : [{ status: 'open' as const, label: t.statusActions.reopen }]),
          { status: 'closed', label: t.statusActions.closed },
        ];
  return (
    <div class="status-actions" role="group" aria-label={t.statusActions.label} data-testid="status-select">
      {buttons.map((b) => (
        <button
          key={b.status}
          type="button"
          class="btn small"
          data-testid="status-button"
          data-status={b.status}
          disabled={busy}
          onClick={() => void change(b.status)}
        >
          {b.label}
        </button>
      ))}
      <ErrorText error={error} />
    </div>
  );
}

export function TriageEditor(props: { conversation: Conversation; onConversation: (c: Conversation) => void; onClose: () => void }) {
  const t = useT();
  const id = useId();
  const c = props.conversation;
  const [urgency, setUrgency] = useState<Urgency>(c.triage?.urgency ?? 'normal');
  const [cats, setCats] = useState<Set<string>>(new Set(c.triage?.categories ?? []));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const save = async (e: Event) => {
    e.preventDefault();
    if (cats.size === 0) {
      setError(t.triageEdit.needCategory);
      return;
    }
    setBusy(true);
    setError('');
    const body: { urgency?: Urgency; categories?: string[] } = {};
    if (urgency !== c.triage?.urgency) body.urgency = urgency;
    const list = CATEGORY_CODES.filter((x) => cats.has(x));
    const before = [...(c.triage?.categories ?? [])].sort().join(',');
    if ([...list].sort().join(',') !== before) body.categories = list;
    if (!body.urgency && !body.categories) {
      props.onClose();
      return;
    }
    try {
      props.onConversation(await api.update(c.id, body));
      props.onClose();
    } catch (err) {
      setError(errorText(err, t.triageEdit.failed));
      setBusy(false);
    }
  };

  return (
    <form class="triage-form" data-testid="triage-form" onSubmit={save} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t.triageEdit.title}</h3>
      <label class="inline">
        <span>{t.urgencyLabel}</span>
        <select data-testid="triage-urgency" value={urgency} onChange={(e) => setUrgency(e.currentTarget.value as Urgency)}>
          {URGENCIES.map((u) => (
            <option key={u} value={u}>
              {t.urgency[u]}
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>{t.view.categories}</legend>
        <div class="cat-grid">
          {CATEGORY_CODES.map((code) => (
            <label key={code} class="check">
              <input
                type="checkbox"
                data-testid="triage-category"
                data-code={code}
                checked={cats.has(code)}
                onChange={(e) => {
                  const next = new Set(cats);
                  if (e.currentTarget.checked) next.add(code);
                  else next.delete(code);
                  setCats(next);
                }}
              />
              <span>{t.category[code] ?? code}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <ErrorText error={error} />
      <div class="row">
        <button type="submit" class="btn primary small" data-testid="triage-save" disabled={busy}>
          {t.triageEdit.save}
        </button>
        <button type="button" class="btn small" onClick={props.onClose}>
          {t.triageEdit.cancel}
        </button>
      </div>
    </form>
  );
}

const SCOPES: ConsentScope[] = ['contact', 'share'];
const ANSWERS: ConsentAnswer[] = ['yes', 'no', 'later', 'withdrawn'];

export function ConsentState(props: { conversationId: string; epoch: number }) {
  const t = useT();
  const id = useId();
  const [consents, setConsents] = useState<Consent[] | undefined>(undefined);
  const [error, setError] = useState(false);
  const [history, setHistory] = useState(false);
  const [recording, setRecording] = useState(false);
  const [scope, setScope] = useState<ConsentScope>('contact');
  const [answer, setAnswer] = useState<ConsentAnswer>('withdrawn');
  const [msg, setMsg] = useState<{ kind: 'ok' | 'error'; text: string } | undefined>(undefined);

  const load = async () => {
    try {
      setConsents(await api.consents(props.conversationId));
      setError(false);
    } catch {
      setError(true);
    }
  };

  useEffect(() => {
    void load();
  }, [props.conversationId, props.epoch]);

  const latest = (s: ConsentScope): Consent | undefined => {
    const list = (consents ?? []).filter((c) => c.scope === s);
    return list[list.length - 1];
  };

  const record = async (e: Event) => {
    e.preventDefault();
    setMsg(undefined);
    try {
      await api.recordConsent(props.conversationId, scope, answer);
      setMsg({ kind: 'ok', text: t.consent.recorded });
      setRecording(false);
      await load();
    } catch (err) {
      setMsg({ kind: 'error', text: errorText(err, t.consent.failed) });
    }
  };

  return (
    <div class="consent" data-testid="consent-state">
      {error && <span class="error">{t.consent.loadError}</span>}
      <ul class="consent-latest">
        {SCOPES.map((s) => {
          const c = latest(s);
          const a = c?.answer ?? 'none';
          return (
            <li key={s} data-scope={s} data-answer={a} class={`consent-${a}`}>
              <strong>
                {t.consent.label}（{t.consent.scope[s]}）:
              </strong>{' '}
              <span aria-hidden="true">{a === 'yes' ? '✓ ' : a === 'none' ? '? ' : '✗ '}</span>
              {t.consent.answer[a]}
              {c && (
                <span class="muted">
                  {' '}
                  — {t.consent.by[c.by] ?? c.by}・{absoluteTime(c.at, t)}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      <div class="row">
        {(consents?.length ?? 0) > 0 && (
          <button type="button" class="link" aria-expanded={history} data-testid="consent-history-toggle" onClick={() => setHistory(!history)}>
            {history ? t.consent.hideHistory : t.consent.history}
          </button>
        )}
        <button type="button" class="link" aria-expanded={recording} data-testid="consent-record-toggle" onClick={() => setRecording(!recording)}>
          {t.consent.record}
        </button>
      </div>
      {history && (
        <ol class="consent-history" data-testid="consent-history">
          {(consents ?? []).map((c, i) => (
            <li key={i}>
              {absoluteTime(c.at, t)}　{t.consent.scope[c.scope] ?? c.scope}: {t.consent.answer[c.answer] ?? c.answer}（{t.consent.by[c.by] ?? c.by}
              {c.channel ? `・${t.channel[c.channel as 'line' | 'widget'] ?? c.channel}` : ''}・{c.textVersion}）
            </li>
          ))}
        </ol>
      )}
      {recording && (
        <form class="consent-form" onSubmit={record}>
          <label for={`${id}-scope`}>{t.consent.label}</label>
          <select id={`${id}-scope`} data-testid="consent-scope" value={scope} onChange={(e) => setScope(e.currentTarget.value as ConsentScope)}>
            {SCOPES.map((s) => (
              <option key={s} value={s}>
                {t.consent.scope[s]}
              </option>
            ))}
          </select>
          <select aria-label={t.consent.label} data-testid="consent-answer" value={answer} onChange={(e) => setAnswer(e.currentTarget.value as ConsentAnswer)}>
            {ANSWERS.map((a) => (
              <option key={a} value={a}>
                {t.consent.answer[a]}
              </option>
            ))}
          </select>
          <button type="submit" class="btn small" data-testid="consent-submit">
            {t.consent.recordSubmit}
          </button>
        </form>
      )}
      {msg && (
        <p class={msg.kind === 'error' ? 'error' : 'ok'} role={msg.kind === 'error' ? 'alert' : 'status'}>
          {msg.text}
        </p>
      )}
    </div>
  );
}

export function AuditLog({ conversationId, staff }: { conversationId: string; staff: Staff }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [entries, setEntries] = useState<AuditEntry[] | undefined>(undefined);
  const [error, setError] = useState('');
  if (!isSupervisorRole(staff.role)) return null;
  const toggle = async () => {
    const next = !open;
    setOpen(next);
    if (!next) return;
    setError('');
    try {
      setEntries(await api.audit(conversationId));
    } catch (err) {
      setError(errorText(err, t.audit.loadError));
    }
  };
  return (
    <div class="audit">
      <button type="button" class="link" aria-expanded={open} data-testid="audit-open" onClick={() => void toggle()}>
        {open ? t.audit.close : t.audit.open}
      </button>
      {open && (
        <div class="audit-panel" data-testid="audit-log">
          <ErrorText error={error} />
          {entries && entries.length === 0 && <p class="muted">{t.audit.empty}</p>}
          {entries && entries.length > 0 && (
            <table>
              <caption>{t.audit.title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.audit.at}</th>
                  <th scope="col">{t.audit.actor}</th>
                  <th scope="col">{t.audit.action}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e, i) => (
                  <tr key={i} data-testid="audit-entry">
                    <td>{absoluteTime(e.at, t)}</td>
                    <td>{e.actorName ?? e.actorId ?? '—'}</td>
                    <td>{e.action}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </div>
  );
}
