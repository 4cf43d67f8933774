/**
 * tsunagu chat widget: embedded on a municipal site with
 *   <script src="https://<tsunagu>/widget/widget.js" data-api="https://<tsunagu>" defer></script>
 * (`data-api` = API base URL; empty = same origin; missing = the origin the script came from;
 * optional `data-agency="<code>"` = the agency whose desk this page is, default the intake desk).
 *
 * Plain DOM, no framework. Everything lives in an open shadow root so the host page's CSS cannot
 * break it. Messages are rendered with textContent only.
 */
import { io, type Socket } from 'socket.io-client';
import { ApiError, WidgetApi, type WidgetButton, type WidgetMessage, type WidgetSession } from './api.js';
import { catalogues, detectLang, isLang, LANGS, type Catalogue, type WidgetLang } from './i18n.js';
import { Outbox, type OutboxItem } from './outbox.js';
import { readJson, remove, writeJson } from './storage.js';
import { css } from './styles.js';

const SESSION_KEY = 'tsunagu.widget.session';
const LANG_KEY = 'tsunagu.widget.lang';
/** createdAt of the newest staff answer the person has seen with the panel open. */
const SEEN_KEY = 'tsunagu.widget.seen';
/** What the person has typed but not sent yet (survives a reload). */
const DRAFT_KEY = 'tsunagu.widget.draft';
const MAX_LENGTH = 5000;
/** The typing indicator goes away by itself when no new `typing` event came for this long. */
const TYPING_MS = 30000;

const RETRY_MIN_MS = 2000;
const RETRY_MAX_MS = 30000;

// ---------------------------------------------------------------------------------------------
// small DOM helper

type Attrs = Record<string, string | boolean | undefined>;

function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  children: (Node | string)[] = [],
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === 'class') el.className = String(v);
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) el.append(c);
  return el;
}

function svg(path: string): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const s = document.createElementNS(ns, 'svg');
  s.setAttribute('viewBox', '0 0 24 24');
  s.setAttribute('aria-hidden', 'true');
  s.setAttribute('focusable', 'false');
  const p = document.createElementNS(ns, 'path');
  p.setAttribute('d', path);
  p.setAttribute('fill', 'currentColor');
  s.append(p);
  return s;
}

const ICON_CHAT =
  'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm3 6v2h2V9H7zm4 0v2h2V9h-2zm4 0v2h2V9h-2z';
const ICON_CLOSE =
  'M18.3 5.7a1 1 0 0 0-1.4 0L12 10.6 7.1 5.7a1 1 0 1 0-1.4 1.4l4.9 4.9-4.9 4.9a1 1 0 1 0 1.4 1.4l4.9-4.9 4.9 4.9a1 1 0 0 0 1.4-1.4L13.4 12l4.9-4.9a1 1 0 0 0 0-1.4z';

// ---------------------------------------------------------------------------------------------
// configuration from the <script> tag

function findScript(): HTMLScriptElement | null {
  const cur = document.currentScript;
  if (cur instanceof HTMLScriptElement) return cur;
  const all = Array.from(document.querySelectorAll<HTMLScriptElement>('script[src]'));
  return all.find((s) => /\/widget\.js(\?|#|$)/.test(s.src)) ?? null;
}

function resolveApiBase(script: HTMLScriptElement | null): string {
  const attr = script?.getAttribute('data-api');
  if (attr !== null && attr !== undefined) return attr.trim().replace(/\/+$/, '');
  if (script?.src) {
    try {
      return new URL(script.src, location.href).origin;
    } catch {
      /* fall through */
    }
  }
  return '';
}

/** Socket.IO treats a URL path as the namespace, so an API base with a path moves `path` instead. */
function socketTarget(base: string): { url: string; path: string } {
  if (!base) return { url: '/widget', path: '/socket.io' };
  const u = new URL(base, location.href);
  const prefix = u.pathname.replace(/\/+$/, '');
  return { url: `${u.origin}/widget`, path: `${prefix}/socket.io` };
}

/** Checks a message from the server and keeps only the fields the widget knows. */
function clean(m: unknown): WidgetMessage | undefined {
  const o = m as WidgetMessage | null;
  if (
    !o ||
    typeof o.id !== 'string' ||
    (o.direction !== 'in' && o.direction !== 'out') ||
    typeof o.text !== 'string' ||
    typeof o.createdAt !== 'string'
  )
    return undefined;
  const r: WidgetMessage = { id: o.id, direction: o.direction, text: o.text, createdAt: o.createdAt };
  if (o.author === 'person' || o.author === 'bot' || o.author === 'staff') r.author = o.author;
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

function time(iso: string): number {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? 0 : t;
}

// ---------------------------------------------------------------------------------------------

type Status = '' | 'offline' | 'tooMany' | 'loadError';
type Author = 'person' | 'bot' | 'staff';
type Row = {
  key: string;
  direction: 'in' | 'out';
  author: Author;
  text: string;
  createdAt: string;
  state: 'sent' | 'sending' | 'failed';
  id?: string;
  buttons?: WidgetButton[];
};
/** The stored session also remembers the language the server was last told. */
type StoredSession = WidgetSession & { lang?: WidgetLang };

class Widget {
  private readonly api: WidgetApi;
  private readonly apiBase: string;
  private readonly outbox = new Outbox();
  private session: StoredSession | undefined;
  private readonly messages = new Map<string, WidgetMessage>();
  /** Insertion order, to keep messages with equal createdAt stable. */
  private readonly order = new Map<string, number>();
  private seq = 0;
  private lang: WidgetLang;
  private t: Catalogue;
  private socket: Socket | undefined;
  private isOpen = false;
  private status: Status = '';
  private flushing = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retryDelay = RETRY_MIN_MS;
  private refetchTimer: ReturnType<typeof setTimeout> | undefined;
  private sessionPromise: Promise<WidgetSession> | undefined;
  private errorText = '';
  private typingTimer: ReturnType<typeof setTimeout> | undefined;
  /** Bot messages whose choice the person has clicked (their buttons are gone). */
  private readonly answered = new Set<string>();

  // elements
  private readonly root: HTMLDivElement;
  private readonly launcher: HTMLButtonElement;
  private readonly launcherText: HTMLSpanElement;
  private readonly badge: HTMLSpanElement;
  private readonly panel: HTMLDivElement;
  private readonly titleEl: HTMLHeadingElement;
  private readonly subtitleEl: HTMLParagraphElement;
  private readonly langLabelText: HTMLSpanElement;
  private readonly langSelect: HTMLSelectElement;
  private readonly closeBtn: HTMLButtonElement;
  private readonly noticeStaff: HTMLParagraphElement;
  private readonly noticeEmergency: HTMLParagraphElement;
  private readonly log: HTMLDivElement;
  private readonly welcome: HTMLParagraphElement;
  private readonly statusEl: HTMLParagraphElement;
  private readonly typingEl: HTMLParagraphElement;
  private readonly inputLabel: HTMLLabelElement;
  private readonly input: HTMLTextAreaElement;
  private readonly sendBtn: HTMLButtonElement;
  private readonly counter: HTMLDivElement;
  private readonly errorEl: HTMLParagraphElement;
  /** Rendered message elements by key: `m:<id>` (server) or `o:<clientMessageId>` (outbox). */
  private readonly rendered = new Map<string, HTMLDivElement>();

  constructor(host: HTMLElement, apiBase: string, agency: string | null = null) {
    this.api = new WidgetApi(apiBase, agency);
    this.apiBase = apiBase;
    const storedLang = readJson<string>(LANG_KEY);
    const navLangs = navigator.languages;
    this.lang = isLang(storedLang) ? storedLang : detectLang((navLangs && navLangs[0]) || navigator.language);
    this.t = catalogues[this.lang];
    const stored = readJson<StoredSession>(SESSION_KEY);
    if (stored && typeof stored.sessionToken === 'string' && stored.sessionToken) this.session = stored;

    const shadow = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = css;
    shadow.append(style);

    const uid = Math.random().toString(36).slice(2, 8);
    const ids = {
      panel: `tw-panel-${uid}`,
      title: `tw-title-${uid}`,
      input: `tw-input-${uid}`,
      counter: `tw-counter-${uid}`,
      error: `tw-error-${uid}`,
      notice: `tw-notice-${uid}`,
    };

    this.launcherText = h('span');
    this.badge = h('span', { class: 'badge', hidden: true, 'aria-hidden': 'true' });
    this.launcher = h(
      'button',
      {
        type: 'button',
        class: 'launcher',
        'data-testid': 'widget-open',
        'aria-expanded': 'false',
        'aria-controls': ids.panel,
      },
      [svg(ICON_CHAT), this.launcherText, this.badge],
    );

    this.titleEl = h('h2', { class: 'title', id: ids.title });
    this.subtitleEl = h('p', { class: 'subtitle' });
    this.langLabelText = h('span');
    this.langSelect = h('select', { 'data-testid': 'widget-lang' });
    for (const l of LANGS) {
      const opt = h('option', { value: l, lang: catalogues[l].htmlLang }, [catalogues[l].langName]);
      this.langSelect.append(opt);
    }
    const langLabel = h('label', { class: 'lang' }, [this.langLabelText, this.langSelect]);
    this.closeBtn = h('button', { type: 'button', class: 'close', 'data-testid': 'widget-close' }, [
      svg(ICON_CLOSE),
    ]);
    const header = h('div', { class: 'header' }, [
      h('div', { class: 'header-text' }, [this.titleEl, this.subtitleEl, langLabel]),
      this.closeBtn,
    ]);

    this.noticeStaff = h('p');
    this.noticeEmergency = h('p', { class: 'emergency' });
    const notice = h('div', { class: 'notice', id: ids.notice, 'data-testid': 'widget-notice' }, [
      this.noticeStaff,
      this.noticeEmergency,
    ]);

    this.welcome = h('p', { class: 'welcome' });
    this.log = h('div', {
      class: 'log',
      role: 'log',
      'aria-live': 'polite',
      'aria-relevant': 'additions',
      'data-testid': 'widget-messages',
      tabindex: '0',
    });
    this.log.append(this.welcome);

    this.statusEl = h('p', { class: 'status', role: 'status', hidden: true, 'data-testid': 'widget-status' });
    // The live region stays in the page (empty) so screen readers announce the text when it appears.
    this.typingEl = h('p', { class: 'typing', hidden: true, 'data-testid': 'widget-typing' });
    const typingRegion = h('div', { role: 'status', 'aria-live': 'polite' }, [this.typingEl]);

    this.inputLabel = h('label', { for: ids.input });
    this.input = h('textarea', {
      id: ids.input,
      rows: '2',
      'data-testid': 'widget-input',
      'aria-describedby': `${ids.counter} ${ids.error}`,
      autocomplete: 'off',
    });
    this.sendBtn = h('button', { type: 'submit', class: 'send', 'data-testid': 'widget-send' });
    this.counter = h('div', { class: 'counter', id: ids.counter, 'data-testid': 'widget-counter' });
    this.errorEl = h('p', {
      class: 'error',
      id: ids.error,
      role: 'alert',
      hidden: true,
      'data-testid': 'widget-error',
    });
    const form = h('form', { class: 'composer', novalidate: true }, [
      this.inputLabel,
      h('div', { class: 'row' }, [this.input, this.sendBtn]),
      this.counter,
      this.errorEl,
    ]);

    this.panel = h(
      'div',
      {
        class: 'panel',
        id: ids.panel,
        role: 'dialog',
        'aria-labelledby': ids.title,
        'aria-describedby': ids.notice,
        hidden: true,
        'data-testid': 'widget-panel',
      },
      [header, notice, this.log, typingRegion, this.statusEl, form],
    );

    this.root = h('div', { class: 'root' }, [this.panel, this.launcher]);
    shadow.append(this.root);

    // events
    this.launcher.addEventListener('click', () => (this.isOpen ? this.close() : this.open()));
    this.closeBtn.addEventListener('click', () => this.close());
    this.panel.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        this.close();
      }
    });
    this.langSelect.addEventListener('change', () => {
      if (isLang(this.langSelect.value)) this.setLang(this.langSelect.value);
    });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.send();
    });
    this.input.addEventListener('keydown', (e) => {
      // Enter sends; Shift+Enter is a newline; never send while an IME is composing (Japanese).
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && e.keyCode !== 229) {
        e.preventDefault();
        this.send();
      }
    });
    this.input.addEventListener('input', () => {
      this.saveDraft();
      this.setError('');
      this.updateCounter();
      this.autoGrow();
    });
    window.addEventListener('online', () => this.flushSoon(0));
    window.addEventListener('storage', (e) => {
      // Another tab started a new session: follow it.
      if (e.key === SESSION_KEY) {
        const s = readJson<WidgetSession>(SESSION_KEY);
        if (s?.sessionToken && s.sessionToken !== this.session?.sessionToken) {
          this.session = s;
          this.messages.clear();
          this.order.clear();
          this.connect();
          this.render();
        }
      }
    });

    const draft = readJson<string>(DRAFT_KEY);
    if (typeof draft === 'string') this.input.value = draft;

    this.applyStrings();
    this.render();
    if (this.session) this.connect();
    if (this.outbox.list().length > 0) this.flushSoon(0);
  }

  // -------------------------------------------------------------------------------------------
  // open / close / language

  open(): void {
    if (this.isOpen) return;
    this.isOpen = true;
    this.panel.hidden = false;
    this.root.classList.add('open');
    this.launcher.setAttribute('aria-expanded', 'true');
    this.markSeen();
    this.render();
    this.autoGrow();
    this.scrollToEnd();
    this.input.focus();
  }

  close(): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    this.panel.hidden = true;
    this.root.classList.remove('open');
    this.launcher.setAttribute('aria-expanded', 'false');
    this.launcher.focus();
  }

  private setLang(lang: WidgetLang): void {
    this.lang = lang;
    this.t = catalogues[lang];
    writeJson(LANG_KEY, lang);
    this.syncLang();
    this.applyStrings();
    // Re-render message meta lines (labels, states) in the new language.
    for (const el of this.rendered.values()) el.dataset.sig = '';
    this.render();
  }

  private applyStrings(): void {
    const t = this.t;
    this.root.setAttribute('lang', t.htmlLang);
    this.launcherText.textContent = t.launcher;
    this.titleEl.textContent = t.title;
    this.subtitleEl.textContent = t.subtitle;
    this.langLabelText.textContent = t.langLabel;
    this.langSelect.value = this.lang;
    this.closeBtn.setAttribute('aria-label', t.close);
    this.closeBtn.title = t.close;
    this.noticeStaff.textContent = t.noticeStaff;
    this.noticeEmergency.textContent = t.noticeEmergency;
    this.welcome.textContent = t.welcome;
    this.log.setAttribute('aria-label', t.logLabel);
    this.inputLabel.textContent = t.inputLabel;
    this.input.placeholder = t.placeholder;
    this.sendBtn.textContent = t.send;
    if (!this.typingEl.hidden) this.typingEl.textContent = t.typing;
    this.updateCounter();
    this.updateStatus();
    if (this.errorText) this.setError(this.errorText);
  }

  // -------------------------------------------------------------------------------------------
  // composing and sending

  private updateCounter(): void {
    const n = this.input.value.trim().length;
    const over = n > MAX_LENGTH;
    this.counter.textContent = over ? `${this.t.counter(n, MAX_LENGTH)} — ${this.t.tooLong(MAX_LENGTH)}` : this.t.counter(n, MAX_LENGTH);
    this.counter.classList.toggle('over', over);
    this.input.setAttribute('aria-invalid', over ? 'true' : 'false');
    this.sendBtn.disabled = over;
  }

  private autoGrow(): void {
    this.input.style.height = 'auto';
    this.input.style.height = `${Math.min(this.input.scrollHeight + 4, 140)}px`;
  }

  private saveDraft(): void {
    const v = this.input.value;
    if (v.trim()) writeJson(DRAFT_KEY, v);
    else remove(DRAFT_KEY);
  }

  private setError(text: string): void {
    this.errorText = text;
    this.errorEl.textContent = text;
    this.errorEl.hidden = !text;
  }

  send(): void {
    const text = this.input.value.trim();
    if (!text) return;
    if (text.length > MAX_LENGTH) {
      this.setError(this.t.tooLong(MAX_LENGTH));
      return;
    }
    this.setError('');
    // The text moves from the draft to the outbox (both in localStorage), so it is always in one of them.
    this.outbox.add(text);
    this.input.value = '';
    this.saveDraft();
    this.updateCounter();
    this.autoGrow();
    this.render();
    this.scrollToEnd();
    this.retryDelay = RETRY_MIN_MS;
    void this.flush();
  }

  /** The person clicked a choice under a bot question: sent like a typed message, with its data. */
  private choose(messageId: string, b: WidgetButton, group: HTMLElement): void {
    if (this.answered.has(messageId)) return;
    this.answered.add(messageId);
    const hadFocus = group.contains(this.shadowActive());
    for (const btn of Array.from(group.querySelectorAll('button'))) btn.disabled = true;
    this.outbox.add(b.label, b.data);
    this.render();
    // The buttons are gone now; keep keyboard focus in the conversation, not lost on the page.
    if (hadFocus) this.log.focus({ preventScroll: true });
    this.scrollToEnd();
    this.retryDelay = RETRY_MIN_MS;
    void this.flush();
  }

  private shadowActive(): Element | null {
    return (this.root.getRootNode() as ShadowRoot).activeElement;
  }

  /** Tells the server the person's language (so the bot answers in it); retried on reconnect. */
  private syncLang(): void {
    const s = this.session;
    const lang = this.lang;
    if (!s || s.lang === lang) return;
    this.api.setLang(s.sessionToken, lang).then(
      () => {
        if (this.session !== s) return;
        s.lang = lang;
        writeJson(SESSION_KEY, s);
      },
      () => undefined,
    );
  }

  private flushSoon(delay: number): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.flush();
    }, delay);
  }

  private ensureSession(): Promise<WidgetSession> {
    if (this.session) return Promise.resolve(this.session);
    if (!this.sessionPromise) {
      const lang = this.lang;
      this.sessionPromise = this.api
        .createSession(lang)
        .then((created) => {
          // If the language changed meanwhile, `connect` → `syncLang` tells the server.
          const s: StoredSession = { sessionToken: created.sessionToken, conversationId: created.conversationId, lang };
          this.session = s;
          writeJson(SESSION_KEY, s);
          remove(SEEN_KEY);
          this.connect();
          return s;
        })
        .finally(() => {
          this.sessionPromise = undefined;
        });
    }
    return this.sessionPromise;
  }

  /** Sends the outbox in order, one at a time. Stops at the first retryable failure. */
  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    if (this.retryTimer) {
      clearTimeout(this.retryTimer);
      this.retryTimer = undefined;
    }
    let unauthorized = 0;
    try {
      for (;;) {
        const item = this.outbox.first();
        if (!item) break;
        this.outbox.update(item.clientMessageId, { state: 'sending' });
        this.render();
        let session: WidgetSession;
        try {
          session = await this.ensureSession();
        } catch (err) {
          this.failRetryable(err);
          break;
        }
        try {
          const { messageId } = await this.api.sendMessage(
            session.sessionToken,
            item.text,
            item.clientMessageId,
            item.postback,
          );
          this.accepted(item, messageId);
          this.retryDelay = RETRY_MIN_MS;
          if (this.status === 'offline' || this.status === 'tooMany') this.setStatus('');
        } catch (err) {
          if (err instanceof ApiError && err.status === 401 && unauthorized < 2) {
            // The stored session is gone (expired, revoked): start a new one and send again.
            unauthorized++;
            this.dropSession();
            continue;
          }
          if (
            err instanceof ApiError &&
            err.status >= 400 &&
            err.status < 500 &&
            err.status !== 401 &&
            err.status !== 408 &&
            err.status !== 429
          ) {
            this.rejected(item, err);
            continue;
          }
          this.failRetryable(err);
          break;
        }
      }
    } finally {
      this.flushing = false;
      this.render();
    }
  }

  /** The server has the outbox item `clientMessageId` as message `messageId`. */
  private adopt(clientMessageId: string, messageId: string): void {
    this.outbox.remove(clientMessageId);
    // Keep the same list element, so the message does not disappear and reappear.
    const el = this.rendered.get(`o:${clientMessageId}`);
    if (el) {
      this.rendered.delete(`o:${clientMessageId}`);
      if (!this.rendered.has(`m:${messageId}`)) this.rendered.set(`m:${messageId}`, el);
      else el.remove();
    }
  }

  private accepted(item: OutboxItem, messageId: string): void {
    this.adopt(item.clientMessageId, messageId);
    if (!this.messages.has(messageId)) {
      this.addMessage({ id: messageId, direction: 'in', author: 'person', text: item.text, createdAt: item.createdAt });
    }
    this.render();
    // Pick up the server's createdAt (ordering) without waiting for the next reconnect.
    this.refetchSoon();
  }

  /** A 4xx the server will answer the same way again: give the text back to the person. */
  private rejected(item: OutboxItem, err: ApiError): void {
    this.outbox.remove(item.clientMessageId);
    const current = this.input.value;
    this.input.value = current.trim() ? `${item.text}\n${current}` : item.text;
    this.saveDraft();
    this.updateCounter();
    this.autoGrow();
    const tooLong = err.status === 413 || /length|long|too_big/i.test(err.code);
    this.setError(tooLong ? this.t.tooLong(MAX_LENGTH) : this.t.sendError);
    this.render();
  }

  private failRetryable(err: unknown): void {
    for (const i of this.outbox.list()) {
      this.outbox.update(i.clientMessageId, { state: 'failed', attempts: i.attempts + 1 });
    }
    this.setStatus(err instanceof ApiError && err.status === 429 ? 'tooMany' : 'offline');
    this.renderFollowing();
    const delay = Math.min(RETRY_MAX_MS, this.retryDelay) * (0.8 + Math.random() * 0.4);
    this.retryDelay = Math.min(RETRY_MAX_MS, this.retryDelay * 2);
    this.flushSoon(delay);
  }

  private dropSession(): void {
    this.session = undefined;
    remove(SESSION_KEY);
    remove(SEEN_KEY);
    this.messages.clear();
    this.order.clear();
    if (this.socket) {
      this.socket.removeAllListeners();
      this.socket.disconnect();
      this.socket = undefined;
    }
    this.render();
  }

  // -------------------------------------------------------------------------------------------
  // receiving

  private connect(): void {
    if (!this.session) return;
    if (this.socket) {
      this.socket.removeAllListeners();
      this.socket.disconnect();
    }
    const { url, path } = socketTarget(this.apiBase);
    const socket = io(url, { path, auth: { token: this.session.sessionToken } });
    this.socket = socket;
    socket.on('connect', () => {
      if (this.status === 'offline') this.setStatus('');
      this.syncLang();
      void this.refetch();
      this.retryDelay = RETRY_MIN_MS;
      if (this.outbox.list().length > 0) void this.flush();
    });
    socket.on('message', (raw: unknown) => {
      const m = clean(raw);
      if (m) {
        if (m.direction === 'out') this.setTyping(false);
        this.addMessage(m);
        this.renderFollowing();
      }
    });
    socket.on('typing', (p: { active?: unknown } | null) => this.setTyping(p?.active === true));
    socket.on('disconnect', (reason) => {
      this.setTyping(false);
      if (reason !== 'io client disconnect') this.setStatus('offline');
    });
    socket.on('connect_error', () => {
      if (socket.active) return; // temporary failure: Socket.IO reconnects by itself
      // Refused by the server (usually an unknown or expired token). Check over HTTP.
      void this.refetch().then(() => {
        if (this.socket === socket && this.session) setTimeout(() => this.socket === socket && socket.connect(), 5000);
      });
    });
  }

  private refetchSoon(): void {
    if (this.refetchTimer) clearTimeout(this.refetchTimer);
    this.refetchTimer = setTimeout(() => void this.refetch(), 1500);
  }

  private async refetch(): Promise<void> {
    const session = this.session;
    if (!session) return;
    try {
      const list = await this.api.listMessages(session.sessionToken);
      if (this.session !== session) return;
      for (const raw of list) {
        const m = clean(raw);
        if (m) this.addMessage(m);
      }
      if (this.status === 'loadError') this.setStatus('');
      this.renderFollowing();
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) {
        if (this.session === session) this.dropSession();
        if (this.outbox.list().length > 0) void this.flush();
        return;
      }
      if (this.messages.size === 0) this.setStatus('loadError');
    }
  }

  /** Adds or updates (same id: the server's copy wins) a message; merging by id, never twice. */
  private addMessage(m: WidgetMessage): void {
    if (!this.order.has(m.id)) this.order.set(m.id, this.seq++);
    // A message whose POST answer was lost (connection dropped) is already stored: stop resending.
    if (m.clientMessageId && this.outbox.has(m.clientMessageId)) this.adopt(m.clientMessageId, m.id);
    this.messages.set(m.id, m);
  }

  private setTyping(active: boolean): void {
    clearTimeout(this.typingTimer);
    this.typingTimer = active ? setTimeout(() => this.setTyping(false), TYPING_MS) : undefined;
    if (this.typingEl.hidden !== active) return;
    this.typingEl.hidden = !active;
    this.typingEl.textContent = active ? this.t.typing : '';
  }

  // -------------------------------------------------------------------------------------------
  // unread

  private seen(): number {
    const s = readJson<string>(SEEN_KEY);
    return s ? time(s) : -1;
  }

  private markSeen(): void {
    let latest = '';
    for (const m of this.messages.values()) {
      if (m.direction === 'out' && time(m.createdAt) > time(latest || '1970-01-01T00:00:00Z')) latest = m.createdAt;
    }
    if (latest && time(latest) > this.seen()) writeJson(SEEN_KEY, latest);
  }

  private updateBadge(): void {
    if (this.isOpen) {
      this.markSeen();
      this.badge.hidden = true;
      this.launcher.setAttribute('aria-label', this.t.launcherLabel);
      return;
    }
    const seen = this.seen();
    let n = 0;
    for (const m of this.messages.values()) if (m.direction === 'out' && time(m.createdAt) > seen) n++;
    this.badge.hidden = n === 0;
    this.badge.textContent = n > 99 ? '99+' : String(n);
    this.launcher.setAttribute('aria-label', n ? `${this.t.launcherLabel}（${this.t.unread(n)}）` : this.t.launcherLabel);
  }

  // -------------------------------------------------------------------------------------------
  // rendering

  private setStatus(s: Status): void {
    this.status = s;
    this.updateStatus();
  }

  private updateStatus(): void {
    const text =
      this.status === 'offline'
        ? this.t.offline
        : this.status === 'tooMany'
          ? this.t.tooMany
          : this.status === 'loadError'
            ? this.t.loadError
            : '';
    // Only worth showing while something is waiting, or when history could not load.
    const show = !!text && (this.status === 'loadError' || this.outbox.list().length > 0 || this.status === 'offline');
    this.statusEl.textContent = show ? text : '';
    this.statusEl.hidden = !show;
  }

  private formatTime(iso: string): string {
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return '';
    const now = new Date();
    const sameDay = d.toDateString() === now.toDateString();
    const opts: Intl.DateTimeFormatOptions = sameDay
      ? { hour: '2-digit', minute: '2-digit' }
      : { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' };
    try {
      return new Intl.DateTimeFormat(this.t.htmlLang, opts).format(d);
    } catch {
      return d.toLocaleString();
    }
  }

  private render(): void {
    const sent = [...this.messages.values()].sort(
      (a, b) => time(a.createdAt) - time(b.createdAt) || (this.order.get(a.id) ?? 0) - (this.order.get(b.id) ?? 0),
    );
    const rows: Row[] = sent.map((m) => ({
      key: `m:${m.id}`,
      id: m.id,
      direction: m.direction,
      author: m.author ?? (m.direction === 'in' ? 'person' : 'staff'),
      text: m.text,
      createdAt: m.createdAt,
      state: 'sent',
      buttons: m.buttons,
    }));
    for (const o of this.outbox.list()) {
      rows.push({ key: `o:${o.clientMessageId}`, direction: 'in', author: 'person', text: o.text, createdAt: o.createdAt, state: o.state });
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
    // Welcome text stays first; messages follow in order.
    let index = 1;
    for (const r of rows) {
      let el = this.rendered.get(r.key);
      if (!el) {
        el = h('div', { class: 'msg', 'data-testid': 'widget-message' });
        this.rendered.set(r.key, el);
      }
      const sig = `${r.direction}|${r.author}|${r.state}|${r.createdAt}|${r.text}`;
      if (el.dataset.sig !== sig) {
        el.dataset.sig = sig;
        this.fillMessage(el, r);
      }
      this.fillChoices(el, r === active ? r : undefined);
      const at = this.log.children[index];
      if (at !== el) this.log.insertBefore(el, at ?? null);
      index++;
    }
    this.updateBadge();
    this.updateStatus();
  }

  private fillMessage(el: HTMLDivElement, r: Row): void {
    const t = this.t;
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
    const bubble = h('div', { class: 'bubble' });
    bubble.textContent = r.text; // never innerHTML
    el.append(bubble);
    const meta = h('div', { class: 'meta' });
    const parts: string[] = [];
    if (r.author === 'staff') parts.push(who);
    if (r.state === 'sent') parts.push(this.formatTime(r.createdAt));
    else parts.push(r.state === 'sending' ? t.sending : t.failed);
    meta.textContent = parts.filter(Boolean).join(' · ');
    if (r.state === 'failed' && r.key.startsWith('o:')) {
      const retry = h('button', { type: 'button', class: 'retry', 'data-testid': 'widget-retry' }, [t.retryNow]);
      retry.addEventListener('click', () => {
        this.retryDelay = RETRY_MIN_MS;
        void this.flush();
      });
      meta.append(retry);
    }
    el.append(meta);
  }

  /** Shows the choice buttons of `r` (or removes them when `r` is undefined). */
  private fillChoices(el: HTMLDivElement, r: Row | undefined): void {
    const sig = r?.buttons ? `${this.lang}|${JSON.stringify(r.buttons)}` : '';
    if (el.dataset.choices === sig) return;
    el.dataset.choices = sig;
    el.querySelector('.choices')?.remove();
    if (!r?.buttons || !r.id) return;
    const id = r.id;
    const group = h('div', { class: 'choices', role: 'group', 'aria-label': this.t.choices });
    for (const b of r.buttons) {
      const btn = h('button', { type: 'button', class: 'choice', 'data-testid': 'widget-choice', 'data-data': b.data }, [b.label]);
      btn.addEventListener('click', () => this.choose(id, b, group));
      group.append(btn);
    }
    el.append(group);
  }

  /** Renders; if the person was reading the end of the thread, keeps them there (new messages in view). */
  private renderFollowing(): void {
    const log = this.log;
    const atEnd = log.scrollHeight - log.scrollTop - log.clientHeight <= 120;
    this.render();
    if (this.isOpen && atEnd) this.scrollToEnd();
  }

  private scrollToEnd(): void {
    const log = this.log;
    requestAnimationFrame(() => {
      log.scrollTop = log.scrollHeight;
    });
  }
}

// ---------------------------------------------------------------------------------------------
// boot

let instance: Widget | undefined;

declare global {
  interface Window {
    __tsunaguWidgetLoaded?: boolean;
  }
}

function boot(script: HTMLScriptElement | null): void {
  if (window.__tsunaguWidgetLoaded) return; // embedded twice: keep the first
  window.__tsunaguWidgetLoaded = true;
  const host = document.createElement('div');
  host.id = 'tsunagu-widget';
  host.setAttribute('data-testid', 'widget-root');
  document.body.append(host);
  instance = new Widget(host, resolveApiBase(script), script?.getAttribute('data-agency')?.trim() || null);
  // Any element on the host page with `data-tsunagu-open` opens the chat (no inline script needed,
  // so it also works under a strict Content-Security-Policy).
  document.addEventListener('click', (e) => {
    const target = e.target instanceof Element ? e.target.closest('[data-tsunagu-open]') : null;
    if (target) {
      e.preventDefault();
      instance?.open();
    }
  });
}

const currentScript = findScript();
if (document.body) boot(currentScript);
else document.addEventListener('DOMContentLoaded', () => boot(currentScript), { once: true });

/** `TsunaguWidget.open()` / `.close()` for a "相談する" link on the host page. */
export function open(): void {
  instance?.open();
}
export function close(): void {
  instance?.close();
}
