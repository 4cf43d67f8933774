/**
 * How crisis alerts reach this counsellor: the alert sound (on/off, and whether the browser lets it
 * ring yet) and desktop notifications (asked for only from this button, as browsers require).
 */
import { useState } from 'preact/hooks';
import type { AudioState } from '../alerting.js';
import { useT } from '../i18n/index.js';
import { askNotifyPermission, notifyPermission, type NotifyPermission } from '../notifications.js';

export function AlertSettings(props: { soundOn: boolean; onSound: (on: boolean) => void; audio: AudioState }) {
  const t = useT();
  const [permission, setPermission] = useState<NotifyPermission>(notifyPermission);
  return (
    <span class="alert-settings" data-testid="alert-settings">
      {props.audio !== 'unsupported' && (
        <button
          type="button"
          class={`tab sound ${props.soundOn ? 'on' : 'off'}`}
          aria-pressed={props.soundOn}
          data-testid="sound-toggle"
          data-sound={props.soundOn ? 'on' : 'off'}
          data-audio={props.audio}
          onClick={() => props.onSound(!props.soundOn)}
        >
          {t.alerts.sound}: {props.soundOn ? t.alerts.soundOn : t.alerts.soundOff}
        </button>
      )}
      {props.soundOn && props.audio === 'blocked' && (
        <span class="sound-blocked" role="status" data-testid="sound-blocked">
          {t.alerts.soundBlocked}
        </span>
      )}
      {permission === 'default' && (
        <button type="button" class="tab" data-testid="notify-ask" onClick={() => void askNotifyPermission().then(setPermission)}>
          {t.alerts.notifyAsk}
        </button>
      )}
      {permission === 'granted' && (
        <span class="notify-state" data-testid="notify-state" data-permission="granted">
          {t.alerts.notifyOn}
        </span>
      )}
      {permission === 'denied' && (
        <span class="notify-state" data-testid="notify-state" data-permission="denied">
          {t.alerts.notifyDenied}
        </span>
      )}
    </span>
  );
}
