/**
 * What LINE sends: signed webhooks, one text event each, offered open loop at a fixed rate (a
 * send is never held back waiting for an earlier answer, as real users do not wait for each
 * other). Users: a pool of returning users; every 10th message from a new user, every 50th a
 * new user in crisis. Each text begins with a tag, so the observer can follow it.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { signLineBody } from '../../src/channels/line';
import type { FakeLineApi } from '../../tests/fixtures/fake-line-api';
import { BENCH_SECRET } from './setups';
import { TEXTS } from '../inbox-scale';

const CRISIS = '今から首を吊ります。さようなら';

export interface Sent {
  tag: string;
  userId: string;
  newUser: boolean;
  crisis: boolean;
  sentAt: number;
  answeredAt?: number;
  status?: number;
  error?: string;
}

export const fakeUser = () => `U${randomBytes(16).toString('hex')}`;

export class Traffic {
  readonly sent = new Map<string, Sent>();
  /** reply token → the user it was issued for (to attribute replies). */
  readonly tokenUser = new Map<string, string>();
  constructor(private url: string, private line: FakeLineApi, readonly returning: string[]) {}

  send(tag: string, userId: string, opts: { newUser: boolean; crisis: boolean }): Promise<void> {
    const replyToken = this.line.issueReplyToken();
    this.tokenUser.set(replyToken, userId);
    const text = `[${tag}] ${opts.crisis ? CRISIS : TEXTS[Math.floor(Math.random() * TEXTS.length)]}`;
    const body = JSON.stringify({
      destination: 'Ubench',
      events: [
        {
          type: 'message', mode: 'active', timestamp: Date.now(),
          source: { type: 'user', userId },
          webhookEventId: `01B${randomUUID().replace(/-/g, '').toUpperCase()}`,
          deliveryContext: { isRedelivery: false },
          replyToken,
          message: { id: String(Date.now()), type: 'text', quoteToken: 'q', text },
        },
      ],
    });
    const s: Sent = { tag, userId, ...opts, sentAt: Date.now() };
    this.sent.set(tag, s);
    return fetch(`${this.url}/webhooks/line`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-line-signature': signLineBody(body, BENCH_SECRET) }, body }).then(
      async (res) => {
        await res.arrayBuffer();
        s.status = res.status;
        s.answeredAt = Date.now();
      },
      (err: Error) => {
        s.error = (err.cause as { code?: string } | undefined)?.code ?? err.message;
        s.answeredAt = Date.now();
      },
    );
  }

  /** Offers `count` messages at `rate` per second (ticks of 10 ms), open loop; resolves when all were answered. */
  async offer(stepTag: string, rate: number, count: number): Promise<{ started: number; lastSent: number }> {
    const started = Date.now();
    const inflight: Promise<void>[] = [];
    let i = 0;
    await new Promise<void>((resolve) => {
      const tick = () => {
        const due = Math.min(count, Math.floor(((Date.now() - started) / 1000) * rate) + 1);
        for (; i < due; i++) {
          const crisis = i % 50 === 49;
          const newUser = crisis || i % 10 === 9;
          const userId = newUser ? fakeUser() : this.returning[Math.floor(Math.random() * this.returning.length)];
          inflight.push(this.send(`${stepTag}-${i}`, userId, { newUser, crisis }));
        }
        if (i >= count) return resolve();
        setTimeout(tick, 10);
      };
      tick();
    });
    const lastSent = Date.now();
    await Promise.all(inflight);
    return { started, lastSent };
  }
}
