/**
 * The conversation as the person sees it: the server's messages (merged by id, never twice) and
 * the outbox's (not yet accepted, or refused), in order, rendered into the log with textContent
 * only. Phone numbers in answers are tel: links; a refused message says why and can be edited or
 * taken back.
 */
import { MAX_TEXT_LENGTH, type WidgetButton, type WidgetMessage } from '../contract.js';
import { h } from '../dom.js';
import type { Catalogue } from '../i18n.js';
import type { OutboxItem } from './outbox.js';
import { findPhoneNumbers } from './phone.js';

type Author = 'person' | 'bot' | 'staff';
interface Row {
  key: string;
  direction: 'in' | 'out';
  author: Author;
  text: string;
  createdAt: string;
  state: 'sent' | OutboxItem['state'];
  id?: string;
  buttons?: WidgetButton[];
  item?: OutboxItem;
}

export interface ThreadHooks {
  choose(messageId: string, button: WidgetButton, group: HTMLElement): void;
  retryNow(): void;
  edit(item: OutboxItem): void;
  takeBack(item: OutboxItem): void;
}

export const time = (iso: string): number => {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? 0 : t;
};

/** Checks a message from the server and keeps only the fields the widget knows. */
export function cleanMessage(m: unknown): WidgetMessage | undefined {
  const o = m as WidgetMessage | null;
  if (!o || typeof o.id !== 'string' || (o.direction !== 'in' && o.direction !== 'out') || typeof o.text !== 'string' || typeof o.createdAt !== 'string')
    return undefined;
  // An unknown author (an older server) reads as the person's own message or a staff answer.
  const author = o.author === 'person' || o.author === 'bot' || o.author === 'staff' ? o.author : o.direction === 'in' ? 'person' : 'staff';
  const r: WidgetMessage = { id: o.id, direction: o.direction, text: o.text, createdAt: o.createdAt, author };
  if (typeof o.clientMessageId === 'string') r.clientMessageId = o.clientMessageId;
  if (Array.isArray(o.buttons)) {
    const b = o.buttons
      .filter((x: WidgetButton) => x && typeof x.label === 'string' && typeof x.data === 'string' && x.label.trim())
      .slice(0, 13)
      .map((x) => ({ label: x.label, data: x.data }));
    if (b.length) r.buttons = b;
  }
  return r;
}

/** `text` with every phone number as a tel: link that does not break across lines. */
export function withPhoneLinks(text: string, t: Catalogue): (Node | string)[] {
  const parts: (Node | string)[] = [];
  let at = 0;
  for (const m of findPhoneNumbers(text)) {
    if (m.start > at) parts.push(text.slice(at, m.start));
    const shown = text.slice(m.start, m.end);
    parts.push(h('a', { href: m.href, class: 'tel', 'aria-label': t.call(shown), 'data-testid': 'widget-tel' }, [shown]));
    at = m.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}

export class Thread {
  readonly messages = new Map<string, WidgetMessage>();
  /** Insertion order, to keep messages with equal createdAt stable. */
  private readonly order = new Map<string, number>();
  private seq = 0;
  /** Bot messages whose choice the person has clicked (their buttons are gone). */
  readonly answered = new Set<string>();
  /** Rendered elements by key: `m:<id>` (server) or `o:<clientMessageId>` (outbox). */
  private readonly rendered = new Map<string, HTMLDivElement>();

  constructor(
    private readonly log: HTMLElement,
    private readonly hooks: ThreadHooks,
  ) {}

  add(m: WidgetMessage): void {
    if (!this.order.has(m.id)) this.order.set(m.id, this.seq++);
    this.messages.set(m.id, m);
  }

  /** The outbox item became server message `messageId`: keep its element (no flicker). */
  adopt(clientMessageId: string, messageId: string): void {
    const el = this.rendered.get(`o:${clientMessageId}`);
    if (!el) return;
    this.rendered.delete(`o:${clientMessageId}`);
    if (!this.rendered.has(`m:${messageId}`)) this.rendered.set(`m:${messageId}`, el);
    else el.remove();
  }

  clear(): void {
    this.messages.clear();
    this.order.clear();
    this.answered.clear();
  }

  /** Number of answers newer than `seen` (ms). */
  answersAfter(seen: number): number {
    let n = 0;
    for (const m of this.messages.values()) if (m.direction === 'out' && time(m.createdAt) > seen) n++;
    return n;
  }

  newestAnswer(): string | undefined {
    let latest: string | undefined;
    for (const m of this.messages.values()) if (m.direction === 'out' && (!latest || time(m.createdAt) > time(latest))) latest = m.createdAt;
    return latest;
  }

  /** Forces every element to be filled again (language switch). */
  invalidate(): void {
    for (const el of this.rendered.values()) el.dataset.sig = '';
  }

  /** Renders after the first `skip` children of the log (welcome text, notes). */
  render(outbox: readonly OutboxItem[], t: Catalogue, lang: string, skip: number): void {
    const sent = [...this.messages.values()].sort(
      (a, b) => time(a.createdAt) - time(b.createdAt) || (this.order.get(a.id) ?? 0) - (this.order.get(b.id) ?? 0),
    );
    const rows: Row[] = sent.map((m) => ({
      key: `m:${m.id}`,
      id: m.id,
      direction: m.direction,
      author: m.author,
      text: m.text,
      createdAt: m.createdAt,
      state: 'sent',
      buttons: m.buttons,
    }));
    for (const o of outbox) {
      const row: Row = { key: `o:${o.clientMessageId}`, direction: 'in', author: 'person', text: o.text, createdAt: o.createdAt, state: o.state, item: o };
      // A refused message stays where it was written (what came after it did go out); one still
      // waiting goes last, where the server will put it.
      const at = o.state === 'rejected' ? rows.findIndex((r) => !r.item && time(r.createdAt) > time(o.createdAt)) : -1;
      if (at >= 0) rows.splice(at, 0, row);
      else rows.push(row);
    }
    // Choices are offered only under the newest bot question, until the person (or staff) answers.
    let active: Row | undefined;
    for (const r of rows) {
      if (r.buttons) active = r.id && !this.answered.has(r.id) ? r : undefined;
      else if (r.author !== 'bot') active = undefined;
    }
    const keep = new Set(rows.map((r) => r.key));
    for (const [key, el] of this.rendered) {
      if (!keep.has(key)) {
        el.remove();
        this.rendered.delete(key);
      }
    }
    let index = skip;
    for (const r of rows) {
      let el = this.rendered.get(r.key);
      if (!el) {
        el = h('div', { class: 'msg', 'data-testid': 'widget-message' });
        this.rendered.set(r.key, el);
      }
      const sig = `${r.direction}|${r.author}|${r.state}|${r.item?.reason ?? ''}|${r.createdAt}|${r.text}`;
      if (el.dataset.sig !== sig) {
        el.dataset.sig = sig;
        this.fill(el, r, t);
      }
      this.fillChoices(el, r === active ? r : undefined, t, lang);
      const at = this.log.children[index];
      if (at !== el) this.log.insertBefore(el, at ?? null);
      index++;
    }
  }

  private fill(el: HTMLDivElement, r: Row, t: Catalogue): void {
    el.dataset.direction = r.direction;
    el.dataset.author = r.author;
    el.dataset.state = r.state;
    el.dataset.choices = '';
    el.replaceChildren();
    const who = r.author === 'person' ? t.you : r.author === 'bot' ? t.bot : t.them;
    // Screen readers hear who wrote it first; sighted readers see it from the bubble's side.
    el.append(h('span', { class: 'sr' }, [`${who}: `]));
    // The bot never passes for a person: its answers carry a visible label.
    if (r.author === 'bot') el.append(h('span', { class: 'tag', 'aria-hidden': 'true' }, [who]));
    el.append(h('div', { class: 'bubble' }, r.direction === 'out' ? withPhoneLinks(r.text, t) : [r.text]));
    const meta = h('div', { class: 'meta' });
    const item = r.item;
    if (r.state === 'rejected' && item) {
      meta.append(h('span', { 'data-testid': 'widget-rejected-reason' }, [item.reason === 'tooLong' ? t.rejectedTooLong(MAX_TEXT_LENGTH) : t.rejectedInvalid]));
      const edit = h('button', { type: 'button', class: 'small', 'data-testid': 'widget-edit' }, [t.editRejected]);
      const takeBack = h('button', { type: 'button', class: 'small', 'data-testid': 'widget-remove' }, [t.removeRejected]);
      edit.addEventListener('click', () => this.hooks.edit(item));
      takeBack.addEventListener('click', () => this.hooks.takeBack(item));
      meta.append(h('span', { class: 'actions' }, [edit, takeBack]));
    } else {
      const byline = r.author === 'staff' ? `${who} · ` : '';
      meta.textContent = byline + (r.state === 'sent' ? formatTime(r.createdAt, t.htmlLang) : r.state === 'sending' ? t.sending : t.failed);
      if (r.state === 'failed') {
        const retry = h('button', { type: 'button', class: 'small', 'data-testid': 'widget-retry' }, [t.retryNow]);
        retry.addEventListener('click', () => this.hooks.retryNow());
        meta.append(retry);
      }
    }
    el.append(meta);
  }

  /** Shows the choice buttons of `r` (or removes them when `r` is undefined). */
  private fillChoices(el: HTMLDivElement, r: Row | undefined, t: Catalogue, lang: string): void {
    const sig = r?.buttons ? `${lang}|${JSON.stringify(r.buttons)}` : '';
    if (el.dataset.choices === sig) return;
    el.dataset.choices = sig;
    el.querySelector('.choices')?.remove();
    if (!r?.buttons || !r.id) return;
    const id = r.id;
    const group = h('div', { class: 'choices', role: 'group', 'aria-label': t.choices });
    for (const b of r.buttons) {
      const btn = h('button', { type: 'button', class: 'choice', 'data-testid': 'widget-choice', 'data-data': b.data }, [b.label]);
      btn.addEventListener('click', () => this.hooks.choose(id, b, group));
      group.append(btn);
    }
    el.append(group);
  }
}

function formatTime(iso: string, htmlLang: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const sameDay = d.toDateString() === new Date().toDateString();
  const opts: Intl.DateTimeFormatOptions = sameDay
    ? { hour: '2-digit', minute: '2-digit' }
    : { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' };
  try {
    return new Intl.DateTimeFormat(htmlLang, opts).format(d);
  } catch {
    return d.toLocaleString();
  }
}
