/** Colleagues of the agency and who of them is online (the `presence` event). */
import { useCallback, useMemo, useState } from 'preact/hooks';
import { api, type Colleague } from '../api.js';
import type { PresenceEvent } from '../socket.js';

export function usePresence() {
  const [colleagues, setColleagues] = useState<Colleague[]>([]);
  const [onlineIds, setOnlineIds] = useState<Set<string> | undefined>(undefined);

  const load = useCallback(async () => {
    try {
      setColleagues(await api.staff());
    } catch {
      /* presence events still fill the list */
    }
  }, []);

  const onPresence = ({ staff }: PresenceEvent) => {
    setOnlineIds(new Set(staff.map((s) => s.id)));
    setColleagues((list) => {
      const known = new Set(list.map((c) => c.id));
      const added = staff.filter((s) => !known.has(s.id)).map((s) => ({ ...s, online: true }));
      return added.length ? [...list, ...added] : list;
    });
  };

  /** Disconnected: nobody's presence is known. */
  const forget = () => setOnlineIds(undefined);

  const withPresence = useMemo(
    () => (onlineIds ? colleagues.map((c) => ({ ...c, online: onlineIds.has(c.id) })) : colleagues),
    [colleagues, onlineIds],
  );

  return { colleagues: withPresence, load, onPresence, forget };
}
