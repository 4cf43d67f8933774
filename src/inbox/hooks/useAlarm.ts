/**
 * The crisis alarm: while any alert is open and the sound is on, it beeps every few seconds until
 * the last alert is acknowledged, also for alerts already open when the inbox is opened. A new
 * or escalated alert sounds at once. The on/off choice is kept in this browser.
 */
import { useEffect, useState } from 'preact/hooks';
import { audioState, onAudioState, startAlarm, type AudioState } from '../alerting.js';
import type { Alert } from '../api.js';

/** Often enough not to be missed, rare enough to let a counsellor think on the phone. */
export const ALARM_EVERY_MS = 4000;
const SOUND_KEY = 'tsunagu.inbox.sound';

function savedSound(): boolean {
  try {
    return localStorage.getItem(SOUND_KEY) !== 'off';
  } catch {
    return true;
  }
}

export function useAlarm(alerts: Alert[]) {
  const [soundOn, setSoundOn] = useState(savedSound);
  const [audio, setAudio] = useState<AudioState>(audioState);

  useEffect(() => onAudioState(setAudio), []);

  // Restarted (so it sounds at once) when the set of open alerts changes or one escalates, and
  // when the browser starts allowing audio.
  const key = `${alerts.map((a) => a.id).sort().join(',')}|${alerts.filter((a) => a.escalatedAt).length}`;

  useEffect(() => {
    if (!soundOn || !alerts.length) return;
    return startAlarm(ALARM_EVERY_MS);
  }, [soundOn, key, audio]);

  const setSound = (on: boolean) => {
    setSoundOn(on);
    try {
      localStorage.setItem(SOUND_KEY, on ? 'on' : 'off');
    } catch {
      /* kept for this page only */
    }
  };

  return { soundOn, setSound, audio, ringing: soundOn && alerts.length > 0 && audio === 'ready' };
}
