/**
 * A person writing into a closed conversation is seen (issue 8 item 8): the conversation opens
 * again, in the same thread with its history, and shows in the status filter and the shift view.
 * For the widget (the session names the conversation) and for LINE (the person's latest one).
 */
import { randomBytes } from 'node:crypto';
import { addLoggedInStaff, as, eventually, staffFetch, startTestApp, type TestApp } from '../helpers/app';
import { testDatabases } from '../helpers/databases';
import { openWidgetSession, widgetSend } from '../helpers/widget';
import { fakeLineUserId } from '../fixtures/fake-line-api';
import { postWebhook, textEvent, webhookBody } from '../fixtures/line-events';

const SECRET = 'reopen-secret';

describe.each(testDatabases())('a message into a closed conversation reopens it (%s)', (db) => {
  let app: TestApp;
  let supervisorCookie: string;

  beforeAll(async () => {
    app = await startTestApp({ db, env: { LINE_CHANNEL_SECRET: SECRET, LINE_CHANNEL_ACCESS_TOKEN: 'reopen-token', LINE_API_BASE_URL: 'http://127.0.0.1:9' } });
    supervisorCookie = (await addLoggedInStaff(app, 'supervisor')).cookie;
  });
  afterAll(async () => {
    await app?.close();
  });

  const conversation = async (id: string) => (await (await staffFetch(app, `/api/conversations/${id}`)).json()).conversation;
  const listed = async (status: string) =>
    ((await (await staffFetch(app, `/api/conversations?status=${status}&limit=200`)).json()).conversations as { id: string }[]).map((c) => c.id);
  const unassigned = async () => (await (await staffFetch(as(app, supervisorCookie), '/api/shift')).json()).unassigned as number;
  const close = async (id: string) => expect((await staffFetch(app, `/api/conversations/${id}`, { method: 'PATCH', body: JSON.stringify({ status: 'closed' }) })).status).toBe(200);

  test('widget: the closed conversation is open again, listed as open and counted in the shift view', async () => {
    const s = await openWidgetSession(app.url);
    await widgetSend(app.url, s, '引っ越し先の相談をしたいです');
    await eventually(async () => (await conversation(s.conversationId))?.status);
    await close(s.conversationId);
    expect((await conversation(s.conversationId)).status).toBe('closed');
    const before = await unassigned();
    expect(await listed('open')).not.toContain(s.conversationId);

    await widgetSend(app.url, s, 'すみません、もう一つ聞きたいことがあります');
    const reopened = await conversation(s.conversationId);
    expect(reopened.status).toBe('open');
    expect(reopened.unread).toBeGreaterThan(0);
    expect(await listed('open')).toContain(s.conversationId);
    expect(await listed('closed')).not.toContain(s.conversationId);
    expect(await unassigned()).toBe(before + 1);
  });

  test('LINE: the person’s closed conversation opens again (the same thread, not a new one)', async () => {
    const userId = fakeLineUserId();
    const send = async (text: string) => expect((await postWebhook(app.url, webhookBody([textEvent({ userId, text, replyToken: randomBytes(16).toString('hex') })]), SECRET)).status).toBe(200);
    await send('介護のことで相談です');
    const first = await eventually(async () => {
      const { conversations } = await (await staffFetch(app, '/api/conversations?channel=line&limit=200')).json();
      return (conversations as { id: string; preview: string | null }[]).find((c) => c.preview === '介護のことで相談です')?.id;
    });
    await close(first);
    await send('また困ったことがあって');
    const reopened = await conversation(first);
    expect(reopened.status).toBe('open');
    expect(await listed('open')).toContain(first);
  });
});
