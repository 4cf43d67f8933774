/**
 * What must never leave: logs carry no message bodies, passwords, session tokens, cookies or
 * LINE tokens, even at debug level, across the whole path (webhook, widget, staff, workers);
 * and the public widget routes are rate-limited (429, nothing stored).
 */
import { randomUUID } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { messages } from '../../src/db/schema';
import { eventually, staffFetch, startTestApp, type TestApp } from '../helpers/app';
import { fakeLineUserId, startFakeLineApi, type FakeLineApi } from '../fixtures/fake-line-api';
import { postWebhook, textEvent, webhookBody } from '../fixtures/line-events';

describe('privacy of logs and rate limits', () => {
  let app: TestApp;
  let line: FakeLineApi;
  const lines: string[] = [];

  beforeAll(async () => {
    line = await startFakeLineApi({ channelAccessToken: 'privacy-token-abc' });
    app = await startTestApp({
      db: 'pglite',
      env: {
        LOG_LEVEL: 'debug',
        LINE_CHANNEL_SECRET: 'privacy-secret-xyz',
        LINE_CHANNEL_ACCESS_TOKEN: 'privacy-token-abc',
        LINE_API_BASE_URL: line.url,
        WIDGET_RATE_LIMIT_PER_MINUTE: '3',
      },
      logDestination: { write: (l: string) => void lines.push(l) },
    });
  });
  afterAll(async () => {
    await app?.close();
    await line?.close();
  });

  test('the whole path runs, and no log line holds a body, password, token or cookie', async () => {
    const secretWords = `秘密の相談内容-${randomUUID()}`;
    const s = await (await fetch(`${app.url}/api/widget/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json();
    await fetch(`${app.url}/api/widget/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${s.sessionToken}` },
      body: JSON.stringify({ text: `${secretWords} もう死にたい`, clientMessageId: randomUUID() }),
    });
    const userId = fakeLineUserId();
    const replyToken = line.issueReplyToken();
    await postWebhook(app.url, webhookBody([textEvent({ userId, text: `${secretWords} LINE`, replyToken })]), 'privacy-secret-xyz');
    await staffFetch(app, '/api/auth/login', { method: 'POST', body: JSON.stringify({ email: app.staffEmail, password: 'wrong password here' }) });
    await eventually(async () => (await staffFetch(app, `/api/conversations?q=${encodeURIComponent(secretWords)}`)).ok);
    await staffFetch(app, `/api/conversations/${s.conversationId}/replies`, { method: 'POST', body: JSON.stringify({ text: `${secretWords} 返信` }) });
    await eventually(async () => line.delivered().some((c) => c.body.replyToken === replyToken));
    await eventually(async () => lines.some((l) => l.includes('crisis alert raised')));

    const all = lines.join('\n');
    expect(lines.length).toBeGreaterThan(10); // it did log, at debug level
    for (const secret of [secretWords, s.sessionToken, app.staffPassword, 'wrong password here', 'privacy-token-abc', 'privacy-secret-xyz', replyToken, app.staffCookie.split('=')[1]]) {
      expect({ secret, found: all.includes(secret) }).toEqual({ secret, found: false });
    }
  });

  test('the widget is rate-limited per address: 429 with a clear error, and nothing stored', async () => {
    const s = await (await fetch(`${app.url}/api/widget/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json();
    const send = () =>
      fetch(`${app.url}/api/widget/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${s.sessionToken}` },
        body: JSON.stringify({ text: 'こんにちは', clientMessageId: randomUUID() }),
      });
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 5; i++) {
      last = await send();
      statuses.push(last.status);
    }
    expect(statuses.filter((x) => x === 429).length).toBeGreaterThan(0);
    // What the person wrote in this conversation; the bot's answers to the accepted ones keep
    // arriving meanwhile, so a count of every message would not be stable.
    const written = async () =>
      (await app.runtime.ctx.db.select({ n: count() }).from(messages).where(and(eq(messages.conversationId, s.conversationId), eq(messages.direction, 'in'))))[0].n;
    const before = await written();
    expect(before).toBe(statuses.filter((x) => x === 202).length);
    const limited = await send();
    expect(limited.status).toBe(429);
    expect((await limited.json()).error.code).toBe('rate_limited');
    expect(await written()).toBe(before);
  });
});
