/**
 * Sends the outbox, oldest first, one request at a time (the server answers in the order it
 * receives). What happens on failure depends on whether asking again can help:
 * - 4xx that will be answered the same way again (400 invalid, 413 too long…): that message is
 *   marked as refused with its reason, and the ones after it are sent;
 * - 401: the session is over (idle, or ended on this device): a new one is opened and sending goes on;
 * - 408/429, 5xx and network errors: everything waits, in order, and is retried with backoff.
 */
import { ApiError, type WidgetApi } from './api.js';
import type { OutboxItem, Outbox, RejectReason } from './outbox.js';
import type { StoredSession } from './session.js';

const RETRY_MIN_MS = 2000;
const RETRY_MAX_MS = 30000;

export interface SenderHooks {
  session(): Promise<StoredSession>;
  /** The server no longer knows the session (401). */
  sessionGone(): void;
  accepted(item: OutboxItem, messageId: string, session: StoredSession): void;
  /** Waiting to retry; `tooMany`: the server asked us to slow down. */
  waiting(kind: 'offline' | 'tooMany'): void;
  /** A message went through (a waiting notice can go). */
  through(): void;
  /** The outbox changed (render it). */
  changed(): void;
}

/** A refusal asking again will not change. */
export function refusal(err: unknown): RejectReason | undefined {
  if (!(err instanceof ApiError) || err.status < 400 || err.status >= 500) return undefined;
  if (err.status === 401 || err.status === 408 || err.status === 429) return undefined;
  return err.status === 413 || /length|long|too_big/i.test(err.code) ? 'tooLong' : 'invalid';
}

export class Sender {
  private flushing = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private delay = RETRY_MIN_MS;

  constructor(
    private readonly outbox: Outbox,
    private readonly api: WidgetApi,
    private readonly hooks: SenderHooks,
  ) {}

  /** Sends now, without waiting for the backoff (a new message, 「今すぐ再送」, back online). */
  now(): void {
    this.delay = RETRY_MIN_MS;
    void this.flush();
  }

  soon(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, delayMs);
  }

  async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    let unauthorized = 0;
    try {
      for (let item = this.outbox.next(); item; item = this.outbox.next()) {
        this.outbox.update(item.clientMessageId, { state: 'sending' });
        this.hooks.changed();
        let session: StoredSession;
        try {
          session = await this.hooks.session();
        } catch (err) {
          this.wait(err);
          break;
        }
        try {
          const { messageId } = await this.api.sendMessage(session.sessionToken, item.text, item.clientMessageId, item.postback);
          this.hooks.accepted(item, messageId, session);
          this.delay = RETRY_MIN_MS;
          this.hooks.through();
        } catch (err) {
          if (err instanceof ApiError && err.status === 401 && unauthorized < 2) {
            unauthorized++;
            this.hooks.sessionGone();
            continue;
          }
          const reason = refusal(err);
          if (reason) {
            this.outbox.update(item.clientMessageId, { state: 'rejected', reason });
            this.hooks.changed();
            continue;
          }
          this.wait(err);
          break;
        }
      }
    } finally {
      this.flushing = false;
      this.hooks.changed();
    }
  }

  private wait(err: unknown): void {
    for (const i of this.outbox.pending()) this.outbox.update(i.clientMessageId, { state: 'failed', attempts: i.attempts + 1 });
    this.hooks.waiting(err instanceof ApiError && err.status === 429 ? 'tooMany' : 'offline');
    const delay = Math.min(RETRY_MAX_MS, this.delay) * (0.8 + Math.random() * 0.4);
    this.delay = Math.min(RETRY_MAX_MS, this.delay * 2);
    this.soon(delay);
  }
}
