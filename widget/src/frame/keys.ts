/**
 * Keyboard and touch behaviour of the panel: Escape closes it, Tab stays inside while it covers
 * the whole page, and Enter sends only where there is a physical keyboard (on touch screens Enter
 * writes a new line and the 送信 button sends). Never sends while an IME is composing (Japanese).
 */
import type { View } from './view.js';

/** Touch screens without a precise pointer: Enter must not send. */
export const TOUCH_QUERY = '(pointer: coarse)';

export interface KeyHooks {
  send(): void;
  /** Escape: close the erase question if open, else the panel. */
  escape(): void;
  /** Whether Tab should stay inside the panel (it covers the page). */
  modal(): boolean;
  /** Any key or tap: the person is here (keeps the session alive). */
  activity(): void;
}

export function bindKeys(view: View, hooks: KeyHooks): void {
  const touch = matchMedia(TOUCH_QUERY);
  view.panel.addEventListener('keydown', (e) => {
    hooks.activity();
    if (e.key === 'Escape') {
      e.preventDefault();
      hooks.escape();
    } else if (e.key === 'Tab' && hooks.modal()) {
      const items = view.focusables();
      if (items.length === 0) return;
      const first = items[0];
      const last = items[items.length - 1];
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first.focus();
      }
    }
  });
  view.panel.addEventListener('pointerdown', () => hooks.activity());
  view.input.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' || e.shiftKey || e.isComposing || e.keyCode === 229) return;
    if (touch.matches) return; // a new line, as the on-screen keyboard's Enter key promises
    e.preventDefault();
    hooks.send();
  });
}
