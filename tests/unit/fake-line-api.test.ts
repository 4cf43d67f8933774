import { randomUUID } from 'node:crypto';
import { fakeLineUserId, startFakeLineApi, type FakeLineApi } from '../fixtures/fake-line-api';

const TOKEN = 'fake-token';

describe('fake LINE API', () => {
  let fake: FakeLineApi;
  beforeEach(async () => {
    fake = await startFakeLineApi({ channelAccessToken: TOKEN });
  });
  afterEach(async () => {
    await fake.close();
  });

  async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(`${fake.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}`, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : undefined };
  }
  const text = (t: string) => ({ type: 'text', text: t });
  const push = (messages: unknown[], headers: Record<string, string> = {}) =>
    post('/v2/bot/message/push', { to: fakeLineUserId(), messages }, headers);

  it('listens on 127.0.0.1 and accepts a valid push', async () => {
    expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await push([text('a')]);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-line-request-id')).toBeTruthy();
    expect(res.json.sentMessages).toHaveLength(1);
  });

  it('rejects 6 messages and 0 messages with 400', async () => {
    const six = await push(Array.from({ length: 6 }, () => text('a')));
    expect(six.status).toBe(400);
    expect(six.json.details[0].property).toBe('messages');
    expect((await push([])).status).toBe(400);
    expect(fake.delivered()).toHaveLength(0);
    expect(fake.calls.map((c) => c.status)).toEqual([400, 400]);
  });

  it('rejects empty or over-long text', async () => {
    expect((await push([text('')])).status).toBe(400);
    expect((await push([text('x'.repeat(5001))])).status).toBe(400);
    expect((await push([text('x'.repeat(5000))])).status).toBe(200);
  });

  it('rejects 14 quick reply items, long labels and long postback data', async () => {
    const item = (label = 'ok', data = 'd') => ({ type: 'action', action: { type: 'postback', label, data } });
    const withQr = (items: unknown[]) => [{ ...text('q'), quickReply: { items } }];
    const fourteen = await push(withQr(Array.from({ length: 14 }, () => item())));
    expect(fourteen.status).toBe(400);
    expect(fourteen.json.details[0].property).toBe('messages[0].quickReply.items');
    expect((await push(withQr([item('x'.repeat(21))]))).status).toBe(400);
    expect((await push(withQr([item('ok', 'd'.repeat(301))]))).status).toBe(400);
    expect((await push(withQr(Array.from({ length: 13 }, () => item('x'.repeat(20), 'd'.repeat(300)))))).status).toBe(200);
  });

  it('answers 401 with LINE’s error shape for missing or wrong auth', async () => {
    const wrong = await post('/v2/bot/message/push', { to: fakeLineUserId(), messages: [text('a')] }, { authorization: 'Bearer nope' });
    expect(wrong.status).toBe(401);
    expect(typeof wrong.json.message).toBe('string');
    expect(wrong.headers.get('x-line-request-id')).toBeTruthy();
    const res = await fetch(`${fake.url}/v2/bot/message/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ to: fakeLineUserId(), messages: [text('a')] }),
    });
    expect(res.status).toBe(401);
    expect(fake.calls.map((c) => c.status)).toEqual([401, 401]);
    const profile = await fetch(`${fake.url}/v2/bot/profile/U1`, { headers: { authorization: 'Bearer nope' } });
    expect(profile.status).toBe(401);
  });

  it('requires a JSON content type and a JSON body', async () => {
    expect((await post('/v2/bot/message/push', { to: fakeLineUserId(), messages: [text('a')] }, { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await post('/v2/bot/message/push', '{not json')).status).toBe(400);
  });

  it('validates the push recipient and the reply body shape', async () => {
    expect((await post('/v2/bot/message/push', { messages: [text('a')] })).status).toBe(400);
    expect((await post('/v2/bot/message/push', { to: 'Ubad', messages: [text('a')] })).status).toBe(400);
    expect((await post('/v2/bot/message/reply', { messages: [text('a')] })).status).toBe(400);
  });

  it('accepts only issued, unused, unexpired reply tokens', async () => {
    const reply = (replyToken: string) => post('/v2/bot/message/reply', { replyToken, messages: [text('a')] });
    const unknown = await reply('never-issued');
    expect(unknown.status).toBe(400);
    expect(unknown.json).toEqual({ message: 'Invalid reply token' });

    const token = fake.issueReplyToken();
    expect((await reply(token)).status).toBe(200);
    expect((await reply(token)).status).toBe(400);

    expect((await reply(fake.issueReplyToken({ ageSeconds: 60 }))).status).toBe(400);
    expect((await reply(fake.issueReplyToken({ ageSeconds: 58 }))).status).toBe(200);
    expect((await reply(fake.issueReplyToken({ token: 'chosen-by-test' }))).status).toBe(200);
  });

  it('does not consume a reply token on a rejected request', async () => {
    const token = fake.issueReplyToken();
    expect((await post('/v2/bot/message/reply', { replyToken: token, messages: [] })).status).toBe(400);
    expect((await post('/v2/bot/message/reply', { replyToken: token, messages: [text('a')] })).status).toBe(200);
  });

  it('checks X-Line-Retry-Key: UUID only, push only, and 409 on a key already accepted', async () => {
    expect((await push([text('a')], { 'x-line-retry-key': 'abc' })).status).toBe(400);
    const token = fake.issueReplyToken();
    expect((await post('/v2/bot/message/reply', { replyToken: token, messages: [text('a')] }, { 'x-line-retry-key': randomUUID() })).status).toBe(400);

    const key = randomUUID();
    const first = await push([text('a')], { 'x-line-retry-key': key });
    expect(first.status).toBe(200);
    const second = await push([text('a')], { 'x-line-retry-key': key });
    expect(second.status).toBe(409);
    expect(second.headers.get('x-line-accepted-request-id')).toBe(first.headers.get('x-line-request-id'));
    expect(second.headers.get('x-line-request-id')).not.toBe(first.headers.get('x-line-request-id'));
    const pushes = fake.calls.filter((c) => c.retryKey === key);
    expect(pushes.map((c) => c.status)).toEqual([200, 409]);
    expect(fake.delivered().filter((c) => c.retryKey === key)).toHaveLength(1);
  });

  it('does not mark a retry key accepted when the push was rejected', async () => {
    const key = randomUUID();
    fake.failNext(500);
    expect((await push([text('a')], { 'x-line-retry-key': key })).status).toBe(500);
    expect((await push([text('a')], { 'x-line-retry-key': key })).status).toBe(200);
  });

  it('failNext fails the next N requests, then recovers', async () => {
    fake.failNext(503, 2);
    expect((await push([text('a')])).status).toBe(503);
    expect((await push([text('a')])).status).toBe(503);
    expect((await push([text('a')])).status).toBe(200);
    expect(fake.calls.map((c) => c.status)).toEqual([503, 503, 200]);
  });

  it('serves profiles and waits for calls', async () => {
    const res = await fetch(`${fake.url}/v2/bot/profile/U123`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(await res.json()).toEqual({ userId: 'U123', displayName: 'テスト', language: 'ja' });
    const waiting = fake.waitForCalls(2, 2000);
    const sent = [push([text('a')]), push([text('b')])];
    expect(await waiting).toHaveLength(2);
    await Promise.all(sent);
    await expect(fake.waitForCalls(5, 50)).rejects.toThrow(/expected 5/);
  });
});
