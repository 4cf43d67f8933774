/**
 * Messages the person wrote that the server has not accepted yet, in the order written. Kept in
 * the frame's sessionStorage, so a reload or a lost connection never loses text; each keeps the
 * clientMessageId it got when written, so a retry is recognised by the server as the same message.
 * A message the server refused (4xx) stays, marked `rejected` with the reason, until the person
 * edits or removes it; it never holds up the messages after it.
 */
import { readJson, writeJson } from './storage.js';

const OUTBOX_KEY = 'outbox';

export type RejectReason = 'tooLong' | 'invalid';

export interface OutboxItem {
  clientMessageId: string;
  text: string;
  createdAt: string;
  /** `sending` while a request is under way, `failed` while waiting for a retry, `rejected`: refused by the server. */
  state: 'sending' | 'failed' | 'rejected';
  attempts: number;
  /** `data` of the button the person chose, sent as `postback` (the text is its label). */
  postback?: string;
  /** Why the server refused it (state `rejected`). */
  reason?: RejectReason;
}

export function newClientMessageId(): string {
  const c = globalThis.crypto as Crypto | undefined;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  // Old browsers / non-secure contexts: RFC 4122 v4 from getRandomValues, else Math.random.
  const b = new Uint8Array(16);
  if (c && typeof c.getRandomValues === 'function') c.getRandomValues(b);
  else for (let i = 0; i < 16; i++) b[i] = Math.floor(Math.random() * 256);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export class Outbox {
  private items: OutboxItem[];

  constructor() {
    const stored = readJson<OutboxItem[]>(OUTBOX_KEY);
    this.items = Array.isArray(stored)
      ? stored
          .filter((i) => i && typeof i.clientMessageId === 'string' && typeof i.text === 'string')
          // Whatever was "sending" when the page went away did not finish from our point of view.
          .map((i) => ({ ...i, state: i.state === 'rejected' ? i.state : ('failed' as const), attempts: i.attempts ?? 0 }))
      : [];
  }

  list(): readonly OutboxItem[] {
    return this.items;
  }

  /** Messages still to send (not refused), oldest first. */
  pending(): OutboxItem[] {
    return this.items.filter((i) => i.state !== 'rejected');
  }

  /** The oldest message still to send. */
  next(): OutboxItem | undefined {
    return this.items.find((i) => i.state !== 'rejected');
  }

  get(id: string): OutboxItem | undefined {
    return this.items.find((i) => i.clientMessageId === id);
  }

  add(text: string, postback?: string): OutboxItem {
    const item: OutboxItem = {
      clientMessageId: newClientMessageId(),
      text,
      createdAt: new Date().toISOString(),
      state: 'sending',
      attempts: 0,
    };
    if (postback !== undefined) item.postback = postback;
    this.items.push(item);
    this.save();
    return item;
  }

  update(id: string, patch: Partial<Pick<OutboxItem, 'state' | 'attempts' | 'reason'>>): void {
    const item = this.get(id);
    if (!item) return;
    Object.assign(item, patch);
    this.save();
  }

  has(id: string): boolean {
    return this.items.some((i) => i.clientMessageId === id);
  }

  remove(id: string): void {
    this.items = this.items.filter((i) => i.clientMessageId !== id);
    this.save();
  }

  /** Forgets everything (erase on this device). */
  clear(): void {
    this.items = [];
    this.save();
  }

  private save(): void {
    writeJson(OUTBOX_KEY, this.items);
  }
}
