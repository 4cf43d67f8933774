/** The agency's 定型文 (canned replies), loaded when first asked for. */
import { useCallback, useState } from 'preact/hooks';
import { api, type CannedReply } from '../api.js';

export interface CannedState {
  items: CannedReply[];
  state: 'idle' | 'loading' | 'ready' | 'error';
}

export function useCanned() {
  const [canned, setCanned] = useState<CannedState>({ items: [], state: 'idle' });

  const load = useCallback(async () => {
    setCanned((c) => ({ ...c, state: c.items.length ? c.state : 'loading' }));
    try {
      setCanned({ items: await api.cannedReplies(), state: 'ready' });
    } catch {
      setCanned((c) => ({ ...c, state: c.items.length ? 'ready' : 'error' }));
    }
  }, []);

  const added = (c: CannedReply) => setCanned((s) => ({ items: [...s.items, c], state: 'ready' }));

  return { canned, load, added };
}
