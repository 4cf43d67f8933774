/**
 * Fault: Redis (a redis-server of the test's own, no persistence) dies in the middle of a burst
 * and comes back empty — every queued job is gone. The webhook keeps saying 200 (the database
 * holds each message before the answer), and the sweeper refills the queues from the database:
 * every message triaged once and answered exactly once.
 *
 * Staff events travel over Redis pub/sub, so those published while Redis is down are not seen
 * live (the inbox reloads the list when it reconnects); none may be shown twice.
 */
import type { ChildProcess } from 'node:child_process';
import type { Socket } from 'socket.io-client';
import { connectStaffSocket, startTestApp, type TestApp } from '../../helpers/app';
import { testDatabases } from '../../helpers/databases';
import { expectBurstExactlyOnce, planBurst, sendBurst, watchShown } from '../../helpers/burst';
import { freePort, startRedis, stopProcess } from '../../helpers/processes';
import { startFakeLineApi, type FakeLineApi } from '../../fixtures/fake-line-api';

const SECRET = 'fault-redis-secret';
const TOKEN = 'fault-redis-token';

describe.each(testDatabases())('Redis restarted empty mid-burst (%s)', (db) => {
  let app: TestApp;
  let line: FakeLineApi;
  let socket: Socket;
  let redis: ChildProcess;
  let port: number;

  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port);
    line = await startFakeLineApi({ channelAccessToken: TOKEN });
    app = await startTestApp({ db, env: { REDIS_URL: `redis://127.0.0.1:${port}`, LINE_CHANNEL_SECRET: SECRET, LINE_CHANNEL_ACCESS_TOKEN: TOKEN, LINE_API_BASE_URL: line.url } });
    socket = await connectStaffSocket(app);
  });
  afterAll(async () => {
    socket?.disconnect();
    await app?.close();
    if (redis) await stopProcess(redis);
    await line?.close();
  });

  test('the sweeper refills the queues: every message triaged and answered exactly once', async () => {
    const burst = planBurst(line, { users: 5, perUser: 4 });
    const shown = watchShown(socket);
    line.answerAfter(100); // answers still in the queues when Redis dies
    const first = burst.messages.slice(0, 10);
    const rest = burst.messages.slice(10);
    const sending = sendBurst(() => app.url, SECRET, first);
    await new Promise((r) => setTimeout(r, 150));
    await stopProcess(redis, 'SIGKILL');
    const refused = await sending; // each person's messages in order: the next ones wait for these
    refused.push(...(await sendBurst(() => app.url, SECRET, rest.slice(0, 5))));
    redis = await startRedis(port); // empty
    refused.push(...(await sendBurst(() => app.url, SECRET, rest.slice(5))));
    // Durable before the answer: Redis being away is no reason to refuse (or to make LINE resend).
    expect(refused).toEqual([]);

    await expectBurstExactlyOnce({ db: app.runtime.ctx.db, line, burst, shownAtMostOnce: shown, timeoutMs: 90_000 });
  }, 150_000);
});
