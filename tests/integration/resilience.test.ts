/**
 * Nothing lost, nothing twice, in order — proven by killing things: Redis restarted without
 * persistence (the sweeper refills the queues from the database), and the worker process
 * killed with SIGKILL mid-work and restarted (LINE answers still arrive once each, in order).
 */
import { randomUUID } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { eq, inArray } from 'drizzle-orm';
import { messages, triageRuns } from '../../src/db/schema';
import { ALWAYS_STAFFED, connectStaffSocket, eventually, newPrefix, staffFetch, startTestApp, waitForConversationChange, waitForEvent, type TestApp } from '../helpers/app';
import { createTestDatabase, testDatabases } from '../helpers/databases';
import { freePort, startRedis, startTsunagu, stopProcess } from '../helpers/processes';
import { fakeLineUserId, startFakeLineApi, type FakeLineApi } from '../fixtures/fake-line-api';
import { postWebhook, textEvent, webhookBody } from '../fixtures/line-events';
import { openWidgetSession } from '../helpers/widget';
import type { MessagesEventPayload } from '../../src/contracts/socket-events';


describe.each(testDatabases())('Redis restarted without persistence (%s)', (db) => {
  let redis: ChildProcess;
  let app: TestApp;
  let port: number;

  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port);
    app = await startTestApp({ db, env: { REDIS_URL: `redis://127.0.0.1:${port}` } });
  });
  afterAll(async () => {
    await app?.close();
    if (redis) await stopProcess(redis);
  });

  test('a message accepted while Redis is down is triaged after it returns; a reply is still delivered', async () => {
    const { sessionToken, conversationId } = await openWidgetSession(app.url);
    await stopProcess(redis);

    const res = await fetch(`${app.url}/api/widget/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${sessionToken}` },
      body: JSON.stringify({ text: '家賃が払えず困っています', clientMessageId: randomUUID() }),
    });
    expect(res.status).toBe(202); // durable in the database; the queue is not needed to say yes
    const { messageId } = await res.json();

    redis = await startRedis(port); // empty: every job that was in Redis is gone
    await eventually(async () => (await app.runtime.ctx.db.select().from(triageRuns).where(eq(triageRuns.messageId, messageId)))[0], 30_000);

    const reply = await staffFetch(app, `/api/conversations/${conversationId}/replies`, { method: 'POST', body: JSON.stringify({ text: 'ご相談ありがとうございます。' }) });
    const replyId = (await reply.json()).messageId;
    await eventually(async () => (await app.runtime.ctx.db.select().from(messages).where(eq(messages.id, replyId)))[0]?.deliveryState === 'sent', 30_000);
  });
});

const pgOnly = testDatabases().includes('postgres') ? describe : describe.skip;

pgOnly('worker process killed mid-work and restarted (Postgres, separate API and worker processes)', () => {
  const SECRET = 'resilience-secret';
  const TOKEN = 'resilience-token';
  let line: FakeLineApi;
  let api: TestApp;
  let workers: (ChildProcess & { output: () => string }) | undefined;
  let database: { url: string; drop(): Promise<void> };
  const prefix = newPrefix();
  let workerEnv: Record<string, string>;

  beforeAll(async () => {
    line = await startFakeLineApi({ channelAccessToken: TOKEN });
    database = await createTestDatabase();
    const env = { LINE_CHANNEL_SECRET: SECRET, LINE_CHANNEL_ACCESS_TOKEN: TOKEN, LINE_API_BASE_URL: line.url, JOB_LOCK_SECONDS: '2' };
    api = await startTestApp({ databaseUrl: database.url, role: 'api', queuePrefix: prefix, env });
    workerEnv = { ...env, MUNICIPALITY_FILE: ALWAYS_STAFFED, DATABASE_URL: database.url, QUEUE_PREFIX: prefix, REDIS_AUTOSTART: 'false', SWEEP_INTERVAL_SECONDS: '1', NODE_ENV: 'test' };
  });
  afterAll(async () => {
    if (workers) await stopProcess(workers);
    await api?.close();
    await database?.drop();
    await line?.close();
  });

  test('every answer reaches LINE exactly once and in order; worker events reach the staff socket across processes', async () => {
    const staffSocket = await connectStaffSocket(api);
    try {
      workers = await startTsunagu(workerEnv, ['--role=workers']);
      const users = [fakeLineUserId(), fakeLineUserId(), fakeLineUserId()];
      const conversationIds: string[] = [];
      for (const userId of users) {
        const created = waitForEvent<MessagesEventPayload>(staffSocket, 'message:created', (p) => p.messages.some((m) => m.text === `${userId} より`));
        // Triage labels come from the worker process, through Redis, to this API's socket.
        const stored = await postWebhook(api.url, webhookBody([textEvent({ userId, text: `${userId} より`, replyToken: 'x'.repeat(32), timestamp: Date.now() - 600_000 })]), SECRET);
        expect(stored.status).toBe(200);
        const { conversationId } = await created;
        await waitForConversationChange(staffSocket, (c) => c.conversation.id === conversationId && c.conversation.triage !== null);
        conversationIds.push(conversationId);
      }

      // Five answers per person, then the worker dies (SIGKILL: no cleanup) while delivering.
      const answers = new Map<string, string[]>();
      line.failNext(503, 4); // some first attempts fail and are waiting for their retry
      for (const [i, conversationId] of conversationIds.entries()) {
        const texts = [1, 2, 3, 4, 5].map((n) => `回答${n}`);
        answers.set(users[i], texts);
        for (const text of texts) {
          const res = await staffFetch(api, `/api/conversations/${conversationId}/replies`, { method: 'POST', body: JSON.stringify({ text }) });
          expect(res.status).toBe(202);
        }
      }
      await stopProcess(workers, 'SIGKILL');
      workers = await startTsunagu(workerEnv, ['--role=workers']);

      const outbound = () =>
        api.runtime.ctx.db.select().from(messages).where(inArray(messages.conversationId, conversationIds));
      await eventually(async () => {
        const rows = (await outbound()).filter((m) => m.direction === 'out');
        return rows.filter((m) => m.authorType === 'staff').length === 15 && rows.every((m) => m.deliveryState === 'sent');
      }, 60_000);

      for (const userId of users) {
        const delivered = line.delivered().filter((c) => c.body?.to === userId);
        // Several waiting answers may share one call (up to 5): what matters is each arrives once, in order.
        const texts = delivered.flatMap((c) => c.body.messages.map((x: { text: string }) => x.text));
        expect(texts.filter((t: string) => t.startsWith('回答'))).toEqual(answers.get(userId));
      }
      const keys = line.delivered().map((c) => c.retryKey);
      expect(new Set(keys).size).toBe(keys.length);
    } finally {
      staffSocket.disconnect();
    }
  });
});

pgOnly('Postgres ends the connections (a server restart, an administrator terminating backends)', () => {
  let app: TestApp;
  const logged: string[] = [];

  beforeAll(async () => {
    app = await startTestApp({ db: 'postgres', env: { LOG_LEVEL: 'warn' }, logDestination: { write: (line) => void logged.push(line) } });
  });
  afterAll(async () => {
    await app?.close();
  });

  test('the process stays up, says so in the log, and the next message is stored', async () => {
    const before = await openWidgetSession(app.url); // leaves idle pooled connections behind
    const { Client } = await import('pg');
    const admin = new Client({ connectionString: app.config.DATABASE_URL });
    await admin.connect();
    const ended = await admin.query('select count(*)::int as n from (select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()) t');
    await admin.end();
    expect(ended.rows[0].n).toBeGreaterThan(0);

    await eventually(async () => logged.some((l) => l.includes('database connection lost')), 10_000);
    const res = await fetch(`${app.url}/api/widget/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${before.sessionToken}` },
      body: JSON.stringify({ text: '接続が切れた後の相談です', clientMessageId: randomUUID() }),
    });
    expect(res.status).toBe(202);
    const ready = await fetch(`${app.url}/readyz`);
    expect(ready.status).toBe(200);
  });
});
