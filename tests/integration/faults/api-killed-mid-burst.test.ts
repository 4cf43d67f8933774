/**
 * Fault: the API process SIGKILLed in the middle of a burst and started again on the same port
 * (Postgres; the API a real child process, the workers in this one). LINE redelivers every event
 * that got no 200 — same body, same webhookEventId — so what the dead process had stored is found,
 * what it had not is stored now: every message stored, triaged and answered exactly once.
 * Staff events of the dead process were never seen (the inbox reloads on reconnect); none twice.
 */
import type { ChildProcess } from 'node:child_process';
import { io as ioClient, type Socket } from 'socket.io-client';
import { inArray } from 'drizzle-orm';
import { messages } from '../../../src/db/schema';
import { addStaff } from '../../../src/staff/add-staff';
import { DEFAULT_AGENCY_CODE } from '../../../src/agencies/default-agency';
import { ALWAYS_STAFFED, eventually, login, newPrefix, startTestApp, type TestApp } from '../../helpers/app';
import { createTestDatabase, testDatabases } from '../../helpers/databases';
import { expectBurstExactlyOnce, planBurst, redeliverUntilAccepted, sendBurst, watchShown } from '../../helpers/burst';
import { freePort, startTsunagu, stopProcess } from '../../helpers/processes';
import { startFakeLineApi, type FakeLineApi } from '../../fixtures/fake-line-api';

const SECRET = 'fault-api-secret';
const TOKEN = 'fault-api-token';
const pgOnly = testDatabases().includes('postgres') ? describe : describe.skip;

pgOnly('the API process killed mid-burst and restarted (Postgres)', () => {
  let line: FakeLineApi;
  let workers: TestApp;
  let api: (ChildProcess & { output: () => string }) | undefined;
  let database: { url: string; drop(): Promise<void> };
  let apiEnv: Record<string, string>;
  let url: string;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    line = await startFakeLineApi({ channelAccessToken: TOKEN });
    database = await createTestDatabase();
    const prefix = newPrefix();
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    const env = { LINE_CHANNEL_SECRET: SECRET, LINE_CHANNEL_ACCESS_TOKEN: TOKEN, LINE_API_BASE_URL: line.url };
    workers = await startTestApp({ databaseUrl: database.url, role: 'workers', queuePrefix: prefix, env });
    apiEnv = { ...env, PORT: String(port), HOST: '127.0.0.1', MUNICIPALITY_FILE: ALWAYS_STAFFED, DATABASE_URL: database.url, QUEUE_PREFIX: prefix, REDIS_AUTOSTART: 'false', NODE_ENV: 'test', DATA_DIR: 'memory://' };
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    if (api) await stopProcess(api);
    await workers?.close();
    await database?.drop();
    await line?.close();
  });

  async function staffSocket(cookie: string, shown: Map<string, number>): Promise<Socket> {
    const socket = ioClient(`${url}/staff`, { transports: ['websocket'], extraHeaders: { cookie, origin: url }, reconnection: false });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    sockets.push(socket);
    watchShown(socket, shown);
    return socket;
  }

  test('LINE redelivers what got no 200; everything stored, triaged and answered exactly once', async () => {
    api = await startTsunagu(apiEnv, ['--role=api'], 'API listening');
    const password = 'correct horse battery staple';
    await addStaff(workers.runtime.ctx.db, { email: 'api-kill@example.jp', name: '相談員', password, role: 'counsellor', agencyCode: DEFAULT_AGENCY_CODE });
    const cookie = await login(url, 'api-kill@example.jp', password);
    const shown = new Map<string, number>();
    await staffSocket(cookie, shown);

    const burst = planBurst(line, { users: 6, perUser: 5 });
    const sending = sendBurst(() => url, SECRET, burst.messages, { gapMs: 50 });
    // Killed once some of the burst is stored, while more is on the wire.
    const stored = async () => (await workers.runtime.ctx.db.select({ id: messages.id }).from(messages).where(inArray(messages.text, burst.messages.map((m) => m.text)))).length;
    await eventually(async () => (await stored()) >= 6, 30_000, 20);
    await stopProcess(api, 'SIGKILL');
    const refused = await sending;
    expect(refused.length).toBeGreaterThan(0); // the kill really came mid-burst

    api = await startTsunagu(apiEnv, ['--role=api'], 'API listening');
    await staffSocket(await login(url, 'api-kill@example.jp', password), shown);
    await redeliverUntilAccepted(() => url, SECRET, burst, refused);

    await expectBurstExactlyOnce({ db: workers.runtime.ctx.db, line, burst, shownAtMostOnce: shown, timeoutMs: 90_000 });
  }, 150_000);
});
