/**
 * The widget path end to end, on each database: session → message stored once (even when sent
 * twice) → staff socket sees it → triage runs → staff reply → widget socket receives it.
 */
import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { io as ioClient, type Socket } from 'socket.io-client';
import { auditLog, messages, triageRuns } from '../../src/db/schema';
import { connectStaffSocket, eventually, staffFetch, startTestApp, waitForEvent, type TestApp } from '../helpers/app';
import { testDatabases } from '../helpers/databases';
import type { MessagesEventPayload } from '../../src/contracts/socket-events';

describe.each(testDatabases())('widget intake on %s', (db) => {
  let app: TestApp;
  let staffSocket: Socket;

  beforeAll(async () => {
    app = await startTestApp({ db });
    staffSocket = await connectStaffSocket(app);
  });
  afterAll(async () => {
    staffSocket?.disconnect();
    await app?.close();
  });

  const countMessages = async () => (await app.runtime.ctx.db.select({ n: count() }).from(messages))[0].n;

  async function openSession(lang = 'ja') {
    const res = await fetch(`${app.url}/api/widget/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ lang }),
    });
    expect(res.status).toBe(201);
    return (await res.json()) as { sessionToken: string; conversationId: string };
  }

  const send = (token: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${app.url}/api/widget/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  test('a message reaches the staff live, once, is triaged, and the reply reaches the widget', async () => {
    const { sessionToken, conversationId } = await openSession();
    const clientMessageId = randomUUID();
    const created = waitForEvent<MessagesEventPayload>(staffSocket, 'message:created', (p) => p.conversationId === conversationId);

    const first = await send(sessionToken, { text: '母の介護のことで相談したいです', clientMessageId });
    expect(first.status).toBe(202);
    const { messageId } = await first.json();
    const again = await send(sessionToken, { text: '母の介護のことで相談したいです', clientMessageId });
    expect(again.status).toBe(202);
    expect((await again.json()).messageId).toBe(messageId);

    const event = await created;
    expect(event.messages).toHaveLength(1);
    expect(event.messages[0]).toMatchObject({ id: messageId, direction: 'in', text: '母の介護のことで相談したいです', author: { type: 'person' } });
    const stored = await app.runtime.ctx.db.select().from(messages).where(eq(messages.conversationId, conversationId));
    expect(stored.filter((m) => m.direction === 'in')).toHaveLength(1);

    // Triage ran (the worker records a run per message) and staff see the labels.
    await eventually(async () => (await app.runtime.ctx.db.select().from(triageRuns).where(eq(triageRuns.messageId, messageId)))[0]);
    const list = await (await staffFetch(app, '/api/conversations')).json();
    const item = list.conversations.find((c: { id: string }) => c.id === conversationId);
    expect(item).toMatchObject({ channel: 'widget', status: 'new', unread: 1 });
    expect(item.triage.categories.length).toBeGreaterThan(0);

    // The counsellor reads (audited) and answers; the widget gets it live and in its history.
    const widgetSocket = ioClient(`${app.url}/widget`, { auth: { token: sessionToken }, transports: ['websocket'], reconnection: false });
    await new Promise<void>((resolve, reject) => {
      widgetSocket.once('connect', () => resolve());
      widgetSocket.once('connect_error', reject);
    });
    try {
      const history = await (await staffFetch(app, `/api/conversations/${conversationId}/messages`)).json();
      expect(history.messages[0].id).toBe(messageId);
      const audit = await app.runtime.ctx.db.select().from(auditLog).where(eq(auditLog.subjectId, conversationId));
      expect(audit).toEqual([expect.objectContaining({ actorId: app.staffId, action: 'conversation.messages.read', subjectType: 'conversation' })]);
      const received = waitForEvent(widgetSocket, 'message', (m) => m.author === 'staff');
      const reply = await staffFetch(app, `/api/conversations/${conversationId}/replies`, {
        method: 'POST',
        body: JSON.stringify({ text: 'ご連絡ありがとうございます。担当の者がお話を伺います。' }),
      });
      expect(reply.status).toBe(202);
      const { messageId: replyId } = await reply.json();
      const pushed = await received;
      expect(pushed).toMatchObject({ id: replyId, direction: 'out', author: 'staff', text: 'ご連絡ありがとうございます。担当の者がお話を伺います。' });

      const thread = await (await fetch(`${app.url}/api/widget/messages`, { headers: { authorization: `Bearer ${sessionToken}` } })).json();
      type M = { id: string; direction: string; author: string };
      expect(thread.messages[0]).toMatchObject({ id: messageId, direction: 'in', author: 'person' });
      expect(thread.messages.at(-1)).toMatchObject({ id: replyId, direction: 'out', author: 'staff' });
      // The front-door bot acknowledged in between, and says it is automatic.
      expect(thread.messages.filter((m: M) => m.author === 'bot').length).toBeGreaterThan(0);
      // the person's socket gets the answer first, then the worker marks it sent
      const staffView = await eventually(async () => {
        const view = await (await staffFetch(app, `/api/conversations/${conversationId}/messages`)).json();
        return view.messages.find((m: M & { deliveryState?: string }) => m.id === replyId)?.deliveryState === 'sent' ? view : null;
      });
      expect(staffView.messages.find((m: M) => m.id === replyId)).toMatchObject({ author: { type: 'staff', name: '相談員 太郎' }, deliveryState: 'sent' });
    } finally {
      widgetSocket.disconnect();
    }
  });

  test('bad input gets a clear error and stores nothing', async () => {
    const { sessionToken } = await openSession();
    const before = await countMessages();
    const cases: [string, Promise<Response>, number, string][] = [
      ['malformed JSON', send(sessionToken, '{"text": "こんにちは",'), 400, 'invalid_body'],
      ['unknown field', send(sessionToken, { text: 'こんにちは', clientMessageId: randomUUID(), admin: true }), 400, 'invalid_body'],
      ['missing clientMessageId', send(sessionToken, { text: 'こんにちは' }), 400, 'invalid_body'],
      ['empty text', send(sessionToken, { text: '   ', clientMessageId: randomUUID() }), 400, 'invalid_body'],
      ['text over 5,000 characters', send(sessionToken, { text: 'あ'.repeat(5001), clientMessageId: randomUUID() }), 413, 'text_too_long'],
      ['body over 1 MB', send(sessionToken, { text: 'a'.repeat(1_100_000), clientMessageId: randomUUID() }), 413, 'payload_too_large'],
      ['no session', send('', { text: 'こんにちは', clientMessageId: randomUUID() }), 401, 'invalid_session'],
      ['wrong session', send('x'.repeat(43), { text: 'こんにちは', clientMessageId: randomUUID() }), 401, 'invalid_session'],
    ];
    for (const [what, pending, status, code] of cases) {
      const res = await pending;
      const body = await res.json();
      expect({ what, status: res.status, code: body.error?.code }).toEqual({ what, status, code });
      expect(typeof body.error.message).toBe('string');
      expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/); // no stack traces
    }
    expect(await countMessages()).toBe(before);
  });

  test('staff routes: 401 without a session, 403 cross-site, 404 for an unknown conversation', async () => {
    expect((await fetch(`${app.url}/api/conversations`)).status).toBe(401);
    const crossSite = await staffFetch(app, `/api/conversations/${randomUUID()}/replies`, {
      method: 'POST',
      headers: { origin: 'https://evil.example' },
      body: JSON.stringify({ text: 'x' }),
    });
    expect(crossSite.status).toBe(403);
    expect((await crossSite.json()).error.code).toBe('cross_origin');
    const unknown = await staffFetch(app, `/api/conversations/${randomUUID()}/messages`);
    expect(unknown.status).toBe(404);
    const me = await (await staffFetch(app, '/api/auth/me')).json();
    expect(me.staff).toMatchObject({ role: 'counsellor', name: '相談員 太郎' });
    expect(me.staff).not.toHaveProperty('passwordHash');
  });
});
