import type { Conversation, Urgency } from '../api.js';
import { useT } from '../i18n/index.js';

const URGENCY_ICON: Record<Urgency, string> = { emergency: '‼', high: '!', normal: '', low: '' };

/** Urgency as text (and a symbol), never colour alone. */
export function UrgencyBadge({ triage }: { triage: Conversation['triage'] }) {
  const t = useT();
  if (!triage) {
    return (
      <span class="urgency urgency-none" data-urgency="none">
        {t.urgencyLabel}: {t.noTriage}
      </span>
    );
  }
  const u = triage.urgency;
  return (
    <span class={`urgency urgency-${u}`} data-urgency={u}>
      {URGENCY_ICON[u] && <span aria-hidden="true">{URGENCY_ICON[u]} </span>}
      {t.urgencyLabel}: {t.urgency[u] ?? u}
    </span>
  );
}

export function StatusBadge({ status }: { status: Conversation['status'] }) {
  const t = useT();
  return (
    <span class={`status status-${status}`} data-status={status}>
      <span class="sr-only">{t.statusLabel}: </span>
      {t.status[status] ?? status}
    </span>
  );
}

export function ChannelBadge({ channel }: { channel: Conversation['channel'] }) {
  const t = useT();
  return (
    <span class={`channel channel-${channel}`} data-channel={channel}>
      {t.channel[channel] ?? channel}
    </span>
  );
}

export function AnonymousBadge() {
  const t = useT();
  return (
    <span class="anon" data-testid="anonymous-badge">
      {t.anonymousBadge}
    </span>
  );
}
