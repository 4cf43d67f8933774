/**
 * A burst of LINE messages for the fault suites: N signed text events from M people, sent while
 * something breaks, then one check that nothing was lost or doubled — every message stored once
 * (in the order each person sent it), triaged once, shown once on /staff (`message:created`), and
 * every bot answer and hotline reply reached the fake LINE API exactly once, in order.
 */
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Socket } from 'socket.io-client';
import type { Db } from '../../src/db/client';
import { contacts, conversations, messages, triageRuns } from '../../src/db/schema';
import { fakeLineUserId, startFakeLineApi, type FakeLineApi } from '../fixtures/fake-line-api';
import { postWebhook, textEvent, webhookBody } from '../fixtures/line-events';
import { connectStaffSocket, eventually, startTestApp, type TestApp } from './app';
import type { DbKind } from './databases';

export interface BurstMessage {
  userId: string;
  text: string;
  /** The signed webhook body, sent again unchanged on redelivery (same webhookEventId). */
  body: string;
  replyToken: string;
}

export interface Burst {
  users: string[];
  messages: BurstMessage[];
}

/** `perUser` messages from each of `users` people; reply tokens are issued by the fake LINE API. */
export function planBurst(line: FakeLineApi, opts: { users: number; perUser: number; text?: (user: number, i: number) => string }): Burst {
  const users = Array.from({ length: opts.users }, () => fakeLineUserId());
  const text = opts.text ?? ((u, i) => `相談 ${u}-${i} 生活のことで困っています`);
  const list: BurstMessage[] = [];
  for (let i = 0; i < opts.perUser; i++) {
    for (const [u, userId] of users.entries()) {
      const replyToken = line.issueReplyToken();
      const t = text(u, i);
      list.push({ userId, text: t, replyToken, body: webhookBody([textEvent({ userId, text: t, replyToken })]) });
    }
  }
  return { users, messages: list };
}

/**
 * Sends every message once, each person's in their order, people in parallel (as LINE does:
 * one person's events in sequence). Returns the messages that got no 200 — LINE redelivers those.
 * `url` is read on each request so a test can move the API (restart on the same port).
 */
export async function sendBurst(url: () => string, secret: string, list: BurstMessage[], opts: { gapMs?: number } = {}): Promise<BurstMessage[]> {
  const unanswered: BurstMessage[] = [];
  const byUser = new Map<string, BurstMessage[]>();
  for (const m of list) byUser.set(m.userId, [...(byUser.get(m.userId) ?? []), m]);
  await Promise.all(
    [...byUser.values()].map(async (mine) => {
      for (const m of mine) {
        const ok = await postWebhook(url(), m.body, secret)
          .then((res) => res.status === 200)
          .catch(() => false);
        if (!ok) unanswered.push(m);
        if (opts.gapMs) await new Promise((r) => setTimeout(r, opts.gapMs));
      }
    }),
  );
  return unanswered;
}

/** LINE's redelivery: sends again what got no 200 until everything did (in the original order). */
export async function redeliverUntilAccepted(url: () => string, secret: string, burst: Burst, unanswered: BurstMessage[], timeoutMs = 60_000): Promise<number> {
  let left = burst.messages.filter((m) => unanswered.includes(m));
  let redeliveries = 0;
  const end = Date.now() + timeoutMs;
  while (left.length) {
    if (Date.now() > end) throw new Error(`${left.length} webhook(s) still refused after ${timeoutMs} ms`);
    redeliveries += left.length;
    const still = await sendBurst(url, secret, left);
    left = left.filter((m) => still.includes(m));
    if (left.length) await new Promise((r) => setTimeout(r, 500));
  }
  return redeliveries;
}

/** Counts `message:created` per message id on a staff socket (reattach after a reconnect). */
export function watchShown(socket: Socket, shown = new Map<string, number>()): Map<string, number> {
  socket.on('message:created', (p: { messages: { id: string }[] }) => {
    for (const m of p.messages) shown.set(m.id, (shown.get(m.id) ?? 0) + 1);
  });
  return shown;
}

/** Texts LINE accepted (status 200) for `userId`, in arrival order: pushes by `to`, replies by token. */
export function deliveredTo(line: FakeLineApi, burst: Burst, userId: string): string[] {
  const tokens = new Set(burst.messages.filter((m) => m.userId === userId).map((m) => m.replyToken));
  return line
    .delivered()
    .filter((c) => c.body?.to === userId || tokens.has(c.body?.replyToken))
    .flatMap((c) => c.body.messages.map((x: { text?: string }) => x.text ?? `(${(x as { type: string }).type})`));
}

async function rowsOf(db: Db, burst: Burst) {
  const inbound = await db.select().from(messages).where(inArray(messages.text, burst.messages.map((m) => m.text)));
  const conversationIds = [...new Set(inbound.map((m) => m.conversationId))];
  const all = conversationIds.length ? await db.select().from(messages).where(inArray(messages.conversationId, conversationIds)) : [];
  return { inbound: inbound.filter((m) => m.direction === 'in'), all: all.sort((a, b) => a.seq - b.seq) };
}

/**
 * Waits until the burst is fully worked off (every message triaged and handled by the bot, every
 * answer sent), then checks nothing is missing or doubled. `shown` (from watchShown) is checked
 * when given; a test whose API process died passes `shownAtMostOnce` instead (events emitted by the
 * dead process were never seen, and the inbox reloads the list on reconnect).
 */
export async function expectBurstExactlyOnce(opts: {
  db: Db;
  line: FakeLineApi;
  burst: Burst;
  shown?: Map<string, number>;
  shownAtMostOnce?: Map<string, number>;
  timeoutMs?: number;
}): Promise<void> {
  const { db, line, burst } = opts;
  await eventually(async () => {
    const { inbound, all } = await rowsOf(db, burst);
    return (
      inbound.length >= burst.messages.length &&
      inbound.every((m) => m.triagedAt && m.dialoguedAt) &&
      all.filter((m) => m.direction === 'out').every((m) => m.deliveryState === 'sent' || m.deliveryState === 'unclear')
    );
  }, opts.timeoutMs ?? 60_000, 250);
  // A little longer: a duplicate delivery or a late second row would show up now.
  await new Promise((r) => setTimeout(r, 1500));
  const { inbound, all } = await rowsOf(db, burst);

  // Stored once, each person's messages in the order they sent them.
  expect(inbound).toHaveLength(burst.messages.length);
  for (const userId of burst.users) {
    const sent = burst.messages.filter((m) => m.userId === userId).map((m) => m.text);
    const conversationId = inbound.find((m) => m.text === sent[0])!.conversationId;
    expect(all.filter((m) => m.conversationId === conversationId && m.direction === 'in').map((m) => m.text)).toEqual(sent);
  }

  // Triaged once: one run per message (the primary key allows no second), none missing.
  const runs = await db.select().from(triageRuns).where(inArray(triageRuns.messageId, inbound.map((m) => m.id)));
  expect(runs).toHaveLength(inbound.length);

  // Shown once on /staff.
  if (opts.shown) expect(inbound.filter((m) => opts.shown!.get(m.id) !== 1).map((m) => [m.text, opts.shown!.get(m.id) ?? 0])).toEqual([]);
  if (opts.shownAtMostOnce) expect(inbound.filter((m) => (opts.shownAtMostOnce!.get(m.id) ?? 0) > 1).map((m) => m.text)).toEqual([]);

  // Every answer reached LINE exactly once, in the order it was written. An 'unclear' one (a reply
  // under way when its worker died: LINE may or may not have it, staff decide) is never sent again,
  // so it is there at most once.
  for (const userId of burst.users) {
    const conversationId = inbound.find((m) => m.text === burst.messages.find((x) => x.userId === userId)!.text)!.conversationId;
    const outbound = all.filter((m) => m.conversationId === conversationId && m.direction === 'out');
    const delivered = deliveredTo(line, burst, userId);
    // LINE's record must be the stored answers in order, each sent one there and an unclear one
    // there or not. Not matched greedily: the bot can say the same words in two turns (asking
    // again), and an unclear answer must not take the place of a later sent one with its words.
    if (!deliveredInOrder(outbound, delivered)) {
      expect({ delivered, stored: outbound.map((m) => `${m.deliveryState}: ${m.text}`) }).toEqual({ delivered: outbound.filter((m) => m.deliveryState !== 'unclear').map((m) => m.text), stored: '(every sent answer delivered once, in order)' });
    }
  }
}

/** Whether `delivered` is `stored` in order with none, some or all of its unclear answers left out. */
export function deliveredInOrder(stored: Array<{ text: string; deliveryState: string | null }>, delivered: string[]): boolean {
  const seen = new Map<string, boolean>();
  const from = (i: number, k: number): boolean => {
    if (i === stored.length) return k === delivered.length;
    const key = `${i}:${k}`;
    if (!seen.has(key)) {
      const m = stored[i];
      seen.set(key, (k < delivered.length && delivered[k] === m.text && from(i + 1, k + 1)) || (m.deliveryState === 'unclear' && from(i + 1, k)));
    }
    return seen.get(key)!;
  };
  return from(0, 0);
}

/**
 * A tsunagu in this process with LINE configured against a fake LINE API and a signed-in staff
 * socket, started before the file's tests and stopped after them (the shared setup of the fault
 * suites that need nothing more). Read the parts through the returned object once tests run.
 */
export function lineAppForFaults(db: DbKind, secret: string, env: Record<string, string> = {}): { app: TestApp; line: FakeLineApi; socket: Socket } {
  const parts = {} as { app: TestApp; line: FakeLineApi; socket: Socket };
  const token = `${secret}-token`;
  beforeAll(async () => {
    parts.line = await startFakeLineApi({ channelAccessToken: token });
    parts.app = await startTestApp({ db, env: { LINE_CHANNEL_SECRET: secret, LINE_CHANNEL_ACCESS_TOKEN: token, LINE_API_BASE_URL: parts.line.url, ...env } });
    parts.socket = await connectStaffSocket(parts.app);
  });
  afterAll(async () => {
    parts.socket?.disconnect();
    await parts.app?.close();
    await parts.line?.close();
  });
  return parts;
}

/** The inbound messages of these LINE users, with when each was stored, triaged and taken by the dialogue. */
export function inboundOf(db: Db, userIds: string[]) {
  return db
    .select({ id: messages.id, conversationId: messages.conversationId, userId: contacts.externalId, createdAt: messages.createdAt, triagedAt: messages.triagedAt, dialoguedAt: messages.dialoguedAt })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .where(and(inArray(contacts.externalId, userIds), eq(messages.direction, 'in')));
}

/**
 * Returning people with a backlog: `users` people each write once and are answered (their first
 * dialogue turn taken), then write `perUser` more each. Resolves once the second burst is sent;
 * the caller waits for whichever queue it watches to start moving.
 */
export async function returningBacklog(parts: { app: TestApp; line: FakeLineApi }, secret: string, opts: { users: number; perUser: number }): Promise<Burst> {
  const { app, line } = parts;
  const first = planBurst(line, { users: opts.users, perUser: 1 });
  expect(await sendBurst(() => app.url, secret, first.messages)).toEqual([]);
  await eventually(async () => {
    const rows = await inboundOf(app.runtime.ctx.db, first.users);
    return rows.length === opts.users && rows.every((r) => r.dialoguedAt);
  }, 60_000);
  const burst = first.users.flatMap((userId, u) =>
    Array.from({ length: opts.perUser }, (_, i) => {
      const text = `続きです ${u}-${i} 生活のことで困っています`;
      const replyToken = line.issueReplyToken();
      return { userId, text, replyToken, body: webhookBody([textEvent({ userId, text, replyToken })]) };
    }),
  );
  expect(await sendBurst(() => app.url, secret, burst)).toEqual([]);
  return { users: first.users, messages: burst };
}

type InboundRow = Awaited<ReturnType<typeof inboundOf>>[number];
type Step = 'triagedAt' | 'dialoguedAt';

/** Waits until the first of these messages has passed `step` (a backlog has started to move). */
export async function untilMoving(db: Db, texts: string[], step: Step): Promise<void> {
  const done = step === 'triagedAt' ? messages.triagedAt : messages.dialoguedAt;
  await eventually(async () => (await db.select({ id: messages.id }).from(messages).where(and(inArray(messages.text, texts), isNotNull(done)))).length > 0, 30_000, 20);
}

/** The one inbound message of this LINE user, once it has passed `step`. */
export async function oneInbound(db: Db, userId: string, step: Step): Promise<InboundRow> {
  const [row] = await eventually(async () => {
    const rows = await inboundOf(db, [userId]);
    return rows[0]?.[step] ? rows : null;
  }, 60_000);
  return row;
}

/**
 * `mine` jumped the queue at `step`: of the other messages that passed it after `mine` was
 * stored (there must be a queue to jump: at least 8), fewer than half passed it before `mine` did.
 */
export function expectJumpedQueue(others: InboundRow[], mine: InboundRow, step: Step): void {
  const later = others.filter((r) => r[step]! > mine.createdAt);
  const ahead = later.filter((r) => r[step]! < mine[step]!).length;
  expect(later.length).toBeGreaterThanOrEqual(8);
  expect(`${ahead} of ${later.length}`).toBe(ahead < later.length / 2 ? `${ahead} of ${later.length}` : `fewer than half of ${later.length}`);
}
