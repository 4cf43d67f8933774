/**
 * Input a person or a crafted request can send that the database cannot take as is (issue 8
 * item 4): control characters, NUL above all, in widget and LINE text are dropped (line breaks and
 * tabs kept) and never a 500; a LINE body with such an event stores every event; a malformed list
 * cursor is a 400. Nothing a person wrote reaches the log.
 */
import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { messages } from '../../src/db/schema';
import { staffFetch, startTestApp, type TestApp } from '../helpers/app';
import { testDatabases } from '../helpers/databases';
import { openWidgetSession } from '../helpers/widget';
import { fakeLineUserId } from '../fixtures/fake-line-api';
import { postbackEvent, postWebhook, textEvent, webhookBody } from '../fixtures/line-events';

const SECRET = 'hostile-secret';

describe.each(testDatabases())('hostile input (%s)', (db) => {
  let app: TestApp;
  const logged: string[] = [];

  beforeAll(async () => {
    app = await startTestApp({
      db,
      env: { LOG_LEVEL: 'info', LINE_CHANNEL_SECRET: SECRET, LINE_CHANNEL_ACCESS_TOKEN: 'hostile-token', LINE_API_BASE_URL: 'http://127.0.0.1:9' },
      logDestination: { write: (line) => void logged.push(line) },
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  const sendWidget = (token: string, text: string, postback?: string) =>
    fetch(`${app.url}/api/widget/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ text, clientMessageId: randomUUID(), ...(postback ? { postback } : {}) }),
    });

  test('widget: control characters are dropped, line breaks and tabs kept; only control characters is a 400', async () => {
    const s = await openWidgetSession(app.url);
    const res = await sendWidget(s.sessionToken, '夫が\u0000怖い\u0007です。\r\n助けて\tください\u0085\u007f');
    expect(res.status).toBe(202);
    const { messageId } = await res.json();
    const [row] = await app.runtime.ctx.db.select().from(messages).where(eq(messages.id, messageId));
    expect(row.text).toBe('夫が怖いです。\n助けて\tください');

    const button = await sendWidget(s.sessionToken, 'はい', 'consent:\u0000yes');
    expect(button.status).toBe(202);

    const empty = await sendWidget(s.sessionToken, '\u0000\u0001 \u0002');
    expect(empty.status).toBe(400);
    expect((await empty.json()).error.code).toBe('invalid_body');
    const stored = await app.runtime.ctx.db.select().from(messages).where(eq(messages.conversationId, s.conversationId));
    expect(stored.filter((m) => m.direction === 'in')).toHaveLength(2);
  });

  test('LINE: an event with NUL in its text or postback is stored cleaned, and so is every other event of the body', async () => {
    const userId = fakeLineUserId();
    const events = [
      textEvent({ userId, text: '最初のメッセージ' }),
      textEvent({ userId, text: '途中に\u0000NUL' }),
      postbackEvent({ userId, data: 'lang:\u0000en' }),
      textEvent({ userId, text: '最後に助けてください' }),
    ];
    const res = await postWebhook(app.url, webhookBody(events), SECRET);
    expect(res.status).toBe(200);
    const rows = await app.runtime.ctx.db
      .select()
      .from(messages)
      .where(inArray(messages.externalId, events.map((e) => e.webhookEventId)));
    expect(rows.map((r) => r.text).sort()).toEqual(expect.arrayContaining(['最初のメッセージ', '途中にNUL', '最後に助けてください']));
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => !r.text.includes('\u0000') && !JSON.stringify(r.payload ?? {}).includes('\\u0000'))).toBe(true);
  });

  test('a malformed list cursor is a 400, whatever is wrong with it', async () => {
    const cursor = (c: unknown) => Buffer.from(JSON.stringify(c)).toString('base64url');
    const id = randomUUID();
    const bad = [
      'garbage',
      cursor({ l: 0, t: '2026-02-30 10:00:00.123+00', i: id }), // no such day
      cursor({ l: 0, t: '2026-12-05 25:00:00+00', i: id }),
      cursor({ l: 0, t: '9999-99-99 99:99:99+00', i: id }),
      cursor({ l: 0, t: '2026-12-05 03:33:43+00', i: '------------------------------------' }),
      cursor({ l: 1e20, t: '2026-12-05 03:33:43+00', i: id }),
      cursor({ l: 0, t: "2026-12-05 03:33:43+00'; drop table messages; --", i: id }),
      cursor([1, 2, 3]),
    ];
    for (const c of bad) {
      const res = await staffFetch(app, `/api/conversations?cursor=${encodeURIComponent(c)}`);
      expect([c, res.status]).toEqual([c, 400]);
      expect((await res.json()).error.code).toBe('invalid_query');
    }
    const good = await staffFetch(app, `/api/conversations?cursor=${cursor({ l: 2, t: '2026-12-05 03:33:43.262467+00', i: id })}`);
    expect(good.status).toBe(200);
  });

  test('nothing a person wrote reaches the log', () => {
    const all = logged.join('\n');
    expect(logged.length).toBeGreaterThan(0);
    for (const words of ['夫が', '怖い', '途中に', '最後に助けて', 'consent:', 'lang:']) expect(all).not.toContain(words);
    expect(all).not.toMatch(/Failed query|params:/);
  });
});
