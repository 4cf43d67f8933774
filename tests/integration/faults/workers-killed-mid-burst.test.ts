/**
 * Fault: the workers process SIGKILLed in the middle of a burst of LINE messages and started
 * again (Postgres; API in this process, workers a real child). resilience.test.ts covers staff
 * answers (push with a retry key); this covers the inbound side: triage, the bot's dialogue and
 * its answers on reply tokens, some of them in flight at the kill — each once.
 */
import type { ChildProcess } from 'node:child_process';
import { eq } from 'drizzle-orm';
import { messages } from '../../../src/db/schema';
import type { Socket } from 'socket.io-client';
import { ALWAYS_STAFFED, connectStaffSocket, eventually, newPrefix, startTestApp, type TestApp } from '../../helpers/app';
import { createTestDatabase, testDatabases } from '../../helpers/databases';
import { expectBurstExactlyOnce, planBurst, sendBurst, watchShown } from '../../helpers/burst';
import { startTsunagu, stopProcess } from '../../helpers/processes';
import { startFakeLineApi, type FakeLineApi } from '../../fixtures/fake-line-api';

const SECRET = 'fault-workers-secret';
const TOKEN = 'fault-workers-token';
const pgOnly = testDatabases().includes('postgres') ? describe : describe.skip;

pgOnly('the workers process killed mid-burst and restarted (Postgres)', () => {
  let line: FakeLineApi;
  let api: TestApp;
  let workers: (ChildProcess & { output: () => string }) | undefined;
  let database: { url: string; drop(): Promise<void> };
  let workerEnv: Record<string, string>;
  let socket: Socket;

  beforeAll(async () => {
    line = await startFakeLineApi({ channelAccessToken: TOKEN });
    database = await createTestDatabase();
    const prefix = newPrefix();
    const env = { LINE_CHANNEL_SECRET: SECRET, LINE_CHANNEL_ACCESS_TOKEN: TOKEN, LINE_API_BASE_URL: line.url, JOB_LOCK_SECONDS: '2' };
    api = await startTestApp({ databaseUrl: database.url, role: 'api', queuePrefix: prefix, env });
    workerEnv = { ...env, MUNICIPALITY_FILE: ALWAYS_STAFFED, DATABASE_URL: database.url, QUEUE_PREFIX: prefix, REDIS_AUTOSTART: 'false', SWEEP_INTERVAL_SECONDS: '1', NODE_ENV: 'test' };
    socket = await connectStaffSocket(api);
  });
  afterAll(async () => {
    socket?.disconnect();
    if (workers) await stopProcess(workers);
    await api?.close();
    await database?.drop();
    await line?.close();
  });

  // Failed before pipeline's 49c5d91: the reply LINE accepted while the worker died was sent again
  // by push after the restart (the retry found its token claimed and fell back to push).
  test('reply in flight at the kill is not pushed again: triage, dialogue and bot answers happen once each', async () => {
    workers = await startTsunagu(workerEnv, ['--role=workers']);
    const burst = planBurst(line, { users: 6, perUser: 4 });
    const shown = watchShown(socket);
    // A bot answer on a reply token is in flight when the process dies: LINE accepts it
    // (the person has it) but the worker never hears so.
    line.answerAfter(1500);
    const sending = sendBurst(() => api.url, SECRET, burst.messages, { gapMs: 50 });
    await eventually(async () => line.received() >= 1, 30_000, 10);
    await stopProcess(workers, 'SIGKILL');
    expect(await sending).toEqual([]); // the API stays up: every webhook answered 200
    line.answerAfter(0);
    await new Promise((r) => setTimeout(r, 1600)); // the answer in flight arrives at LINE
    expect(line.delivered().filter((c) => c.path === '/v2/bot/message/reply').length).toBeGreaterThanOrEqual(1);
    workers = await startTsunagu(workerEnv, ['--role=workers']);

    await expectBurstExactlyOnce({ db: api.runtime.ctx.db, line, burst, shown, timeoutMs: 90_000 });
    // The reply under way at the kill is left 'unclear' for staff (LINE has it once), not sent again.
    const unclear = await api.runtime.ctx.db.select({ id: messages.id }).from(messages).where(eq(messages.deliveryState, 'unclear'));
    expect(unclear.length).toBeGreaterThanOrEqual(1);
  }, 150_000);
});
