import { useId, useState } from 'preact/hooks';
import { api, errorText, type Colleague, type Conversation } from '../api.js';
import { useT } from '../i18n/index.js';
import { ColleagueOptions } from './ColleagueOptions.js';

/** Supervisors: reassign every selected conversation at once. */
export function BulkBar(props: {
  selected: string[];
  colleagues: Colleague[];
  onDone: (updated: Conversation[]) => void;
  onClear: () => void;
}) {
  const t = useT();
  const id = useId();
  const [to, setTo] = useState('');
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState<{ kind: 'ok' | 'error'; text: string } | undefined>(undefined);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!to || busy) return;
    setBusy(true);
    setMsg(undefined);
    try {
      const updated = await api.bulkAssign(props.selected, to === 'none' ? null : to);
      setMsg({ kind: 'ok', text: t.bulk.done(updated.length) });
      props.onDone(updated);
    } catch (err) {
      setMsg({ kind: 'error', text: errorText(err, t.bulk.failed) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="bulk-bar" data-testid="bulk-bar" onSubmit={submit}>
      <span role="status" data-testid="bulk-count">
        {t.bulk.selected(props.selected.length)}
      </span>
      <label for={`${id}-to`}>{t.bulk.to}</label>
      <select id={`${id}-to`} data-testid="bulk-assign-staff" value={to} onChange={(e) => setTo(e.currentTarget.value)}>
        <ColleagueOptions colleagues={props.colleagues} />
      </select>
      <button type="submit" class="btn primary small" data-testid="bulk-assign" disabled={!to || busy}>
        {t.bulk.submit}
      </button>
      <button type="button" class="btn small" onClick={props.onClear}>
        {t.bulk.clear}
      </button>
      {msg && (
        <p class={msg.kind === 'error' ? 'error' : 'ok'} role={msg.kind === 'error' ? 'alert' : 'status'}>
          {msg.text}
        </p>
      )}
    </form>
  );
}
