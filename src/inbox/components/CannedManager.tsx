/**
 * Supervisors' page for 定型文: the agency's own (add, edit, delete) and the municipality file's
 * starters (shown, changed in the file). Reached from the 定型文 tab in the top bar.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, errorText, type CannedReply } from '../api.js';
import { usePage } from '../i18n/index.js';
import { cannedPage } from '../i18n/pages/canned.js';
import type { CannedState } from '../hooks/useCanned.js';
import { CannedForm } from './CannedForm.js';

export function CannedManager(props: { canned: CannedState; onLoad: () => void; onChanged: () => void }) {
  const p = usePage(cannedPage);
  const [editing, setEditing] = useState<string | undefined>(undefined);
  const [confirming, setConfirming] = useState<string | undefined>(undefined);
  const [msg, setMsg] = useState<{ kind: 'ok' | 'error'; text: string } | undefined>(undefined);

  useEffect(() => props.onLoad(), []);

  const run = async (act: () => Promise<unknown>, done: string) => {
    setMsg(undefined);
    try {
      await act();
      setMsg({ kind: 'ok', text: done });
      props.onChanged();
    } catch (err) {
      setMsg({ kind: 'error', text: errorText(err, p.failed) });
      throw err;
    }
  };
  const own = props.canned.items.filter((c) => !c.starter);
  const starters = props.canned.items.filter((c) => c.starter);

  const item = (c: CannedReply) => (
    <li key={c.id} class="canned-entry" data-testid="canned-entry" data-id={c.id} data-starter={String(Boolean(c.starter))}>
      {editing === c.id ? (
        <CannedForm
          heading={p.editing(c.title)}
          title={c.title}
          text={c.text}
          onSave={(title, text) => run(() => api.editCannedReply(c.id, title, text), p.saved).then(() => setEditing(undefined))}
          onCancel={() => setEditing(undefined)}
        />
      ) : (
        <>
          <h4>{c.title}</h4>
          <p class="canned-text-full">{c.text}</p>
          {c.starter ? (
            <p class="muted">
              {p.starter}: {p.starterNote}
            </p>
          ) : (
            <div class="row">
              <button type="button" class="btn small" data-testid="canned-edit" aria-label={p.named(p.edit, c.title)} onClick={() => setEditing(c.id)}>
                {p.edit}
              </button>
              {confirming === c.id ? (
                <>
                  <span>{p.confirmRemove(c.title)}</span>
                  <button type="button" class="btn small danger" data-testid="canned-remove-confirm" onClick={() => void run(() => api.deleteCannedReply(c.id), p.removed).catch(() => undefined)}>
                    {p.remove}
                  </button>
                  <button type="button" class="btn small" onClick={() => setConfirming(undefined)}>
                    {p.cancel}
                  </button>
                </>
              ) : (
                <button type="button" class="btn small" data-testid="canned-remove" aria-label={p.named(p.remove, c.title)} onClick={() => setConfirming(c.id)}>
                  {p.remove}
                </button>
              )}
            </div>
          )}
        </>
      )}
    </li>
  );

  return (
    <section class="canned-manager" data-testid="canned-manager" aria-labelledby="canned-manager-title">
      <h2 id="canned-manager-title" tabIndex={-1}>
        {p.title}
      </h2>
      <p>{p.intro}</p>
      {msg && (
        <p class={msg.kind === 'error' ? 'error' : 'ok'} role={msg.kind === 'error' ? 'alert' : 'status'} data-testid="canned-manager-msg">
          {msg.text}
        </p>
      )}
      {props.canned.state === 'error' && <p class="error">{p.loadError}</p>}
      <CannedForm heading={p.add} onSave={(title, text) => run(() => api.addCannedReply(title, text), p.saved)} />
      <h3>{p.own}</h3>
      {own.length === 0 && props.canned.state === 'ready' && <p class="muted">{p.none}</p>}
      <ul class="canned-entries">{own.map(item)}</ul>
      {starters.length > 0 && (
        <>
          <h3>{p.starter}</h3>
          <ul class="canned-entries">{starters.map(item)}</ul>
        </>
      )}
    </section>
  );
}
