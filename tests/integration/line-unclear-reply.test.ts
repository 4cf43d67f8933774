/**
 * One rule for a LINE reply whose outcome is unclear (issue 8 item 7): the same batch is never
 * pushed after it; the messages become `unclear` for staff, who may send them again. Both ways it
 * happens, against the fake LINE API that takes the reply at once and answers late: the client
 * gives up waiting (LINE_TIMEOUT_MS), and the worker process dies during the reply and restarts.
 */
import type { ChildProcess } from 'node:child_process';
import { and, eq } from 'drizzle-orm';
import { conversations, messages } from '../../src/db/schema';
import { ALWAYS_STAFFED, eventually, newPrefix, staffFetch, startTestApp, type TestApp } from '../helpers/app';
import { createTestDatabase, testDatabases } from '../helpers/databases';
import { startTsunagu, stopProcess } from '../helpers/processes';
import { fakeLineUserId, startFakeLineApi, type FakeLineApi } from '../fixtures/fake-line-api';
import { postWebhook, textEvent, webhookBody } from '../fixtures/line-events';

const SECRET = 'unclear-secret';
const TOKEN = 'unclear-token';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The person writes; the bot's answer goes by the event's reply token. Returns the bot's batch once it settles. */
async function writeAndAwaitBatch(app: TestApp, line: FakeLineApi, userId: string) {
  const replyToken = line.issueReplyToken();
  expect((await postWebhook(app.url, webhookBody([textEvent({ userId, text: '生活費のことで相談があります', replyToken })]), SECRET)).status).toBe(200);
  const { db } = app.runtime.ctx;
  const bot = await eventually(async () => {
    const rows = await db
      .select({ id: messages.id, state: messages.deliveryState, error: messages.deliveryError, text: messages.text, conversationId: messages.conversationId })
      .from(messages)
      .innerJoin(conversations, eq(conversations.id, messages.conversationId))
      .where(and(eq(messages.direction, 'out'), eq(messages.authorType, 'bot')));
    const mine = rows.filter((r) => line.calls.some((c) => c.body?.replyToken === replyToken && c.body.messages.some((m: { text: string }) => m.text === r.text)));
    return mine.length > 0 && mine.every((r) => r.state === 'unclear') ? mine : null;
  }, 60_000);
  return { bot, replyToken };
}

function expectNoPushTo(line: FakeLineApi, userId: string) {
  expect(line.calls.filter((c) => c.path === '/v2/bot/message/push' && c.body?.to === userId)).toEqual([]);
}

describe.each(testDatabases())('an unclear LINE reply (%s)', (db) => {
  let line: FakeLineApi;
  let app: TestApp;

  beforeAll(async () => {
    line = await startFakeLineApi({ channelAccessToken: TOKEN });
    app = await startTestApp({ db, env: { LINE_CHANNEL_SECRET: SECRET, LINE_CHANNEL_ACCESS_TOKEN: TOKEN, LINE_API_BASE_URL: line.url, LINE_TIMEOUT_MS: '300' } });
  });
  afterAll(async () => {
    await app?.close();
    await line?.close();
  });

  test('the reply timed out: no push of the same batch, the batch is unclear for staff, and staff can send it again', async () => {
    const userId = fakeLineUserId();
    line.answerLate(1500);
    const { bot, replyToken } = await writeAndAwaitBatch(app, line, userId);
    expect(line.delivered().filter((c) => c.body?.replyToken === replyToken)).toHaveLength(1); // it did arrive
    expect(bot.every((b) => b.error === 'reply_unclear')).toBe(true);
    await sleep(3000); // longer than the deliver backoff and a sweep: nothing follows by itself
    expectNoPushTo(line, userId);

    // Staff checked with the person and decide to send it again: now by push, once.
    const res = await staffFetch(app, `/api/messages/${bot[0].id}/retry`, { method: 'POST' });
    expect(res.status).toBeLessThan(300);
    await eventually(async () => line.delivered().find((c) => c.path === '/v2/bot/message/push' && c.body?.to === userId), 15_000);
    // the fake logs the push before its answer reaches the worker, which then marks the row sent
    await eventually(async () => {
      const [after] = await app.runtime.ctx.db.select().from(messages).where(eq(messages.id, bot[0].id));
      return after.deliveryState === 'sent';
    }, 15_000);
  }, 90_000);
});

const pgOnly = testDatabases().includes('postgres') ? describe : describe.skip;

pgOnly('an unclear LINE reply: the worker dies during it (Postgres, separate API and worker processes)', () => {
  let line: FakeLineApi;
  let api: TestApp;
  let workers: (ChildProcess & { output: () => string }) | undefined;
  let database: { url: string; drop(): Promise<void> };
  let workerEnv: Record<string, string>;

  beforeAll(async () => {
    line = await startFakeLineApi({ channelAccessToken: TOKEN });
    database = await createTestDatabase();
    const prefix = newPrefix();
    const env = { LINE_CHANNEL_SECRET: SECRET, LINE_CHANNEL_ACCESS_TOKEN: TOKEN, LINE_API_BASE_URL: line.url, JOB_LOCK_SECONDS: '2' };
    api = await startTestApp({ databaseUrl: database.url, role: 'api', queuePrefix: prefix, env });
    workerEnv = { ...env, MUNICIPALITY_FILE: ALWAYS_STAFFED, DATABASE_URL: database.url, QUEUE_PREFIX: prefix, REDIS_AUTOSTART: 'false', SWEEP_INTERVAL_SECONDS: '1', NODE_ENV: 'test' };
    workers = await startTsunagu(workerEnv, ['--role=workers']);
  }, 90_000);
  afterAll(async () => {
    if (workers) await stopProcess(workers);
    await api?.close();
    await database?.drop();
    await line?.close();
  });

  test('LINE took the reply, the worker died before the answer; after restart the batch is unclear, never pushed', async () => {
    const userId = fakeLineUserId();
    line.answerLate(60_000); // taken at once, answered never (within this test)
    const replyToken = line.issueReplyToken();
    expect((await postWebhook(api.url, webhookBody([textEvent({ userId, text: '生活費のことで相談があります', replyToken })]), SECRET)).status).toBe(200);
    await eventually(async () => line.delivered().find((c) => c.body?.replyToken === replyToken), 60_000);
    await stopProcess(workers!, 'SIGKILL');
    workers = await startTsunagu(workerEnv, ['--role=workers']);

    const { db } = api.runtime.ctx;
    const bot = await eventually(async () => {
      const rows = await db.select().from(messages).where(and(eq(messages.direction, 'out'), eq(messages.authorType, 'bot')));
      return rows.length > 0 && rows.every((r) => r.deliveryState === 'unclear') ? rows : null;
    }, 60_000);
    expect(bot.every((b) => b.deliveryError === 'reply_unclear')).toBe(true);
    await sleep(3000);
    expectNoPushTo(line, userId);
  }, 150_000);
});
