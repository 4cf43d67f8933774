/**
 * The chat inside the frame: wires the view, the thread, the outbox and its sender, the session
 * keeper, the live connection and the host channel, and owns what the person can do — write,
 * choose, switch language, close, erase this device's history, leave at once.
 */
import { DEFAULT_EXIT_URL } from '../contract.js';
import { isLang, type Catalogue, type WidgetLang } from '../i18n.js';
import { WidgetApi } from './api.js';
import { Composer } from './composer.js';
import { Language } from './language.js';
import { HostChannel } from './host.js';
import { bindKeys, TOUCH_QUERY } from './keys.js';
import { Outbox, type OutboxItem } from './outbox.js';
import { Receiver } from './receiver.js';
import { Sender } from './sender.js';
import { SessionKeeper, type StoredSession } from './session.js';
import { persists, readJson, remove, removeAll, writeJson } from './storage.js';
import { Thread, time } from './thread.js';
import { View } from './view.js';

/** createdAt of the newest answer the person has seen with the panel open. */
const SEEN_KEY = 'seen';
const FOLDED_KEY = 'noticeFolded';

type Status = '' | 'offline' | 'tooMany' | 'loadError';

export interface ChatOptions {
  /** Base URL of the API (the frame's own origin, plus any path prefix). */
  apiBase: string;
  agency: string | null;
  idleMinutes: number;
  /** `host` from the frame URL: the embedding page's origin. */
  hostParam: string | null;
}

export class Chat {
  private readonly view = new View();
  private readonly outbox = new Outbox();
  private readonly api: WidgetApi;
  private readonly thread: Thread;
  private readonly composer: Composer;
  private readonly keeper: SessionKeeper;
  private readonly sender: Sender;
  private readonly receiver: Receiver;
  private readonly host: HostChannel;
  private readonly touch = matchMedia(TOUCH_QUERY);
  private readonly persists = persists();
  private readonly language: Language;
  private isOpen = false;
  private modal = false;
  private status: Status = '';
  private lastState = '';

  private get lang(): WidgetLang {
    return this.language.lang;
  }
  private get t(): Catalogue {
    return this.language.t;
  }

  constructor(private readonly opts: ChatOptions) {
    this.api = new WidgetApi(opts.apiBase, opts.agency);
    this.thread = new Thread(this.view.log, {
      choose: (id, b, group) => this.composer.choose(id, b, group),
      retryNow: () => this.sender.now(),
      edit: (item) => this.composer.edit(item),
      takeBack: (item) => this.composer.takeBack(item),
    });
    this.composer = new Composer(this.view, this.outbox, this.thread, {
      t: () => this.t,
      queued: () => {
        this.render();
        this.sender.now();
      },
      changed: () => this.render(),
      scrollToEnd: () => this.scrollToEnd(),
    });
    this.keeper = new SessionKeeper(this.api, opts.idleMinutes * 60_000, {
      keepAlive: () => void this.receiver.refetch(),
      expired: () => this.expire(),
      created: (s) => this.receiver.connect(s.sessionToken),
    });
    this.language = new Language(this.api, this.keeper, () => {
      this.applyStrings();
      this.thread.invalidate();
      this.render();
    });
    this.sender = new Sender(this.outbox, this.api, {
      session: () => this.keeper.ensure(this.lang),
      sessionGone: () => this.sessionOver('expired'),
      accepted: (item, messageId, session) => this.accepted(item, messageId, session),
      waiting: (kind) => this.setStatus(kind),
      through: () => (this.status === 'offline' || this.status === 'tooMany') && this.setStatus(''),
      changed: () => this.renderFollowing(),
    });
    this.receiver = new Receiver(opts.apiBase, this.api, this.keeper, this.thread, this.outbox, this.view, {
      t: () => this.t,
      connected: () => {
        this.language.sync();
        if (this.outbox.pending().length > 0) this.sender.now();
      },
      over: (reason) => this.sessionOver(reason),
      health: (state) => {
        if (state !== 'ok') this.setStatus(state);
        else if (this.status === 'offline' || this.status === 'loadError') this.setStatus('');
      },
      arrived: () => this.renderFollowing(),
      serverLang: (lang) => this.language.followServer(lang),
    });
    this.host = new HostChannel(opts.hostParam, { open: (modal) => this.open(modal), closed: () => (this.isOpen = false) });
    this.bind();
    this.view.setNoticeFolded(readJson<boolean>(FOLDED_KEY) === true, this.t);
    this.applyStrings();
    document.body.append(this.view.panel);
    const session = this.keeper.session;
    if (session && this.keeper.isStale()) this.expire();
    else if (session) {
      this.keeper.schedule();
      this.receiver.connect(session.sessionToken);
    }
    if (this.outbox.pending().length > 0) this.sender.soon(0);
    this.render();
    this.host.send({ type: 'ready' });
    if (this.host.standalone) this.open(false);
  }

  private bind(): void {
    const v = this.view;
    bindKeys(v, {
      send: () => this.composer.send(),
      escape: () => (v.confirm.hidden ? this.close() : this.askErase(false)),
      modal: () => this.modal,
      activity: () => this.keeper.interacted(),
    });
    this.touch.addEventListener?.('change', () => this.applyStrings());
    v.closeBtn.addEventListener('click', () => this.close());
    v.exitBtn.addEventListener('click', () => this.quickExit());
    v.eraseBtn.addEventListener('click', () => this.askErase(true));
    v.confirmNo.addEventListener('click', () => this.askErase(false));
    v.confirmYes.addEventListener('click', () => this.erase());
    v.noticeToggle.addEventListener('click', () => {
      const folded = !v.noticeMore.hidden;
      v.setNoticeFolded(folded, this.t);
      writeJson(FOLDED_KEY, folded);
    });
    v.langSelect.addEventListener('change', () => isLang(v.langSelect.value) && this.language.set(v.langSelect.value));
    v.form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.composer.send();
    });
    window.addEventListener('online', () => this.sender.soon(0));
  }

  // -------------------------------------------------------------------------------------------
  // open, close, leave

  private open(modal: boolean): void {
    this.isOpen = true;
    this.modal = modal;
    this.keeper.interacted();
    this.render();
    this.view.autoGrow();
    this.scrollToEnd();
    // Touch: the dialog takes focus (announced), not the box, so no keyboard covers the emergency numbers.
    if (this.touch.matches) this.view.panel.focus({ preventScroll: true });
    else this.view.input.focus();
  }

  /** The person closed the panel (× or Escape): the host hides it and focuses the launcher. */
  private close(): void {
    this.isOpen = false;
    this.host.send({ type: 'close' });
  }

  private askErase(show: boolean): void {
    this.view.confirm.hidden = !show;
    (show ? this.view.confirmNo : this.view.eraseBtn).focus();
  }

  /** Forgets everything on this device, and ends the session so its token is useless. */
  private forgetAll(): void {
    this.keeper.end();
    this.receiver.disconnect();
    this.outbox.clear();
    removeAll();
    this.thread.clear();
    this.composer.clear();
  }

  private erase(): void {
    this.forgetAll();
    this.view.confirm.hidden = true;
    this.view.setText(this.view.note, this.t.erased);
    this.render();
    this.view.input.focus();
  }

  /** 「すぐに閉じる」: erase, blank the screen at once, and have the host page leave. */
  private quickExit(): void {
    this.forgetAll();
    document.body.replaceChildren();
    if (this.host.standalone) location.replace(DEFAULT_EXIT_URL);
    else this.host.send({ type: 'exit' });
  }

  /** Idle too long: end it on the server too (if it is not over there already). */
  private expire(): void {
    this.keeper.end();
    this.sessionOver('expired');
  }

  /** The session is over (idle, or ended in another tab): stop showing the conversation. */
  private sessionOver(reason: 'expired' | 'erased'): void {
    this.keeper.forget();
    this.receiver.disconnect();
    this.thread.clear();
    remove(SEEN_KEY);
    this.view.setText(this.view.note, reason === 'expired' ? this.t.expired : this.t.erased);
    this.render();
    // What is still waiting to be sent goes out in a new session (nothing written is lost).
    if (this.outbox.pending().length > 0) this.sender.soon(0);
  }

  // -------------------------------------------------------------------------------------------
  // the words on screen (in ./language.ts's language)

  private applyStrings(): void {
    this.view.applyStrings(this.t, this.lang, this.opts.idleMinutes, this.touch.matches, this.persists);
    this.updateStatus();
  }

  private accepted(item: OutboxItem, messageId: string, session: StoredSession): void {
    this.thread.adopt(item.clientMessageId, messageId);
    this.outbox.remove(item.clientMessageId);
    if (!this.thread.messages.has(messageId)) {
      this.thread.add({ id: messageId, direction: 'in', author: 'person', text: item.text, createdAt: item.createdAt });
    }
    this.keeper.touched(session);
    this.render();
    this.receiver.refetchSoon();
  }

  // -------------------------------------------------------------------------------------------
  // showing

  private setStatus(s: Status): void {
    this.status = s;
    this.updateStatus();
  }

  private updateStatus(): void {
    const s = this.status;
    const text = s === 'offline' ? this.t.offline : s === 'tooMany' ? this.t.tooMany : s === 'loadError' ? this.t.loadError : '';
    // Only worth showing while something is waiting, or when history could not load.
    const show = !!text && (s === 'loadError' || s === 'offline' || this.outbox.pending().length > 0);
    this.view.setText(this.view.status, show ? text : '');
  }

  private render(): void {
    this.thread.render(this.outbox.list(), this.t, this.lang, 2);
    const seen = readJson<string>(SEEN_KEY);
    const latest = this.thread.newestAnswer();
    if (this.isOpen && latest && time(latest) > (seen ? time(seen) : -1)) writeJson(SEEN_KEY, latest);
    const unread = this.isOpen ? 0 : this.thread.answersAfter(seen ? time(seen) : -1);
    const state = `${this.lang}|${unread}`;
    if (state !== this.lastState) {
      this.lastState = state;
      this.host.send({ type: 'state', lang: this.lang, unread });
    }
    this.updateStatus();
  }

  /** Renders; if the person was reading the end of the thread, keeps them there (new messages in view). */
  private renderFollowing(): void {
    const log = this.view.log;
    const atEnd = log.scrollHeight - log.scrollTop - log.clientHeight <= 120;
    this.render();
    if (this.isOpen && atEnd) this.scrollToEnd();
  }

  private scrollToEnd(): void {
    const log = this.view.log;
    requestAnimationFrame(() => {
      log.scrollTop = log.scrollHeight;
    });
  }
}
