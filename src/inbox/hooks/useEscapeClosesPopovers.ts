/** Escape closes an open pop-over (`details.popover`, e.g. who is on duty) and returns focus to its toggle. */
import { useEffect } from 'preact/hooks';

export function useEscapeClosesPopovers(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      for (const d of document.querySelectorAll<HTMLDetailsElement>('details.popover[open]')) {
        d.open = false;
        d.querySelector<HTMLElement>('summary')?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
