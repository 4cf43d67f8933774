/** Live notes fan out to whichever notes panels are open (`note:created`). */
import { useCallback, useRef } from 'preact/hooks';
import type { NoteCreated } from '../socket.js';

export type NoteListener = (e: NoteCreated) => void;

export function useNoteFeed() {
  const listeners = useRef(new Set<NoteListener>());
  const subscribe = useCallback((l: NoteListener) => {
    listeners.current.add(l);
    return () => {
      listeners.current.delete(l);
    };
  }, []);
  const onNote = (e: NoteCreated) => {
    for (const l of listeners.current) l(e);
  };
  return { subscribe, onNote };
}
