/**
 * The widget session as the frame keeps it: the token (only ever in the frame's sessionStorage),
 * the language the server was last told, and when the server last heard from us. The server ends
 * a session `idleMinutes` after its last request; the frame follows the same clock, so it stops
 * showing a conversation when the server would refuse it anyway, and keeps it alive only while
 * the person is actually doing something.
 */
import type { WidgetLang, WidgetSession } from '../contract.js';
import type { WidgetApi } from './api.js';
import { readJson, remove, writeJson } from './storage.js';

const SESSION_KEY = 'session';

export interface StoredSession {
  sessionToken: string;
  conversationId: string;
  /** The language the server was last told. */
  lang?: WidgetLang;
  /** When a request with this token last succeeded (ms since epoch). */
  touchedAt: number;
}

export interface SessionHooks {
  /** The person was active but no request went out lately: make one (it extends the session). */
  keepAlive(): void;
  /** The session's idle time is over. */
  expired(): void;
  /** A new session exists (connect to it). */
  created(session: StoredSession): void;
}

export class SessionKeeper {
  private current: StoredSession | undefined;
  private creating: Promise<StoredSession> | undefined;
  /** Changes whenever the session is forgotten, so a creation still under way is not adopted. */
  private epoch = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private interactedAt = 0;

  constructor(
    private readonly api: WidgetApi,
    private idleMs: number,
    private readonly hooks: SessionHooks,
  ) {
    const stored = readJson<StoredSession>(SESSION_KEY);
    if (stored && typeof stored.sessionToken === 'string' && stored.sessionToken && typeof stored.touchedAt === 'number') {
      this.current = stored;
    }
  }

  get session(): StoredSession | undefined {
    return this.current;
  }

  /** True when the stored session has been idle longer than the server allows. */
  isStale(now = Date.now()): boolean {
    return !!this.current && now >= this.current.touchedAt + this.idleMs;
  }

  /** The current session, or a new one (at most one creation at a time). */
  ensure(lang: WidgetLang): Promise<StoredSession> {
    if (this.current) return Promise.resolve(this.current);
    if (!this.creating) {
      const epoch = this.epoch;
      this.creating = this.api
        .createSession(lang)
        .then((created: WidgetSession) => {
          if (epoch !== this.epoch) throw new Error('session forgotten meanwhile');
          if (typeof created.idleMinutes === 'number' && created.idleMinutes > 0) this.idleMs = created.idleMinutes * 60_000;
          const s: StoredSession = { sessionToken: created.sessionToken, conversationId: created.conversationId, lang, touchedAt: Date.now() };
          this.current = s;
          this.save();
          this.schedule();
          this.hooks.created(s);
          return s;
        })
        .finally(() => {
          this.creating = undefined;
        });
    }
    return this.creating;
  }

  /** A request with `session`'s token succeeded: the server's idle clock restarted. */
  touched(session: StoredSession): void {
    if (session !== this.current) return;
    session.touchedAt = Date.now();
    this.save();
    this.schedule();
  }

  /** The person did something here (typed, tapped, opened the panel). */
  interacted(): void {
    this.interactedAt = Date.now();
  }

  setLang(session: StoredSession, lang: WidgetLang): void {
    if (session !== this.current) return;
    session.lang = lang;
    this.save();
  }

  /** Forgets the session on this device only (the server may still know it until it expires). */
  forget(): void {
    this.epoch++;
    this.current = undefined;
    clearTimeout(this.timer);
    remove(SESSION_KEY);
  }

  /** Ends the session on the server too (best effort: the request outlives a page being left). */
  end(): void {
    const s = this.current;
    this.forget();
    if (s) this.api.endSession(s.sessionToken).catch(() => undefined);
  }

  /**
   * Shortly before the server's deadline: if the person was active since the last request, one
   * more request keeps the session; otherwise it ends at the deadline.
   */
  schedule(): void {
    clearTimeout(this.timer);
    const s = this.current;
    if (!s) return;
    const deadline = s.touchedAt + this.idleMs;
    const checkAt = deadline - Math.min(60_000, this.idleMs * 0.2);
    this.timer = setTimeout(() => {
      if (this.current !== s) return;
      const active = this.interactedAt > s.touchedAt && Date.now() < deadline;
      // Expires at the deadline unless a request succeeds before (touched() sets a new timer).
      this.timer = setTimeout(() => this.current === s && this.hooks.expired(), Math.max(0, deadline - Date.now()));
      if (active) this.hooks.keepAlive();
    }, Math.max(0, checkAt - Date.now()));
  }

  private save(): void {
    if (this.current) writeJson(SESSION_KEY, this.current);
  }
}
