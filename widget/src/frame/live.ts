/**
 * The live connection to `/widget` (Socket.IO, typed with the widget's event maps): answers and
 * the typing indicator arrive without a reload. Socket.IO reconnects by itself after a network
 * failure; a refusal by the server (expired or ended session) is reported instead.
 */
import { io, type Socket } from 'socket.io-client';
import type { WidgetClientEvents, WidgetMessage, WidgetServerEvents } from '../contract.js';

export interface LiveHooks {
  connected(): void;
  message(raw: WidgetMessage): void;
  typing(active: boolean): void;
  /** The bot answers in this language from now on (the person clearly wrote in it). */
  lang(lang: string): void;
  /** The session was ended (here or in another tab of this device). */
  ended(): void;
  /** The connection dropped (not by us); Socket.IO is trying again. */
  dropped(): void;
  /** The server refused the connection (usually the session is over). */
  refused(): void;
}

/** Socket.IO treats a URL path as the namespace, so an API base with a path moves `path` instead. */
function socketTarget(base: string): { url: string; path: string } {
  const u = new URL(base || '/', location.href);
  const prefix = u.pathname.replace(/\/+$/, '');
  return { url: `${u.origin}/widget`, path: `${prefix}/socket.io` };
}

export class Live {
  private socket: Socket<WidgetServerEvents, WidgetClientEvents> | undefined;

  constructor(
    private readonly apiBase: string,
    private readonly hooks: LiveHooks,
  ) {}

  connect(token: string): void {
    this.disconnect();
    const { url, path } = socketTarget(this.apiBase);
    const socket: Socket<WidgetServerEvents, WidgetClientEvents> = io(url, { path, auth: { token } });
    this.socket = socket;
    socket.on('connect', () => this.hooks.connected());
    socket.on('message', (m) => this.hooks.message(m));
    socket.on('typing', (p) => this.hooks.typing(p?.active === true));
    socket.on('lang', (p) => typeof p?.lang === 'string' && this.hooks.lang(p.lang));
    socket.on('session:ended', () => this.hooks.ended());
    socket.on('disconnect', (reason) => {
      this.hooks.typing(false);
      if (reason !== 'io client disconnect' && reason !== 'io server disconnect') this.hooks.dropped();
      // The server closed it (session ended): it will not reconnect by itself, and must not.
      if (reason === 'io server disconnect' && this.socket === socket) this.hooks.refused();
    });
    socket.on('connect_error', () => {
      if (socket.active) return; // temporary failure: Socket.IO reconnects by itself
      if (this.socket === socket) this.hooks.refused();
    });
  }

  /** Tries again after a refusal the server may no longer make (e.g. it was restarting). */
  retry(): void {
    if (this.socket && !this.socket.connected) this.socket.connect();
  }

  disconnect(): void {
    const s = this.socket;
    this.socket = undefined;
    if (!s) return;
    s.removeAllListeners();
    s.disconnect();
  }
}
