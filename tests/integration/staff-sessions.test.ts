/**
 * Staff sessions end for real: logout, expiry and a disabled account cut the live inbox socket
 * (through the Socket.IO Redis adapter) and the session is dead on the server; login rotates the
 * session, sets strict cookie flags, and is throttled on failures only — per account (a lockout
 * that looks the same for unknown accounts) and per address — shared through Redis.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Socket } from 'socket.io-client';
import { staff, staffSessions } from '../../src/db/schema';
import { addStaff } from '../../src/staff/add-staff';
import { setStaffDisabled } from '../../src/staff/manage-account';
import { createLoginThrottle, loginThrottleSettings } from '../../src/auth/login-throttle';
import { addLoggedInStaff, as, connectStaffSocket, startTestApp, waitForEvent, type TestApp } from '../helpers/app';
import type { MessagesEventPayload } from '../../src/contracts/socket-events';

const post = (app: TestApp, path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${app.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: app.url, ...headers }, body: JSON.stringify(body) });
const loginAs = (app: TestApp, email: string, password: string, headers: Record<string, string> = {}) => post(app, '/api/auth/login', { email, password }, headers);
const cookieOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
const me = async (app: TestApp, cookie: string) => (await fetch(`${app.url}/api/auth/me`, { headers: { cookie } })).status;

function disconnected(socket: Socket, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    if (socket.disconnected) return resolve('already');
    const timer = setTimeout(() => reject(new Error(`still connected after ${timeoutMs} ms`)), timeoutMs);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

async function openWidget(app: TestApp, text: string) {
  const s = await (await fetch(`${app.url}/api/widget/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json();
  await fetch(`${app.url}/api/widget/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${s.sessionToken}` },
    body: JSON.stringify({ text, clientMessageId: randomUUID() }),
  });
  return s as { conversationId: string };
}

describe('staff sessions and login', () => {
  let app: TestApp;
  beforeAll(async () => {
    // No periodic recheck here: what cuts a socket below is the cut sent through Redis.
    app = await startTestApp({ db: 'pglite', env: { STAFF_SESSION_RECHECK_SECONDS: '3600', LOGIN_MAX_FAILURES_PER_ADDRESS: '1000' } });
  });
  afterAll(() => app?.close());

  test('logout ends the session on the server and cuts its live socket; no message reaches it afterwards', async () => {
    const c = await addLoggedInStaff(app, 'counsellor');
    const socket = await connectStaffSocket(as(app, c.cookie));
    const other = await connectStaffSocket(app); // a colleague stays connected
    const afterLogout: unknown[] = [];
    try {
      const gone = disconnected(socket, 5000);
      const res = await post(as(app, c.cookie), '/api/auth/logout', {}, { cookie: c.cookie });
      expect(res.status).toBe(204);
      expect(res.headers.getSetCookie().join()).toMatch(/tsunagu_session=;.*Expires=Thu, 01 Jan 1970/);
      expect(await gone).toBe('io server disconnect');
      socket.on('message:created', (p) => afterLogout.push(p));
      const seen = waitForEvent<MessagesEventPayload>(other, 'message:created', (p) => p.messages.some((m) => m.text === 'ログアウト後の相談'));
      await openWidget(app, 'ログアウト後の相談');
      await seen;
      expect(afterLogout).toEqual([]);
      expect(other.connected).toBe(true);
      // The old cookie is dead everywhere: API and socket.
      expect(await me(app, c.cookie)).toBe(401);
      await expect(connectStaffSocket(as(app, c.cookie))).rejects.toThrow('unauthenticated');
    } finally {
      socket.disconnect();
      other.disconnect();
    }
  });

  test('a disabled account: its sockets are cut at once, it cannot log in (same answer as a wrong password), enabling restores it', async () => {
    const c = await addLoggedInStaff(app, 'counsellor');
    const socket = await connectStaffSocket(as(app, c.cookie));
    try {
      const gone = disconnected(socket, 3000);
      // What `staff:disable` does: the database change, then the cut through Redis.
      const change = await setStaffDisabled(app.runtime.ctx.db, c.email, true);
      expect(change.sessionsEnded).toBe(1);
      app.runtime.ctx.publisher.endStaffSockets(c.id);
      await gone;
      expect(await me(app, c.cookie)).toBe(401);
      const refused = await loginAs(app, c.email, c.password);
      const wrong = await loginAs(app, `nobody-${randomUUID()}@example.jp`, 'whatever password');
      expect(refused.status).toBe(401);
      expect(await refused.json()).toEqual(await wrong.json());
      expect((await app.runtime.ctx.db.select().from(staffSessions).where(eq(staffSessions.staffId, c.id))).length).toBe(0);
      await setStaffDisabled(app.runtime.ctx.db, c.email, false);
      expect((await loginAs(app, c.email, c.password)).status).toBe(200);
    } finally {
      socket.disconnect();
    }
  });

  test('login rotates the session: a new token each time, the one the browser held ends', async () => {
    const c = await addLoggedInStaff(app, 'counsellor');
    const again = await loginAs(app, c.email, c.password, { cookie: c.cookie });
    expect(again.status).toBe(200);
    const fresh = cookieOf(again);
    expect(fresh).toMatch(/^tsunagu_session=s%3A/);
    expect(fresh).not.toBe(c.cookie);
    expect(await me(app, fresh)).toBe(200);
    expect(await me(app, c.cookie)).toBe(401);
  });

  test('cookie flags: httpOnly, SameSite=Strict, path /, an expiry, signed; not Secure outside production', async () => {
    const c = await addLoggedInStaff(app, 'counsellor');
    const res = await loginAs(app, c.email, c.password);
    const [set] = res.headers.getSetCookie();
    expect(set).toMatch(/^tsunagu_session=s%3A[^;]+; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Strict$/);
    // A tampered signature is no session.
    expect(await me(app, cookieOf(res).replace(/.$/, (ch) => (ch === 'A' ? 'B' : 'A')))).toBe(401);
  });

  test('lockout: 10 failures lock the account (even the right password is refused), exactly as for an unknown address; unlock lifts it', async () => {
    const c = await addLoggedInStaff(app, 'counsellor');
    const unknown = `nobody-${randomUUID()}@example.jp`;
    for (let i = 0; i < 10; i++) {
      expect((await loginAs(app, c.email, `wrong password ${i}`)).status).toBe(401);
      expect((await loginAs(app, unknown, `wrong password ${i}`)).status).toBe(401);
    }
    const locked = await loginAs(app, c.email, c.password);
    const lockedUnknown = await loginAs(app, unknown, 'wrong password');
    expect(locked.status).toBe(429);
    expect(lockedUnknown.status).toBe(429);
    const body = await locked.json();
    expect(body.error.code).toBe('login_locked');
    expect(body).toEqual(await lockedUnknown.json());
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(800); // about 15 minutes
    expect(locked.headers.getSetCookie()).toEqual([]);
    // A colleague at the same address is not affected.
    const colleague = await addLoggedInStaff(app, 'counsellor');
    expect((await loginAs(app, colleague.email, colleague.password)).status).toBe(200);
    // The administrator lifts it (`staff:unlock` does this).
    await createLoginThrottle(app.runtime.ctx.redis, loginThrottleSettings(app.config)).unlock(c.email.toUpperCase());
    expect((await loginAs(app, c.email, c.password)).status).toBe(200);
  });

  test('successful logins are not counted: 40 logins in a row by colleagues behind one address all succeed', async () => {
    const c = await addLoggedInStaff(app, 'counsellor');
    const statuses = [];
    for (let i = 0; i < 40; i++) statuses.push((await loginAs(app, c.email, c.password)).status);
    expect(new Set(statuses)).toEqual(new Set([200]));
  });

  test('a burst of parallel guesses cannot get past the limit', async () => {
    const c = await addLoggedInStaff(app, 'counsellor');
    const statuses = await Promise.all(Array.from({ length: 30 }, (_, i) => loginAs(app, c.email, `parallel guess ${i}`).then((r) => r.status)));
    expect(statuses.filter((s) => s === 401).length).toBe(10);
    expect(statuses.filter((s) => s === 429).length).toBe(20);
  });
});

describe('the periodic recheck', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ db: 'pglite', env: { STAFF_SESSION_RECHECK_SECONDS: '1' } });
  });
  afterAll(() => app?.close());

  test('a session ended by anything else (disabled without Redis, deleted) loses its socket at the next recheck', async () => {
    const c = await addLoggedInStaff(app, 'counsellor');
    const socket = await connectStaffSocket(as(app, c.cookie));
    try {
      const gone = disconnected(socket, 5000);
      await app.runtime.ctx.db.update(staff).set({ disabledAt: new Date() }).where(eq(staff.id, c.id));
      await gone;
    } finally {
      socket.disconnect();
    }
  });
});

describe('per-address limit on failures (another installation prefix, its own counters)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ db: 'pglite', env: { LOGIN_MAX_FAILURES_PER_ADDRESS: '5' } });
  });
  afterAll(() => app?.close());

  test('failures across many accounts from one address make it wait; its successes gave their attempts back', async () => {
    const c = await addLoggedInStaff(app, 'counsellor');
    for (let i = 0; i < 4; i++) expect((await loginAs(app, `spray${i}@example.jp`, 'Winter2024!')).status).toBe(401);
    for (let i = 0; i < 10; i++) expect((await loginAs(app, c.email, c.password)).status).toBe(200);
    expect((await loginAs(app, 'spray4@example.jp', 'Winter2024!')).status).toBe(401);
    const limited = await loginAs(app, 'spray5@example.jp', 'Winter2024!');
    expect(limited.status).toBe(429);
    expect((await limited.json()).error.code).toBe('rate_limited');
    expect((await loginAs(app, c.email, c.password)).status).toBe(429);
  });
});

describe('session expiry', () => {
  let app: TestApp;
  beforeAll(async () => {
    // 0.002 h ≈ 7 s: the test app's own login is already counting down.
    app = await startTestApp({ db: 'pglite', env: { SESSION_TTL_HOURS: '0.002', STAFF_SESSION_RECHECK_SECONDS: '3600' } });
  });
  afterAll(() => app?.close());

  test('the socket of a session is cut when it expires, without any request (no recheck in this app)', async () => {
    const email = `e${randomUUID().slice(0, 8)}@example.jp`;
    await addStaff(app.runtime.ctx.db, { email, name: '相談員 期限', password: 'expiry test password', role: 'counsellor', agencyCode: 'intake' });
    const cookie = cookieOf(await loginAs(app, email, 'expiry test password'));
    const socket = await connectStaffSocket(as(app, cookie));
    const started = Date.now();
    try {
      await disconnected(socket, 20_000);
      expect(Date.now() - started).toBeGreaterThan(3000);
      expect(await me(app, cookie)).toBe(401);
    } finally {
      socket.disconnect();
    }
  }, 30_000);
});
