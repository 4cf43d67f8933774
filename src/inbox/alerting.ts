/**
 * Loud signals for crisis alerts: a short WebAudio beep (no audio files) and a flashing tab
 * title. Browsers may block audio until the page has been used: everything here fails quietly.
 */

type AudioCtor = typeof AudioContext;
let audio: AudioContext | undefined;

function context(): AudioContext | undefined {
  try {
    if (!audio) {
      const Ctor: AudioCtor | undefined =
        window.AudioContext ?? (window as unknown as { webkitAudioContext?: AudioCtor }).webkitAudioContext;
      if (!Ctor) return undefined;
      audio = new Ctor();
    }
    if (audio.state === 'suspended') audio.resume().catch(() => undefined);
    return audio;
  } catch {
    return undefined;
  }
}

/** Call from a user gesture (click, key) so that later beeps are allowed to sound. */
export function unlockAudio(): void {
  context();
}

/** Whether a beep would be heard now: `blocked` until the page has been used (browser autoplay rules). */
export type AudioState = 'ready' | 'blocked' | 'unsupported';

export function audioState(): AudioState {
  if (!audio) {
    const has = typeof window.AudioContext === 'function' || 'webkitAudioContext' in window;
    return has ? 'blocked' : 'unsupported';
  }
  return audio.state === 'running' ? 'ready' : 'blocked';
}

/** Tells `listener` whenever the audio state may have changed; returns an unsubscribe function. */
export function onAudioState(listener: (s: AudioState) => void): () => void {
  const tell = () => listener(audioState());
  const ctx = audio;
  ctx?.addEventListener('statechange', tell);
  // The first gesture anywhere on the page is what lets audio start.
  const unlock = () => {
    unlockAudio();
    audio?.addEventListener('statechange', tell);
    setTimeout(tell, 50);
  };
  window.addEventListener('pointerdown', unlock, true);
  window.addEventListener('keydown', unlock, true);
  return () => {
    ctx?.removeEventListener('statechange', tell);
    audio?.removeEventListener('statechange', tell);
    window.removeEventListener('pointerdown', unlock, true);
    window.removeEventListener('keydown', unlock, true);
  };
}

/** Beeps now and every `everyMs` until the returned function is called. */
export function startAlarm(everyMs: number): () => void {
  beep();
  const timer = setInterval(beep, everyMs);
  return () => clearInterval(timer);
}

/** Two short high tones. Never throws. */
export function beep(): void {
  try {
    const ctx = context();
    if (!ctx) return;
    const t0 = ctx.currentTime + 0.01;
    for (const [start, freq] of [
      [0, 880],
      [0.25, 1175],
    ] as const) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'sine';
      osc.frequency.setValueAtTime(freq, t0 + start);
      gain.gain.setValueAtTime(0.0001, t0 + start);
      gain.gain.exponentialRampToValueAtTime(0.25, t0 + start + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, t0 + start + 0.2);
      osc.connect(gain);
      gain.connect(ctx.destination);
      osc.start(t0 + start);
      osc.stop(t0 + start + 0.22);
    }
  } catch {
    /* audio blocked or unsupported: the banner, the title and the live region still tell */
  }
}

/** Alternates the document title between `flash` and `base` every second; returns a stop function. */
export function flashTitle(flash: string, base: string): () => void {
  let on = true;
  document.title = flash;
  const timer = setInterval(() => {
    on = !on;
    document.title = on ? flash : base;
  }, 1000);
  return () => {
    clearInterval(timer);
    document.title = base;
  };
}
