import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { createLineSender } from '../../../src/channels/line/send';
import { toLineMessages } from '../../../src/channels/line/messages';
import { fakeLineUserId, startFakeLineApi, type FakeLineApi } from '../../fixtures/fake-line-api';

const TOKEN = 'test-channel-access-token';
const SECRET_TEXT = '家賃が払えず困っています';

describe('createLineSender against the fake LINE API', () => {
  let fake: FakeLineApi;
  beforeEach(async () => {
    fake = await startFakeLineApi({ channelAccessToken: TOKEN });
  });
  afterEach(async () => {
    await fake.close();
  });

  const sender = () => createLineSender({ channelAccessToken: TOKEN, apiBaseUrl: fake.url, timeoutMs: 5000 });

  it('replies with a fresh token', async () => {
    const replyToken = fake.issueReplyToken();
    const res = await sender().reply(replyToken, toLineMessages(['受け付けました']));
    expect(res).toEqual({ ok: true, requestId: expect.any(String) });
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]).toMatchObject({
      path: '/v2/bot/message/reply',
      status: 200,
      body: { replyToken, messages: [{ type: 'text', text: '受け付けました' }] },
    });
    expect(fake.calls[0].retryKey).toBeUndefined();
    if (res.ok) expect(res.requestId).toBe(fake.calls[0].requestId);
  });

  it('reports an expired reply token as reply_token_invalid (not retryable)', async () => {
    const replyToken = fake.issueReplyToken({ ageSeconds: 61 });
    const res = await sender().reply(replyToken, toLineMessages([SECRET_TEXT]));
    expect(res).toMatchObject({ ok: false, retryable: false, status: 400, code: 'reply_token_invalid' });
    if (!res.ok) {
      expect(res.message).not.toContain(SECRET_TEXT);
      expect(res.message).not.toContain(replyToken);
      expect(res.message).not.toContain(TOKEN);
    }
    expect(fake.delivered()).toHaveLength(0);
  });

  it('reports a reused reply token as reply_token_invalid', async () => {
    const replyToken = fake.issueReplyToken();
    expect((await sender().reply(replyToken, toLineMessages(['1']))).ok).toBe(true);
    const again = await sender().reply(replyToken, toLineMessages(['2']));
    expect(again).toMatchObject({ ok: false, code: 'reply_token_invalid', retryable: false });
  });

  it('pushes with the retry key; a second push with the same key is a duplicate, delivered once', async () => {
    const to = fakeLineUserId();
    const retryKey = randomUUID();
    const messages = toLineMessages(['担当者からの回答です']);
    const first = await sender().push(to, messages, retryKey);
    const second = await sender().push(to, messages, retryKey);
    expect(first).toEqual({ ok: true, requestId: expect.any(String) });
    expect(second).toEqual({ ok: true, duplicate: true, requestId: expect.any(String) });
    if (first.ok && second.ok) expect(second.requestId).toBe(first.requestId);

    expect(fake.calls.map((c) => [c.path, c.status, c.retryKey])).toEqual([
      ['/v2/bot/message/push', 200, retryKey],
      ['/v2/bot/message/push', 409, retryKey],
    ]);
    expect(fake.delivered()).toHaveLength(1);
    expect(fake.delivered()[0].body).toEqual({ to, messages });
  });

  it('treats 503 as retryable, and the retry with the same key then succeeds', async () => {
    fake.failNext(503);
    const to = fakeLineUserId();
    const retryKey = randomUUID();
    const res = await sender().push(to, toLineMessages(['x']), retryKey);
    expect(res).toMatchObject({ ok: false, retryable: true, status: 503, code: 'server_error' });
    const retry = await sender().push(to, toLineMessages(['x']), retryKey);
    expect(retry).toMatchObject({ ok: true });
    expect(retry).not.toHaveProperty('duplicate');
    expect(fake.delivered()).toHaveLength(1);
  });

  it('treats 429 as retryable and a 503 on reply as retryable', async () => {
    fake.failNext(429);
    fake.failNext(503);
    const to = fakeLineUserId();
    expect(await sender().push(to, toLineMessages(['x']), randomUUID())).toMatchObject({ ok: false, retryable: true, status: 429, code: 'rate_limited' });
    expect(await sender().reply(fake.issueReplyToken(), toLineMessages(['x']))).toMatchObject({ ok: false, retryable: true, status: 503 });
  });

  it('treats a wrong channel access token as a non-retryable 401', async () => {
    const bad = createLineSender({ channelAccessToken: 'wrong', apiBaseUrl: fake.url });
    const res = await bad.push(fakeLineUserId(), toLineMessages(['x']), randomUUID());
    expect(res).toMatchObject({ ok: false, retryable: false, status: 401, code: 'unauthorized' });
    if (!res.ok) expect(res.message).not.toContain('wrong');
    expect(fake.calls[0].status).toBe(401);
    expect(fake.delivered()).toHaveLength(0);
  });

  it('treats other 4xx as not retryable (invalid recipient)', async () => {
    const res = await sender().push('not-a-line-id', toLineMessages(['x']), randomUUID());
    expect(res).toMatchObject({ ok: false, retryable: false, status: 400, code: 'bad_request' });
    if (!res.ok) expect(res.message).toContain('to');
  });

  it('refuses locally, without calling LINE, a bad retry key or bad messages', async () => {
    const s = sender();
    expect(await s.push(fakeLineUserId(), toLineMessages(['x']), 'not-a-uuid')).toMatchObject({ ok: false, retryable: false, code: 'invalid_retry_key' });
    expect(await s.push(fakeLineUserId(), [], randomUUID())).toMatchObject({ ok: false, retryable: false, code: 'invalid_request' });
    expect(await s.reply('', toLineMessages(['x']))).toMatchObject({ ok: false, retryable: false, code: 'invalid_request' });
    expect(fake.calls).toHaveLength(0);
  });
});

describe('createLineSender transport failures', () => {
  it('maps a refused connection to a retryable network_error', async () => {
    const server = net.createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((r) => server.close(() => r()));
    const res = await createLineSender({ channelAccessToken: TOKEN, apiBaseUrl: `http://127.0.0.1:${port}` }).push(
      fakeLineUserId(), toLineMessages(['x']), randomUUID(),
    );
    expect(res).toMatchObject({ ok: false, retryable: true, code: 'network_error' });
  });

  it('maps a server that never answers to a retryable timeout', async () => {
    const sockets = new Set<net.Socket>();
    const server = net.createServer((s) => { sockets.add(s); s.on('error', () => undefined); });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const { port } = server.address() as AddressInfo;
    try {
      const started = Date.now();
      const res = await createLineSender({ channelAccessToken: TOKEN, apiBaseUrl: `http://127.0.0.1:${port}`, timeoutMs: 200 }).reply(
        'token', toLineMessages(['x']),
      );
      expect(res).toMatchObject({ ok: false, retryable: true, code: 'timeout' });
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
