/** Colleagues typing an answer, per conversation; an entry fades when its client stops refreshing it. */
import { useEffect, useState } from 'preact/hooks';
import type { TypingEvent } from '../socket.js';

/** Typing colleagues: conversation → staff → { name, when last told }. */
type TypingMap = Record<string, Record<string, { name: string; at: number }>>;
const TYPING_TTL_MS = 7000;

export function useTyping(meId: string) {
  const [typing, setTyping] = useState<TypingMap>({});

  useEffect(() => {
    const i = setInterval(() => {
      setTyping((m) => {
        const cutoff = Date.now() - TYPING_TTL_MS;
        let changed = false;
        const next: TypingMap = {};
        for (const [cid, who] of Object.entries(m)) {
          const kept: TypingMap[string] = {};
          for (const [sid, v] of Object.entries(who)) {
            if (v.at >= cutoff) kept[sid] = v;
            else changed = true;
          }
          if (Object.keys(kept).length) next[cid] = kept;
        }
        return changed ? next : m;
      });
    }, 1500);
    return () => clearInterval(i);
  }, []);

  const onTyping = (e: TypingEvent) => {
    if (e.staffId === meId) return;
    setTyping((m) => {
      const who = { ...(m[e.conversationId] ?? {}) };
      if (e.active) who[e.staffId] = { name: e.name || '', at: Date.now() };
      else delete who[e.staffId];
      const next = { ...m };
      if (Object.keys(who).length) next[e.conversationId] = who;
      else delete next[e.conversationId];
      return next;
    });
  };

  const namesIn = (conversationId: string | undefined) =>
    conversationId ? Object.values(typing[conversationId] ?? {}).map((v) => v.name) : [];

  return { onTyping, namesIn };
}
