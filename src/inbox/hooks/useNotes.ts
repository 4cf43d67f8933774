/** The notes of one conversation: loaded on open and on reconnect, then kept live. */
import { useEffect, useState } from 'preact/hooks';
import { api, type Note } from '../api.js';
import type { NoteListener } from './useNoteFeed.js';

export function useNotes(conversationId: string, epoch: number, subscribe: (l: NoteListener) => () => void) {
  const [notes, setNotes] = useState<Note[]>([]);
  const [state, setState] = useState<'loading' | 'ready' | 'error'>('loading');
  const merge = (list: Note[], incoming: Note[]) => {
    const byId = new Map(list.map((n) => [n.id, n]));
    for (const n of incoming) byId.set(n.id, n);
    return [...byId.values()].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  };
  useEffect(() => {
    let live = true;
    api.notes(conversationId).then(
      (list) => {
        if (!live) return;
        setNotes((n) => merge(n, list));
        setState('ready');
      },
      () => live && setState((s) => (s === 'ready' ? s : 'error')),
    );
    return () => {
      live = false;
    };
  }, [conversationId, epoch]);
  useEffect(
    () =>
      subscribe((e) => {
        if (e.conversationId === conversationId) setNotes((n) => merge(n, [e.note]));
      }),
    [conversationId, subscribe],
  );
  return { notes, state, add: (n: Note) => setNotes((list) => merge(list, [n])) };
}
