/**
 * What a counsellor's inbox and the people see: a logged-in `/staff` socket records when each
 * tagged message appears (`message:created`) and when triage finished with it (the conversation
 * view that names it as `triagedMessageId`: on `conversation:updated`, or on the `message:created`
 * of the turn's answers when the turn ran in the triage job); the fake LINE API's record says when each user got an answer, and which were the
 * hotline reply.
 */
import { io as ioClient, type Socket } from 'socket.io-client';
import type { FakeLineApi } from '../../tests/fixtures/fake-line-api';
import { STAFF } from './setups';

const TAG = /^\[([A-Za-z0-9-]+)\]/;
/** The safety reply (src/safety/safety-texts.ts, Japanese, the writer in danger). */
const HOTLINE = /今すぐ話せる窓口|あなたのことが心配です/;

export class Observer {
  readonly created = new Map<string, number[]>();
  readonly triaged = new Map<string, number>();
  /** message id → tag, from `message:created` (triage's event names the message by id). */
  private tags = new Map<string, string>();
  /**
   * message id → arrival of its triage event, for a message not shown yet: the workers' event can
   * overtake the API's `message:created` on the way; it counts from its own arrival once the tag is known.
   */
  private early = new Map<string, number>();
  private socket!: Socket;
  constructor(private url: string) {}

  async connect(): Promise<void> {
    const res = await fetch(`${this.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: this.url },
      body: JSON.stringify({ email: STAFF.email, password: STAFF.password }),
    });
    if (res.status !== 200) throw new Error(`bench login: ${res.status}`);
    const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    this.socket = ioClient(`${this.url}/staff`, { transports: ['websocket'], extraHeaders: { cookie, origin: this.url }, reconnection: true });
    await new Promise<void>((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', reject);
    });
    const push = (map: Map<string, number[]>, text: string | null | undefined) => {
      const tag = text ? TAG.exec(text)?.[1] : undefined;
      if (!tag) return;
      const list = map.get(tag);
      if (list) list.push(Date.now());
      else map.set(tag, [Date.now()]);
    };
    const triageDone = (e: { triagedMessageId?: string }) => {
      if (!e.triagedMessageId) return;
      const tag = this.tags.get(e.triagedMessageId);
      if (!tag) this.early.set(e.triagedMessageId, Date.now());
      else if (!this.triaged.has(tag)) this.triaged.set(tag, Date.now());
    };
    this.socket.on('message:created', (e: { messages: { id: string; direction: string; text: string }[]; triagedMessageId?: string }) => {
      triageDone(e);
      for (const message of e.messages) {
        if (message.direction !== 'in') continue;
        push(this.created, message.text);
        const tag = TAG.exec(message.text)?.[1];
        if (!tag) continue;
        this.tags.set(message.id, tag);
        const early = this.early.get(message.id);
        if (early !== undefined && !this.triaged.has(tag)) {
          this.early.delete(message.id);
          this.triaged.set(tag, early);
        }
      }
    });
    this.socket.on('conversation:updated', triageDone);
  }

  triagedAt(tag: string): number | undefined {
    return this.triaged.get(tag);
  }

  close() {
    this.socket?.close();
  }
}

export interface Delivery {
  at: number;
  hotline: boolean;
}

/** Deliveries LINE accepted since `since`, per user (reply tokens attributed to their user). */
export function deliveriesByUser(line: FakeLineApi, tokenUser: Map<string, string>, since: number): Map<string, Delivery[]> {
  const byUser = new Map<string, Delivery[]>();
  for (const call of line.calls) {
    if (call.status !== 200 || call.at.getTime() < since) continue;
    const user = call.path === '/v2/bot/message/reply' ? tokenUser.get(call.body?.replyToken) : call.body?.to;
    if (!user) continue;
    const texts = ((call.body?.messages ?? []) as { text?: string }[]).map((m) => m.text ?? '').join('\n');
    const list = byUser.get(user) ?? [];
    list.push({ at: call.at.getTime(), hotline: HOTLINE.test(texts) });
    byUser.set(user, list);
  }
  return byUser;
}
