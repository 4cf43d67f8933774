/**
 * The frame's storage: sessionStorage of tsunagu's own origin, so the host page cannot read it
 * and it is gone when the tab is closed. Never throws (storage blocked, private mode): falls back
 * to memory for the life of the page.
 */
const PREFIX = 'tsunagu.widget.';
const memory = new Map<string, string>();

function store(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

/**
 * False when the browser refuses storage to this frame (third-party storage blocked: the frame's
 * origin is another site than the page's). Then a reload or another page starts afresh.
 */
export function persists(): boolean {
  try {
    const s = store();
    if (!s) return false;
    s.setItem(`${PREFIX}probe`, '1');
    s.removeItem(`${PREFIX}probe`);
    return true;
  } catch {
    return false;
  }
}

export function readJson<T>(key: string): T | undefined {
  let raw: string | null = memory.get(PREFIX + key) ?? null;
  try {
    raw = store()?.getItem(PREFIX + key) ?? raw;
  } catch {
    /* memory copy */
  }
  if (raw === null) return undefined;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return undefined;
  }
}

export function writeJson(key: string, value: unknown): void {
  const raw = JSON.stringify(value);
  memory.set(PREFIX + key, raw);
  try {
    store()?.setItem(PREFIX + key, raw);
  } catch {
    /* memory copy is kept */
  }
}

export function remove(key: string): void {
  memory.delete(PREFIX + key);
  try {
    store()?.removeItem(PREFIX + key);
  } catch {
    /* ignore */
  }
}

/** Erases everything the widget keeps on this device (erase control, quick exit). */
export function removeAll(): void {
  memory.clear();
  try {
    const s = store();
    if (!s) return;
    for (const key of Object.keys(s)) if (key.startsWith(PREFIX)) s.removeItem(key);
  } catch {
    /* ignore */
  }
}
