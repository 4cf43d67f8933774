/**
 * The LINE path end to end against the fake LINE API, on each database: signed webhook →
 * stored once even when redelivered → staff socket → staff reply → reply (fresh token) or push
 * (with X-Line-Retry-Key, retried on 503 without being delivered twice).
 */
import { count, eq } from 'drizzle-orm';
import type { Socket } from 'socket.io-client';
import { messages } from '../../src/db/schema';
import { connectStaffSocket, eventually, staffFetch, startTestApp, waitForEvent, type TestApp } from '../helpers/app';
import { testDatabases } from '../helpers/databases';
import { fakeLineUserId, startFakeLineApi, type FakeLineApi } from '../fixtures/fake-line-api';
import { postWebhook, textEvent, webhookBody } from '../fixtures/line-events';
import type { MessagesEventPayload } from '../../src/contracts/socket-events';

const SECRET = 'test-channel-secret';
const TOKEN = 'test-channel-access-token';

describe.each(testDatabases())('LINE intake on %s', (db) => {
  let app: TestApp;
  let line: FakeLineApi;
  let staffSocket: Socket;

  beforeAll(async () => {
    line = await startFakeLineApi({ channelAccessToken: TOKEN });
    app = await startTestApp({
      db,
      env: { LINE_CHANNEL_SECRET: SECRET, LINE_CHANNEL_ACCESS_TOKEN: TOKEN, LINE_API_BASE_URL: line.url },
    });
    staffSocket = await connectStaffSocket(app);
  });
  afterAll(async () => {
    staffSocket?.disconnect();
    await app?.close();
    await line?.close();
  });

  const countMessages = async () => (await app.runtime.ctx.db.select({ n: count() }).from(messages))[0].n;
  const reply = (conversationId: string, text: string) =>
    staffFetch(app, `/api/conversations/${conversationId}/replies`, { method: 'POST', body: JSON.stringify({ text }) });
  const deliveryOf = async (id: string) => (await app.runtime.ctx.db.select().from(messages).where(eq(messages.id, id)))[0];

  const allSent = async (conversationId: string) =>
    (await app.runtime.ctx.db.select().from(messages).where(eq(messages.conversationId, conversationId)))
      .filter((m) => m.direction === 'out')
      .every((m) => m.deliveryState === 'sent');

  test('a signed event is stored once even when redelivered; the bot answers on the reply token, staff by reply then push', async () => {
    const userId = fakeLineUserId();
    const replyToken = line.issueReplyToken();
    const event = textEvent({ userId, text: '隣のおばあさんを最近見かけません', replyToken });
    const created = waitForEvent<MessagesEventPayload>(staffSocket, 'message:created', (p) => p.messages.some((m) => m.text === '隣のおばあさんを最近見かけません'));
    const before = line.calls.length;

    const res = await postWebhook(app.url, webhookBody([event]), SECRET);
    expect(res.status).toBe(200);
    const redelivered = { ...event, deliveryContext: { isRedelivery: true } };
    expect((await postWebhook(app.url, webhookBody([redelivered]), SECRET)).status).toBe(200);

    const { conversationId, messages: shown } = await created;
    expect(shown).toEqual([expect.objectContaining({ direction: 'in', author: { type: 'person' } })]);
    const stored = await app.runtime.ctx.db.select().from(messages).where(eq(messages.conversationId, conversationId));
    expect(stored.filter((m) => m.direction === 'in')).toHaveLength(1);
    // The LINE user id never reaches staff.
    const list = await (await staffFetch(app, '/api/conversations')).json();
    expect(JSON.stringify(list)).not.toContain(userId);

    // The bot's acknowledgement and its question travel together on the free reply token,
    // the question's answers as quick-reply postbacks (a neighbour who has not seen someone may
    // first be asked whether anyone is in danger now: triage is unsure, the check lane).
    await line.waitForCalls(before + 1);
    const botCall = line.calls[before];
    expect(botCall).toMatchObject({ path: '/v2/bot/message/reply', status: 200 });
    expect(botCall.body.replyToken).toBe(replyToken);
    expect(botCall.body.messages.length).toBeGreaterThanOrEqual(2);
    expect(botCall.body.messages[0].text).toContain('自動応答');
    const items = botCall.body.messages.at(-1).quickReply.items;
    expect(items.map((i: { action: { data: string } }) => i.action.data)).toEqual(expect.arrayContaining([expect.stringMatching(/^(subject|anonymous|safety):/)]));
    await eventually(() => allSent(conversationId));

    // The person writes more (a story, not an answer: the bot stays quiet), with a new token.
    const token2 = line.issueReplyToken();
    const story = waitForEvent<MessagesEventPayload>(staffSocket, 'message:created', (p) => p.messages.some((m) => m.text.startsWith('新聞がたまっていて')));
    await postWebhook(app.url, webhookBody([textEvent({ userId, text: '新聞がたまっていて、夜も電気がつきません。どうしたらいいでしょうか。', replyToken: token2 })]), SECRET);
    await story;

    // First staff answer: the fresh, unused token.
    const first = await reply(conversationId, 'ご連絡ありがとうございます。');
    expect(first.status).toBe(202);
    const firstId = (await first.json()).messageId;
    await eventually(async () => (await deliveryOf(firstId)).deliveryState === 'sent');
    expect((await deliveryOf(firstId)).deliveryMethod).toBe('reply');
    const staffCall = line.delivered().find((c) => c.body.replyToken === token2);
    expect(staffCall?.body.messages).toEqual([{ type: 'text', text: 'ご連絡ありがとうございます。' }]);

    // Second answer: the token is spent, so push, with a retry key.
    const second = await reply(conversationId, '状況を教えていただけますか。');
    const secondId = (await second.json()).messageId;
    await eventually(async () => (await deliveryOf(secondId)).deliveryState === 'sent');
    expect((await deliveryOf(secondId)).deliveryMethod).toBe('push');
    const push = line.delivered().find((c) => c.path === '/v2/bot/message/push' && c.body.messages[0].text === '状況を教えていただけますか。');
    expect(push?.body.to).toBe(userId);
    expect(push?.retryKey).toMatch(/^[0-9a-f-]{36}$/);
    // Nothing from the bot after staff answered.
    const after = await app.runtime.ctx.db.select().from(messages).where(eq(messages.conversationId, conversationId));
    expect(after.filter((m) => m.authorType === 'bot' && m.seq > after.find((x) => x.id === firstId)!.seq)).toHaveLength(0);
  });

  test('an expired reply token is not used; a push failing with 503 is retried with the same key and delivered once', async () => {
    const userId = fakeLineUserId();
    const old = Date.now() - 5 * 60_000;
    const staleToken = line.issueReplyToken({ ageSeconds: 300 });
    const created = waitForEvent<MessagesEventPayload>(staffSocket, 'message:created', (p) => p.messages.some((m) => m.text === '夜が眠れません'));
    expect((await postWebhook(app.url, webhookBody([textEvent({ userId, text: '夜が眠れません', replyToken: staleToken, timestamp: old })]), SECRET)).status).toBe(200);
    const { conversationId } = await created;
    await eventually(async () => (await app.runtime.ctx.db.select().from(messages).where(eq(messages.conversationId, conversationId))).some((m) => m.authorType === 'bot'));
    await eventually(() => allSent(conversationId));
    expect(line.calls.some((c) => c.body?.replyToken === staleToken)).toBe(false);

    const before = line.calls.length;
    line.failNext(503, 1);
    const res = await reply(conversationId, 'お話を聞かせてください。');
    const messageId = (await res.json()).messageId;
    await eventually(async () => (await deliveryOf(messageId)).deliveryState === 'sent', 20_000);
    const mine = line.calls.slice(before);
    expect(mine.map((c) => [c.path, c.status])).toEqual([
      ['/v2/bot/message/push', 503],
      ['/v2/bot/message/push', 200],
    ]);
    expect(mine[0].retryKey).toBe(mine[1].retryKey);
    expect(line.delivered().filter((c) => c.body?.to === userId && c.body.messages[0].text === 'お話を聞かせてください。')).toHaveLength(1);
  });

  test('bad signature, malformed body and oversized body are rejected and store nothing', async () => {
    const before = await countMessages();
    const body = webhookBody([textEvent({ userId: fakeLineUserId(), text: 'こんにちは' })]);

    const badSig = await postWebhook(app.url, body, SECRET, 'bm90LXRoZS1zaWduYXR1cmU=');
    expect(badSig.status).toBe(401);
    expect((await badSig.json()).error.code).toBe('invalid_signature');
    const noSig = await fetch(`${app.url}/webhooks/line`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(noSig.status).toBe(401);

    const malformed = await postWebhook(app.url, '{"destination":"x","events":[', SECRET);
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.code).toBe('invalid_body');
    const wrongShape = await postWebhook(app.url, JSON.stringify({ destination: 'x', events: 'nope' }), SECRET);
    expect(wrongShape.status).toBe(400);

    const huge = webhookBody([textEvent({ userId: fakeLineUserId(), text: 'あ'.repeat(400_000) })]);
    const tooLarge = await postWebhook(app.url, huge, SECRET);
    expect(tooLarge.status).toBe(413);

    expect(await countMessages()).toBe(before);
  });
});
