/**
 * At the default log level an accepted LINE webhook writes no line (there can be hundreds a
 * second; the metrics count them), while a refused one, and one carrying events we ignore, still
 * do. At debug every webhook is logged (tests/integration/privacy.test.ts checks those lines).
 */
import { startTestApp, type TestApp } from '../helpers/app';
import { fakeLineUserId } from '../fixtures/fake-line-api';
import { postWebhook, textEvent, webhookBody } from '../fixtures/line-events';

const SECRET = 'log-level-secret';

describe('LINE webhook log lines at LOG_LEVEL=info', () => {
  let app: TestApp;
  const lines: Record<string, any>[] = [];

  beforeAll(async () => {
    app = await startTestApp({
      db: 'pglite',
      role: 'api',
      env: { LOG_LEVEL: 'info', LINE_CHANNEL_SECRET: SECRET, LINE_CHANNEL_ACCESS_TOKEN: 'log-level-token', LINE_API_BASE_URL: 'http://127.0.0.1:9' },
      logDestination: { write: (l: string) => void lines.push(JSON.parse(l)) },
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  const aboutWebhooks = () => lines.filter((l) => l.req?.path === '/webhooks/line' || l.msg === 'line webhook accepted');

  test('accepted: no line; refused: its request line; with ignored events: the route says so', async () => {
    const accepted = await postWebhook(app.url, webhookBody([textEvent({ userId: fakeLineUserId(), text: 'ログの確認' })]), SECRET);
    expect(accepted.status).toBe(200);
    const refused = await postWebhook(app.url, webhookBody([textEvent({ userId: fakeLineUserId(), text: '署名違い' })]), 'another-secret');
    expect(refused.status).toBe(401);
    const follow = { type: 'follow', mode: 'active', timestamp: Date.now(), source: { type: 'user', userId: fakeLineUserId() }, webhookEventId: `01H${Date.now()}`, deliveryContext: { isRedelivery: false }, replyToken: 'r' };
    expect((await postWebhook(app.url, webhookBody([follow]), SECRET)).status).toBe(200);

    // a request line is written when the answer has gone out
    const logged = () => aboutWebhooks();
    for (let i = 0; i < 50 && logged().length < 2; i++) await new Promise((r) => setTimeout(r, 20));
    expect(logged()).toEqual([
      expect.objectContaining({ req: expect.objectContaining({ path: '/webhooks/line' }), res: { statusCode: 401 } }),
      expect.objectContaining({ msg: 'line webhook accepted', events: 0, ignored: 1 }),
    ]);
  });
});
