/** Who has the conversation: claim it, or hand it to a colleague or a team. */
import { useEffect, useId, useState } from 'preact/hooks';
import { api, type Colleague, type Conversation, type Staff, type Team } from '../api.js';
import { useAction } from '../hooks/useAction.js';
import { useT } from '../i18n/index.js';
import { ColleagueOptions } from './ColleagueOptions.js';
import { ErrorText } from './ErrorText.js';

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
  const { busy, error, run } = useAction();
  const names = new Map(props.colleagues.map((s) => [s.id, s.name]));
  const mine = c.assignee === props.me.id;
  const [teams, setTeams] = useState<Team[]>([]);
  useEffect(() => {
    api.teams().then(setTeams, () => setTeams([]));
  }, []);
  const teamName = c.team ? (teams.find((x) => x.id === c.team)?.name ?? c.team.slice(0, 8)) : null;

  // `team:<id>` / `team:none` hand it to a team; anything else is a colleague (or none).
  const assign = (target: string | null) =>
    run(async () => {
      const team = target?.startsWith('team:') ? target.slice(5) : undefined;
      props.onConversation(team !== undefined ? await api.assignTeam(c.id, team === 'none' ? null : team) : await api.assign(c.id, target));
      setTo('');
    }, t.assign.failed);

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
          <ColleagueOptions colleagues={props.colleagues} />
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
