/**
 * Widget sessions end: after WIDGET_SESSION_IDLE_MINUTES without a request (sliding), or at once
 * when the person erases the conversation from their device. Then the token is useless
 * everywhere (HTTP and socket), while the conversation stays for staff. And the chat frame may be
 * framed only by the allowed origins.
 */
import { count, eq } from 'drizzle-orm';
import { io as ioClient, type Socket } from 'socket.io-client';
import { messages, widgetSessions } from '../../src/db/schema';
import { staffFetch, startTestApp, waitForEvent, type TestApp } from '../helpers/app';
import { openWidgetSession, widgetSend, type WidgetSession } from '../helpers/widget';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const get = (app: TestApp, s: WidgetSession) => fetch(`${app.url}/api/widget/messages`, { headers: { authorization: `Bearer ${s.sessionToken}` } });
const end = (app: TestApp, s: WidgetSession) =>
  fetch(`${app.url}/api/widget/session`, { method: 'DELETE', headers: { authorization: `Bearer ${s.sessionToken}` } });

function connectWidget(app: TestApp, s: WidgetSession): Promise<Socket> {
  const socket = ioClient(`${app.url}/widget`, { auth: { token: s.sessionToken }, transports: ['websocket'], reconnection: false });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (e) => {
      socket.close();
      reject(e);
    });
  });
}

describe('widget session lifetime', () => {
  let app: TestApp;
  // 3 seconds: long enough for a request to land well inside it, short enough to wait out.
  const IDLE_MINUTES = 0.05;

  beforeAll(async () => {
    app = await startTestApp({ db: 'pglite', env: { WIDGET_SESSION_IDLE_MINUTES: String(IDLE_MINUTES), WIDGET_ALLOWED_ORIGINS: 'https://www.city.example.lg.jp' } });
  });
  afterAll(async () => {
    await app?.close();
  });

  test('a new session says how long it lives without activity', async () => {
    const res = await fetch(`${app.url}/api/widget/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ sessionToken: expect.any(String), idleMinutes: IDLE_MINUTES });
  });

  test('each request extends the session; after the idle time without one it is over', async () => {
    const s = await openWidgetSession(app.url);
    // Requests every 1.5 s keep it alive well past the 3 s idle time.
    for (let i = 0; i < 4; i++) {
      await sleep(1500);
      expect((await get(app, s)).status).toBe(200);
    }
    await sleep(3500);
    const res = await get(app, s);
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('invalid_session');
    // Nothing revives it: not a send, not the language switch, not the socket.
    const send = await fetch(`${app.url}/api/widget/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${s.sessionToken}` },
      body: JSON.stringify({ text: 'まだいますか', clientMessageId: 'late-message-1' }),
    });
    expect(send.status).toBe(401);
    expect((await get(app, s)).status).toBe(401);
    await expect(connectWidget(app, s)).rejects.toThrow('invalid_session');
    expect((await app.runtime.ctx.db.select({ n: count() }).from(messages).where(eq(messages.text, 'まだいますか')))[0].n).toBe(0);
  });

  test('ending the session: the token stops working at once, its socket closes, the conversation stays for staff', async () => {
    const s = await openWidgetSession(app.url);
    await widgetSend(app.url, s, '夫の暴力のことで相談したいです');
    const socket = await connectWidget(app, s);
    const ended = waitForEvent(socket, 'session:ended');
    const disconnected = new Promise<string>((resolve) => socket.once('disconnect', resolve));

    const res = await end(app, s);
    expect(res.status).toBe(204);
    await ended;
    expect(await disconnected).toBe('io server disconnect');

    expect((await get(app, s)).status).toBe(401);
    const patch = await fetch(`${app.url}/api/widget/session`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${s.sessionToken}` },
      body: JSON.stringify({ lang: 'en' }),
    });
    expect(patch.status).toBe(401);
    await expect(connectWidget(app, s)).rejects.toThrow('invalid_session');
    // Ending twice, or with a token that never existed: 401, nothing changes.
    expect((await end(app, s)).status).toBe(401);
    expect((await end(app, { ...s, sessionToken: 'x'.repeat(43) })).status).toBe(401);
    expect((await fetch(`${app.url}/api/widget/session`, { method: 'DELETE' })).status).toBe(401);

    // The consultation record is untouched: staff still read it.
    const thread = await (await staffFetch(app, `/api/conversations/${s.conversationId}/messages`)).json();
    expect(thread.messages.map((m: { text: string }) => m.text)).toContain('夫の暴力のことで相談したいです');
    const rows = await app.runtime.ctx.db.select().from(widgetSessions).where(eq(widgetSessions.conversationId, s.conversationId));
    expect(rows).toHaveLength(1);
    expect(rows[0].expiresAt.getTime()).toBeLessThanOrEqual(Date.now());
  });

  test("the thread gives the person's own messages their clientMessageId back (a lost answer is recognised)", async () => {
    const s = await openWidgetSession(app.url);
    const sent = await fetch(`${app.url}/api/widget/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${s.sessionToken}` },
      body: JSON.stringify({ text: '届いていますか', clientMessageId: 'client-id-0001' }),
    });
    const { messageId } = await sent.json();
    const { messages: thread } = await (await get(app, s)).json();
    expect(thread.find((m: { id: string }) => m.id === messageId)).toMatchObject({ text: '届いていますか', clientMessageId: 'client-id-0001' });
    for (const m of thread.filter((x: { direction: string }) => x.direction === 'out')) expect(m.clientMessageId).toBeUndefined();
  });

  test('the chat frame may be framed only by the allowed origins; other pages not at all', async () => {
    const frame = await fetch(`${app.url}/widget/frame.html`);
    expect(frame.status).toBe(200);
    const csp = frame.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'self' https://www.city.example.lg.jp");
    expect(csp).toContain("script-src 'self'");
    expect(frame.headers.get('x-frame-options')).toBeNull();
    expect(frame.headers.get('cache-control')).toBe('no-store');
    // The idle lifetime is written into the page, so the frame tells the truth before any session.
    expect(await frame.text()).toContain(`<meta name="tsunagu-idle-minutes" content="${IDLE_MINUTES}">`);

    for (const path of ['/', '/inbox', '/widget/widget.js']) {
      const res = await fetch(`${app.url}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
      expect(res.headers.get('content-security-policy')).not.toContain('city.example');
    }
  });
});

describe('widget frame with any origin allowed', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ db: 'pglite' });
  });
  afterAll(async () => {
    await app?.close();
  });

  test('WIDGET_ALLOWED_ORIGINS=* lets any page frame it, and the default idle time is 2 hours', async () => {
    const frame = await fetch(`${app.url}/widget/frame.html`);
    expect(frame.headers.get('content-security-policy')).toContain("frame-ancestors 'self' *");
    expect(await frame.text()).toContain('<meta name="tsunagu-idle-minutes" content="120">');
    const s = await openWidgetSession(app.url);
    const [row] = await app.runtime.ctx.db.select().from(widgetSessions).where(eq(widgetSessions.conversationId, s.conversationId));
    const minutes = (row.expiresAt.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(119);
    expect(minutes).toBeLessThanOrEqual(120);
  });
});
