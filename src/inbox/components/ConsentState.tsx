/** The person's latest consent per scope, its history, and recording what they said by phone or in person. */
import { useEffect, useId, useState } from 'preact/hooks';
import { api, errorText, type Consent, type ConsentAnswer, type ConsentScope } from '../api.js';
import { absoluteTime, useT } from '../i18n/index.js';
import { Options } from './Options.js';


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
            <Options values={SCOPES} label={(s) => t.consent.scope[s]} />
          </select>
          <select aria-label={t.consent.label} data-testid="consent-answer" value={answer} onChange={(e) => setAnswer(e.currentTarget.value as ConsentAnswer)}>
            <Options values={ANSWERS} label={(a) => t.consent.answer[a]} />
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
