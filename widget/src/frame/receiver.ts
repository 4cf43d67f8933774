/**
 * Receiving: the live connection (answers, typing) and the thread fetched over HTTP (on connect,
 * after a send, to keep an active session alive). A 401 means the session is over.
 */
import type { WidgetMessage } from '../contract.js';
import { ApiError, type WidgetApi } from './api.js';
import { Live } from './live.js';
import type { Outbox } from './outbox.js';
import type { SessionKeeper } from './session.js';
import { cleanMessage, type Thread } from './thread.js';
import type { View } from './view.js';
import type { Catalogue } from '../i18n.js';

/** The typing indicator goes away by itself when no new `typing` event came for this long. */
const TYPING_MS = 30000;

export interface ReceiverHooks {
  t(): Catalogue;
  /** Connected (again): tell the server the language, send what waits. */
  connected(): void;
  /** The session is over: `erased` in another tab, or `expired`. */
  over(reason: 'expired' | 'erased'): void;
  /** The connection dropped, or came back (`ok`), or the history could not be loaded. */
  health(state: 'offline' | 'ok' | 'loadError'): void;
  /** New messages are in the thread: render, following the end if the person was there. */
  arrived(): void;
  /** The server answers in this language now (live, or with the thread). */
  serverLang(lang: string): void;
}

export class Receiver {
  private readonly live: Live;
  private typingTimer: ReturnType<typeof setTimeout> | undefined;
  private refetchTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    apiBase: string,
    private readonly api: WidgetApi,
    private readonly keeper: SessionKeeper,
    private readonly thread: Thread,
    private readonly outbox: Outbox,
    private readonly view: View,
    private readonly hooks: ReceiverHooks,
  ) {
    this.live = new Live(apiBase, {
      connected: () => {
        hooks.health('ok');
        hooks.connected();
        void this.refetch();
      },
      message: (raw) => {
        const m = cleanMessage(raw);
        if (!m) return;
        if (m.direction === 'out') this.setTyping(false);
        this.add(m);
        hooks.arrived();
      },
      typing: (active) => this.setTyping(active),
      lang: (lang) => hooks.serverLang(lang),
      ended: () => hooks.over('erased'),
      dropped: () => hooks.health('offline'),
      refused: () => void this.refetch().then(() => this.keeper.session && setTimeout(() => this.live.retry(), 5000)),
    });
  }

  connect(token: string): void {
    this.live.connect(token);
  }

  disconnect(): void {
    this.live.disconnect();
    this.setTyping(false);
  }

  /** Soon, so the server's createdAt (ordering) replaces ours without waiting for a reconnect. */
  refetchSoon(): void {
    clearTimeout(this.refetchTimer);
    this.refetchTimer = setTimeout(() => void this.refetch(), 1500);
  }

  async refetch(): Promise<void> {
    const session = this.keeper.session;
    if (!session) return;
    try {
      const { messages: list, lang } = await this.api.listMessages(session.sessionToken);
      if (this.keeper.session !== session) return;
      this.keeper.touched(session);
      if (lang) this.hooks.serverLang(lang);
      for (const raw of list) {
        const m = cleanMessage(raw);
        if (m) this.add(m);
      }
      this.hooks.health('ok');
      this.hooks.arrived();
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) {
        if (this.keeper.session === session) this.hooks.over('expired');
        return;
      }
      if (this.thread.messages.size === 0) this.hooks.health('loadError');
    }
  }

  /** Adds or updates a message (same id: the server's copy wins); merging by id, never twice. */
  private add(m: WidgetMessage): void {
    // A message whose POST answer was lost (connection dropped) is already stored: stop resending.
    if (m.clientMessageId && this.outbox.has(m.clientMessageId)) {
      this.thread.adopt(m.clientMessageId, m.id);
      this.outbox.remove(m.clientMessageId);
    }
    this.thread.add(m);
  }

  setTyping(active: boolean): void {
    clearTimeout(this.typingTimer);
    this.typingTimer = active ? setTimeout(() => this.setTyping(false), TYPING_MS) : undefined;
    this.view.setTyping(active, this.hooks.t());
  }
}
