/**
 * Fault: the database unreachable for a while in the middle of a burst (Postgres: the test's own
 * database refuses new connections and its backends are ended). The webhook answers 5xx while
 * it is down — so LINE keeps the event and redelivers it — nothing is half-written, and once
 * the database is back everything redelivered is processed exactly once. Then the app closes
 * (it used to wait forever for pooled clients lost with the outage: close-bounded.test.ts).
 */
import { eq, inArray } from 'drizzle-orm';
import { Client } from 'pg';
import { contacts, conversations } from '../../../src/db/schema';
import type { Socket } from 'socket.io-client';
import { connectStaffSocket, startTestApp, type TestApp } from '../../helpers/app';
import { POSTGRES_ADMIN_URL, testDatabases } from '../../helpers/databases';
import { expectBurstExactlyOnce, planBurst, redeliverUntilAccepted, sendBurst, watchShown } from '../../helpers/burst';
import { startFakeLineApi, type FakeLineApi } from '../../fixtures/fake-line-api';
import { postWebhook } from '../../fixtures/line-events';

const SECRET = 'fault-db-secret';
const TOKEN = 'fault-db-token';
/** Only detects a hang (closing used to wait forever for clients lost with the outage). */
const HANG_BOUND_MS = 30_000;
const pgOnly = testDatabases().includes('postgres') ? describe : describe.skip;

async function admin<T>(sql: string): Promise<T[]> {
  const c = new Client({ connectionString: POSTGRES_ADMIN_URL });
  await c.connect();
  try {
    return (await c.query(sql)).rows as T[];
  } finally {
    await c.end();
  }
}

pgOnly('the database unreachable for a while (Postgres)', () => {
  let app: TestApp;
  let line: FakeLineApi;
  let socket: Socket;
  let name: string;
  let closed = false;

  beforeAll(async () => {
    line = await startFakeLineApi({ channelAccessToken: TOKEN });
    app = await startTestApp({ db: 'postgres', env: { LINE_CHANNEL_SECRET: SECRET, LINE_CHANNEL_ACCESS_TOKEN: TOKEN, LINE_API_BASE_URL: line.url } });
    name = new URL(app.config.DATABASE_URL!).pathname.slice(1);
    socket = await connectStaffSocket(app);
  });
  afterAll(async () => {
    if (name) await admin(`alter database ${name} allow_connections true`).catch(() => {});
    socket?.disconnect();
    if (!closed) await Promise.race([app?.close(), new Promise((r) => setTimeout(r, HANG_BOUND_MS).unref())]);
    await line?.close();
  }, 60_000);

  test('webhook 5xx while down, nothing half-written, all processed once after', async () => {
    const burst = planBurst(line, { users: 5, perUser: 4 });
    const shown = watchShown(socket);
    const before = burst.messages.slice(0, 5);
    const down = burst.messages.slice(5, 15);
    const after = burst.messages.slice(15);
    const refused = await sendBurst(() => app.url, SECRET, before);

    await admin(`alter database ${name} allow_connections false`);
    await admin(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}'`);
    const statuses = await Promise.all(down.slice(0, 5).map((m) => postWebhook(app.url, m.body, SECRET).then((r) => r.status)));
    // Refused with a server error, never a 200 for something not stored (LINE would not resend it).
    expect(statuses.every((s) => s >= 500)).toBe(true);
    refused.push(...down.slice(0, 5));
    // The rest sent while it is still down are refused too (sendBurst returns what got no 200).
    const refusedWhileDown = await sendBurst(() => app.url, SECRET, down.slice(5));
    expect(refusedWhileDown).toHaveLength(down.length - 5);
    refused.push(...refusedWhileDown);

    await admin(`alter database ${name} allow_connections true`);
    // LINE redelivers what got no 200 (same webhookEventId), then the rest of the burst comes.
    await redeliverUntilAccepted(() => app.url, SECRET, burst, refused);
    expect(await sendBurst(() => app.url, SECRET, after)).toEqual([]);

    await expectBurstExactlyOnce({ db: app.runtime.ctx.db, line, burst, shown, timeoutMs: 90_000 });
    // Nothing half-written: one contact and one conversation per person, no empty thread left by a refused event.
    const threads = await app.runtime.ctx.db
      .select({ id: conversations.id })
      .from(conversations)
      .innerJoin(contacts, eq(contacts.id, conversations.contactId))
      .where(inArray(contacts.externalId, burst.users));
    expect(threads).toHaveLength(burst.users.length);
    const ready = await fetch(`${app.url}/readyz`);
    expect(ready.status).toBe(200);
  }, 150_000);

  test('the app closes after the outage', async () => {
    socket.disconnect();
    let timer: NodeJS.Timeout | undefined;
    closed = await Promise.race([app.close().then(() => true), new Promise<false>((r) => (timer = setTimeout(() => r(false), HANG_BOUND_MS)))]);
    clearTimeout(timer);
    expect(closed).toBe(true);
  }, 60_000);
});
