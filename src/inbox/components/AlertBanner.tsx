/**
 * Open crisis alerts, pinned at the top until someone acknowledges them. Compact on purpose: one
 * line per alert and a list of its own scroll and height, so the conversation being answered keeps
 * most of the screen. Focus: 相談を開く moves it to the conversation, 確認しました to the next alert.
 */
import type { Alert } from '../api.js';
import { useT } from '../i18n/index.js';
import { AlertItem } from './AlertItem.js';

export function AlertBanner(props: {
  alerts: Alert[];
  escalated: boolean;
  now: number;
  onOpen: (conversationId: string) => void;
  onAck: (id: string) => Promise<void>;
}) {
  const t = useT();
  const ack = async (id: string) => {
    const i = props.alerts.findIndex((a) => a.id === id);
    const next = props.alerts[i + 1] ?? props.alerts[i - 1];
    await props.onAck(id);
    // The acknowledged line is gone: the next alert (or the conversation) takes the focus.
    setTimeout(() => {
      const target = next
        ? document.querySelector<HTMLElement>(`[data-testid="alert-item"][data-id="${next.id}"] [data-testid="alert-ack"]`)
        : (document.getElementById('conv-title') ?? document.getElementById('list-pane'));
      target?.focus();
    }, 0);
  };
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
          <AlertItem key={a.id} alert={a} now={props.now} onOpen={props.onOpen} onAck={ack} />
        ))}
      </ul>
    </section>
  );
}
