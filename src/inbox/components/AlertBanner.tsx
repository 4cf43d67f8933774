import { useState } from 'preact/hooks';
import { errorText, type Alert } from '../api.js';
import { absoluteTime, relativeTime, useT } from '../i18n/index.js';
import { localizeReason } from '../reasons.js';
import { ErrorText } from './ErrorText.js';

/** Open crisis alerts, pinned at the top until someone acknowledges them. */
export function AlertBanner(props: {
  alerts: Alert[];
  escalated: boolean;
  now: number;
  onOpen: (conversationId: string) => void;
  onAck: (id: string) => Promise<void>;
}) {
  const t = useT();
  return (
    <section
      class={`alert-banner${props.escalated ? ' escalated' : ''}`}
      data-testid="alert-banner"
      data-escalated={String(props.escalated)}
      aria-labelledby="alert-banner-title"
    >
      <h2 id="alert-banner-title">
        <span aria-hidden="true">⚠ </span>
        {props.escalated ? t.alerts.escalatedBanner : t.alerts.banner}
        <span class="count">（{props.alerts.length}）</span>
      </h2>
      <ul>
        {props.alerts.map((a) => (
          <AlertItem key={a.id} alert={a} now={props.now} onOpen={props.onOpen} onAck={props.onAck} />
        ))}
      </ul>
    </section>
  );
}

function AlertItem({ alert, now, onOpen, onAck }: { alert: Alert; now: number; onOpen: (id: string) => void; onAck: (id: string) => Promise<void> }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const ack = async () => {
    setBusy(true);
    setError('');
    try {
      await onAck(alert.id);
    } catch (err) {
      setError(errorText(err, t.alerts.ackFailed));
      setBusy(false);
    }
  };
  const reasons = alert.reasons ?? [];
  return (
    <li class={`alert-item${alert.escalatedAt ? ' escalated' : ''}`} data-testid="alert-item" data-id={alert.id} data-conversation-id={alert.conversationId}>
      <div class="alert-main">
        <span class="urgency urgency-emergency">
          <span aria-hidden="true">‼ </span>
          {t.urgencyLabel}: {t.urgency[alert.urgency] ?? alert.urgency}
        </span>
        {alert.escalatedAt && <strong class="escalated-label">{t.alerts.escalated}</strong>}
        <span class="alert-time">
          {t.alerts.at}:{' '}
          <time dateTime={alert.createdAt} title={absoluteTime(alert.createdAt, t)}>
            {absoluteTime(alert.createdAt, t)}（{relativeTime(alert.createdAt, now, t)}）
          </time>
        </span>
        <span class="alert-reasons">
          {t.alerts.reasons}: {reasons.length ? reasons.map((r) => localizeReason(r, t)).join('、') : t.alerts.noReasons}
        </span>
      </div>
      <div class="alert-actions">
        <button type="button" class="btn" data-testid="alert-open" onClick={() => onOpen(alert.conversationId)}>
          {t.alerts.open}
        </button>
        <button type="button" class="btn ack" data-testid="alert-ack" disabled={busy} onClick={() => void ack()}>
          {busy ? t.alerts.acking : t.alerts.ack}
        </button>
      </div>
      <ErrorText error={error} />
    </li>
  );
}
