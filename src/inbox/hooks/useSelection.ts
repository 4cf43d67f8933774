/** Conversations ticked for a bulk action (supervisors). */
import { useState } from 'preact/hooks';

export function useSelection() {
  const [selection, setSelection] = useState<Set<string>>(new Set());
  const toggle = (id: string, on: boolean) =>
    setSelection((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const clear = () => setSelection(new Set());
  return { selection, toggle, clear };
}
