/** One crisis alert on one line: urgency, when, why (the safety reason first), and its two buttons. */
import { escalationUnreached, type Alert } from '../api.js';
import { useAction } from '../hooks/useAction.js';
import { absoluteTime, relativeTime, useT } from '../i18n/index.js';
import { showReasons } from '../reasons.js';
import { ErrorText } from './ErrorText.js';

export function AlertItem(props: { alert: Alert; now: number; onOpen: (id: string) => void; onAck: (id: string) => Promise<void> }) {
  const { alert, now } = props;
  const t = useT();
  const { busy, error, run } = useAction({ keepBusyOnSuccess: true });
  const ack = () => run(() => props.onAck(alert.id), t.alerts.ackFailed);
  const reasons = showReasons(alert.reasons ?? [], {}, t);
  const why = reasons.length ? reasons.join(' / ') : t.alerts.noReasons;
  const at = absoluteTime(alert.createdAt, t);
  const what = `${t.urgency[alert.urgency] ?? alert.urgency}${reasons[0] ? `: ${reasons[0]}` : ''}`;
  return (
    <li class={`alert-item${alert.escalatedAt ? ' escalated' : ''}`} data-testid="alert-item" data-id={alert.id} data-conversation-id={alert.conversationId}>
      <p class="alert-line" title={why}>
        <span class="urgency urgency-emergency">
          <span aria-hidden="true">‼ </span>
          {t.urgency[alert.urgency] ?? alert.urgency}
        </span>
        {alert.escalatedAt && <strong class="escalated-label">{t.alerts.escalated}</strong>}
        <time class="alert-time" dateTime={alert.createdAt} title={at}>
          {at}（{relativeTime(alert.createdAt, now, t)}）
        </time>
        <span class="alert-reasons">
          <span class="sr-only">{t.alerts.reasons}: </span>
          {why}
        </span>
      </p>
      <span class="alert-actions">
        <button type="button" class="btn" data-testid="alert-open" aria-label={t.alerts.named(t.alerts.open, at, what)} onClick={() => props.onOpen(alert.conversationId)}>
          {t.alerts.open}
        </button>
        <button type="button" class="btn ack" data-testid="alert-ack" aria-label={t.alerts.named(t.alerts.ack, at, what)} disabled={busy} onClick={() => void ack()}>
          {busy ? t.alerts.acking : t.alerts.ack}
        </button>
      </span>
      {escalationUnreached(alert) ? (
        <p class="alert-reach unreached" data-testid="alert-unreached">
          <span aria-hidden="true">⚠ </span>
          {t.alerts.unreached(alert.escalation!.failures, absoluteTime(alert.escalation!.lastFailedAt!, t))}
        </p>
      ) : (
        alert.escalation?.reachedAt && (
          <p class="alert-reach" data-testid="alert-reached">
            {t.alerts.reached(absoluteTime(alert.escalation.reachedAt, t))}
          </p>
        )
      )}
      <ErrorText error={error} />
    </li>
  );
}
