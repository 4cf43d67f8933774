/**
 * Postgres ends connections while people are writing (issue 8 item 3): 20 widget senders and 5
 * LINE users post while an administrator terminates every backend of the database, seven times.
 * The tsunagu process (a real child process, as in production) stays up, and every message a
 * client sent is stored exactly once: a request that failed is sent again, as the widget outbox
 * and LINE's redelivery do, and the retry inside intake.accept() hides most failures.
 */
import { randomUUID } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { Client } from 'pg';
import { createTestDatabase, testDatabases } from '../helpers/databases';
import { freePort, startTsunagu, stopProcess } from '../helpers/processes';
import { ALWAYS_STAFFED, newPrefix } from '../helpers/app';
import { openWidgetSession } from '../helpers/widget';
import { startFakeLineApi, fakeLineUserId, type FakeLineApi } from '../fixtures/fake-line-api';
import { postWebhook, textEvent, webhookBody } from '../fixtures/line-events';

const pgOnly = testDatabases().includes('postgres') ? describe : describe.skip;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Sends until the server says it is stored (a refused or dropped request is sent again), while it runs. */
async function untilStored(server: ChildProcess, send: () => Promise<Response>, ok: number): Promise<number> {
  let last: number | string = '';
  for (let failures = 0; failures < 100; failures++) {
    if (server.exitCode !== null || server.signalCode !== null) throw new Error('tsunagu exited during the traffic');
    const res = await send().catch((e: Error) => e.name);
    if (typeof res !== 'string' && res.status === ok) return failures;
    last = typeof res === 'string' ? res : res.status;
    await sleep(100);
  }
  throw new Error(`a message was refused 100 times (last: ${last})`);
}

pgOnly('Postgres backends terminated during traffic (child process, Postgres)', () => {
  const SECRET = 'terminate-secret';
  const TOKEN = 'terminate-token';
  let line: FakeLineApi;
  let database: { url: string; drop(): Promise<void> };
  let server: (ChildProcess & { output: () => string }) | undefined;
  let url = '';

  beforeAll(async () => {
    line = await startFakeLineApi({ channelAccessToken: TOKEN });
    database = await createTestDatabase();
    const port = await freePort();
    server = await startTsunagu({
      DATABASE_URL: database.url,
      PORT: String(port),
      HOST: '127.0.0.1',
      QUEUE_PREFIX: newPrefix(),
      REDIS_AUTOSTART: 'false',
      NODE_ENV: 'test',
      MUNICIPALITY_FILE: ALWAYS_STAFFED,
      LINE_CHANNEL_SECRET: SECRET,
      LINE_CHANNEL_ACCESS_TOKEN: TOKEN,
      LINE_API_BASE_URL: line.url,
      WIDGET_RATE_LIMIT_PER_MINUTE: '1000', // 20 senders share one address here
    });
    url = `http://127.0.0.1:${port}`;
  }, 90_000);
  afterAll(async () => {
    if (server) await stopProcess(server);
    await database?.drop();
    await line?.close();
  });

  test('the process stays up and every message sent is stored exactly once', async () => {
    const sessions = await Promise.all(Array.from({ length: 20 }, () => openWidgetSession(url)));
    const lineUsers = Array.from({ length: 5 }, () => fakeLineUserId());
    const perSender = 8;
    let failedRequests = 0;

    const widgetTraffic = sessions.map(async (s, i) => {
      for (let n = 0; n < perSender; n++) {
        const body = JSON.stringify({ text: `ウィジェット${i}-${n}`, clientMessageId: randomUUID() });
        failedRequests += await untilStored(
          server!,
          () => fetch(`${url}/api/widget/messages`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${s.sessionToken}` }, body }),
          202,
        );
      }
    });
    const lineTraffic = lineUsers.map(async (userId, i) => {
      for (let n = 0; n < perSender; n++) {
        const body = webhookBody([textEvent({ userId, text: `LINE${i}-${n}` })]);
        failedRequests += await untilStored(server!, () => postWebhook(url, body, SECRET), 200);
      }
    });

    const admin = new Client({ connectionString: database.url });
    admin.on('error', () => {}); // it never ends itself, but a stray error must not end the test
    await admin.connect();
    let terminated = 0;
    const terminations = (async () => {
      for (let round = 0; round < 7; round++) {
        await sleep(150);
        const r = await admin.query('select count(*)::int as n from (select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()) t');
        terminated += r.rows[0].n;
      }
    })();

    await Promise.all([...widgetTraffic, ...lineTraffic, terminations]);
    expect(terminated).toBeGreaterThan(7); // connections in use were really ended, round after round
    expect(server!.exitCode).toBeNull();
    expect(server!.signalCode).toBeNull();
    expect(server!.output()).not.toMatch(/Unhandled 'error' event|uncaughtException/);
    expect((await fetch(`${url}/readyz`)).status).toBe(200);

    const stored = await admin.query(`select text, count(*)::int as n from messages where direction = 'in' group by text`);
    await admin.end();
    const expected = [
      ...sessions.flatMap((_, i) => Array.from({ length: perSender }, (_, n) => `ウィジェット${i}-${n}`)),
      ...lineUsers.flatMap((_, i) => Array.from({ length: perSender }, (_, n) => `LINE${i}-${n}`)),
    ];
    expect(stored.rows.map((r) => r.text).sort()).toEqual(expected.sort());
    expect(stored.rows.every((r) => r.n === 1)).toBe(true);
    // For the record: how many requests the clients had to send again.
    console.log(`terminated ${terminated} backends; ${failedRequests} of ${expected.length} sends were refused once and sent again`);
  }, 120_000);
});
