/**
 * The 断らない front door on real parts (Redis, PGlite/Postgres, fake LINE API): a crisis is
 * answered with hotlines and alerted even when nobody is logged in, and escalated when nobody
 * acknowledges; an anonymous neighbour report never shows the reporter to staff; consent is
 * given by postback, withdrawn in words, and listed in order; after hours the bot says when.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { alerts, contacts, conversations, messages } from '../../src/db/schema';
import { addLoggedInStaff, as, connectStaffSocket, eventually, NEVER_STAFFED, staffFetch, startTestApp, waitForEvent, type TestApp } from '../helpers/app';
import { testDatabases } from '../helpers/databases';
import { municipalityWithWebhook } from '../helpers/municipality';
import { fakeLineUserId, startFakeLineApi, type FakeLineApi } from '../fixtures/fake-line-api';
import { postbackEvent, postWebhook, textEvent, webhookBody } from '../fixtures/line-events';
import { openWidgetSession, widgetSend as send, widgetThread, type WidgetSession } from '../helpers/widget';
import type { MessagesEventPayload } from '../../src/contracts/socket-events';

const SECRET = 'front-door-secret';
const TOKEN = 'front-door-token';

/** Opens a session unless one is given, and sends one message. */
async function widgetSend(url: string, text: string, session?: WidgetSession): Promise<WidgetSession> {
  const s = session ?? (await openWidgetSession(url));
  await send(url, s, text);
  return s;
}

describe.each(testDatabases())('front door on %s', (db) => {
  let app: TestApp;
  let line: FakeLineApi;
  let hook: http.Server;
  const hookCalls: { body: string }[] = [];

  beforeAll(async () => {
    line = await startFakeLineApi({ channelAccessToken: TOKEN });
    hook = http.createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        hookCalls.push({ body });
        res.end('ok');
      });
    });
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', () => r()));
    const hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/oncall`;
    app = await startTestApp({
      db,
      env: {
        LINE_CHANNEL_SECRET: SECRET,
        LINE_CHANNEL_ACCESS_TOKEN: TOKEN,
        LINE_API_BASE_URL: line.url,
        MUNICIPALITY_FILE: municipalityWithWebhook(hookUrl),
        ESCALATION_AFTER_SECONDS: '2',
      },
    });
  });
  afterAll(async () => {
    await app?.close();
    await line?.close();
    await new Promise((r) => hook?.close(r));
  });

  test('a crisis gets the hotline reply and an open alert even with nobody logged in', async () => {
    const s = await widgetSend(app.url, 'もう疲れました。死にたいです。薬を全部飲もうと思っています');
    const thread = await eventually(async () => {
      const t = await widgetThread(app.url, s.sessionToken);
      return t.some((m) => m.author === 'bot') ? t : null;
    });
    const safety = thread.find((m) => m.author === 'bot')!;
    expect(safety.text).toContain('119');
    expect(safety.text).toContain('いのちの電話');
    // The bot asks nothing else in a crisis: the safety reply is its only message.
    await new Promise((r) => setTimeout(r, 500));
    expect((await widgetThread(app.url, s.sessionToken)).filter((m) => m.author === 'bot')).toHaveLength(1);

    const open = await (await staffFetch(app, '/api/alerts?state=open')).json();
    const alert = open.alerts.find((a: { conversationId: string }) => a.conversationId === s.conversationId);
    expect(alert).toMatchObject({ urgency: 'emergency', acknowledgedAt: null });
    expect(alert.reasons.length).toBeGreaterThan(0);
    const list = await (await staffFetch(app, '/api/conversations')).json();
    expect(list.conversations[0]).toMatchObject({ id: s.conversationId, triage: { urgency: 'emergency' } });

    // Writing again in the same crisis does not send the hotlines twice or open a second alert.
    await widgetSend(app.url, 'やっぱり死にたい', s);
    await eventually(async () => (await app.runtime.ctx.db.select().from(messages).where(eq(messages.conversationId, s.conversationId))).every((m) => m.direction === 'out' || m.dialoguedAt));
    expect((await app.runtime.ctx.db.select().from(alerts).where(eq(alerts.conversationId, s.conversationId)))).toHaveLength(1);
    expect((await widgetThread(app.url, s.sessionToken)).filter((m) => m.author === 'bot')).toHaveLength(1);
  });

  test('staff get alert:crisis live; acknowledging quiets it; nobody acknowledging escalates to supervisors and the on-call webhook', async () => {
    const supervisor = await addLoggedInStaff(app, 'supervisor', '主任 花子');
    const counsellorSocket = await connectStaffSocket(app);
    const supervisorSocket = await connectStaffSocket(as(app, supervisor.cookie));
    const counsellorEscalations: unknown[] = [];
    counsellorSocket.on('alert:escalated', (a) => counsellorEscalations.push(a));
    try {
      // One crisis someone acknowledges in time.
      const crisisA = waitForEvent(counsellorSocket, 'alert:crisis');
      const a = await widgetSend(app.url, '今から飛び降ります');
      const alertA = await crisisA;
      expect(Object.keys(alertA).sort()).toEqual(['acknowledgedAt', 'acknowledgedBy', 'conversationId', 'createdAt', 'escalatedAt', 'escalation', 'id', 'reasons', 'urgency']);
      expect(alertA.escalation).toEqual({ reachedAt: null, failures: 0, lastFailedAt: null, lastError: null });
      expect(alertA).toMatchObject({ conversationId: a.conversationId, urgency: 'emergency' });
      const acked = waitForEvent(supervisorSocket, 'alert:acknowledged', (x) => x.id === alertA.id);
      const ack = await staffFetch(app, `/api/alerts/${alertA.id}/ack`, { method: 'POST' });
      expect(ack.status).toBe(200);
      expect((await ack.json()).alert).toMatchObject({ id: alertA.id, acknowledgedBy: app.staffId });
      await acked;
      expect((await staffFetch(app, `/api/alerts/${alertA.id}/ack`, { method: 'POST' })).status).toBe(200); // a double click is fine
      expect((await staffFetch(app, `/api/alerts/${randomUUID()}/ack`, { method: 'POST' })).status).toBe(404);

      // One nobody acknowledges: escalated after the configured delay, to supervisors only.
      const crisisB = waitForEvent(counsellorSocket, 'alert:crisis');
      let alertBId = '';
      const escalated = waitForEvent(supervisorSocket, 'alert:escalated', (x) => x.id === alertBId, 20_000);
      const b = await widgetSend(app.url, '死にたい。もう生きていたくない');
      const alertB = await crisisB;
      alertBId = alertB.id;
      expect(alertB.conversationId).toBe(b.conversationId);
      const esc = await escalated;
      expect(esc).toMatchObject({ id: alertB.id, escalatedAt: expect.any(String), acknowledgedAt: null });
      await eventually(async () => hookCalls.some((c) => c.body.includes(alertB.id)));
      const notice = JSON.parse(hookCalls.find((c) => c.body.includes(alertB.id))!.body);
      expect(notice).toMatchObject({ type: 'crisis_unacknowledged', alertId: alertB.id, conversationId: b.conversationId });
      expect(JSON.stringify(notice)).not.toContain('死にたい'); // ids only, never the words
      expect(counsellorEscalations).toEqual([]);
      // A's alert was acknowledged in time: never escalated.
      expect((await app.runtime.ctx.db.select().from(alerts).where(eq(alerts.id, alertA.id)))[0].escalatedAt).toBeNull();
    } finally {
      counsellorSocket.disconnect();
      supervisorSocket.disconnect();
    }
  });

  test('an anonymous neighbour report over LINE: answered in the same chat, the reporter never reaches staff', async () => {
    const userId = fakeLineUserId();
    const staffSocket = await connectStaffSocket(app);
    const seen: string[] = [];
    staffSocket.onAny((name, payload) => seen.push(JSON.stringify({ name, payload })));
    try {
      const token = line.issueReplyToken();
      const created = waitForEvent<MessagesEventPayload>(staffSocket, 'message:created', (p) => p.messages.some((m) => m.text.startsWith('匿名でお願いします')));
      await postWebhook(app.url, webhookBody([textEvent({ userId, text: '匿名でお願いします。隣の家の高齢の方が、ゴミがたまった家で一人で暮らしていて心配です', replyToken: token })]), SECRET);
      const { conversationId } = await created;
      const conv = await eventually(async () => {
        const c = (await (await staffFetch(app, '/api/conversations')).json()).conversations.find((x: { id: string }) => x.id === conversationId);
        return c?.anonymous && c.frontDoor !== 'start' ? c : null;
      });
      expect(conv).toMatchObject({ anonymous: true, subject: 'neighbour', channel: 'line' });
      // The bot answered the reporter on the reply token, and did not offer anonymity again.
      await eventually(async () => line.delivered().some((c) => c.body.replyToken === token));
      const botTexts = line.delivered().find((c) => c.body.replyToken === token)!.body.messages.map((m: { text: string }) => m.text);
      expect(botTexts.join('\n')).not.toContain('匿名を希望されますか');

      const reply = await staffFetch(app, `/api/conversations/${conversationId}/replies`, { method: 'POST', body: JSON.stringify({ text: '教えてくださりありがとうございます。' }) });
      expect(reply.status).toBe(202);
      await eventually(async () => line.delivered().some((c) => c.body.to === userId));

      const everything = [
        await (await staffFetch(app, '/api/conversations')).text(),
        await (await staffFetch(app, `/api/conversations/${conversationId}/messages`)).text(),
        await (await staffFetch(app, `/api/conversations/${conversationId}/consents`)).text(),
        await (await staffFetch(app, '/api/alerts?state=all')).text(),
        ...seen,
      ].join('\n');
      expect(everything).toContain(conversationId);
      expect(everything).not.toContain(userId);
      expect(everything).not.toContain('テスト'); // the fake LINE profile's display name is never fetched or kept
    } finally {
      staffSocket.disconnect();
    }
  });

  test("a LINE user whose profile language is English gets the bot in English (only the language is read)", async () => {
    const userId = fakeLineUserId();
    line.setProfileLanguage(userId, 'en');
    const token = line.issueReplyToken();
    // a message that shows no language of its own: the profile's decides
    await postWebhook(app.url, webhookBody([textEvent({ userId, text: '😢😢', replyToken: token })]), SECRET);
    const call = await eventually(async () => line.delivered().find((c) => c.body.replyToken === token));
    expect(call.body.messages[0].text).toContain('automatic reply');
    expect(call.body.messages.at(-1).quickReply.items.map((i: { action: { label: string } }) => i.action.label)).toEqual(['Myself', 'A family member', 'Neighbour / friend']);
  });

  test.each([
    ['ja', 'I lost my job and cannot pay rent', 'automatic reply'],
    ['en', '仕事を失って家賃が払えません', '自動'],
  ])('a LINE user whose profile language is %s and who writes 「%s」 is answered in the language written', async (profile, text, marker) => {
    const userId = fakeLineUserId();
    line.setProfileLanguage(userId, profile);
    const token = line.issueReplyToken();
    await postWebhook(app.url, webhookBody([textEvent({ userId, text, replyToken: token })]), SECRET);
    const call = await eventually(async () => line.delivered().find((c) => c.body.replyToken === token));
    expect(call.body.messages[0].text).toContain(marker);
  });

  test('consent by LINE postbacks, withdrawn in words, listed oldest first; a redelivered answer counts once', async () => {
    const userId = fakeLineUserId();
    const post = (events: unknown[]) => postWebhook(app.url, webhookBody(events), SECRET);
    const lastQuickReply = async (n: number) => {
      const calls = await eventually(async () => {
        const mine = line.delivered().filter((c) => c.body.to === userId || (c.body.replyToken && tokens.includes(c.body.replyToken)));
        return mine.length >= n ? mine : null;
      });
      return calls[n - 1].body.messages.at(-1).quickReply?.items.map((i: { action: { data: string } }) => i.action.data) ?? [];
    };
    const tokens: string[] = [];
    const event = (e: { replyToken?: string }) => {
      const t = line.issueReplyToken();
      tokens.push(t);
      return { ...e, replyToken: t };
    };
    await post([event(textEvent({ userId, text: 'ちょっと相談があります' }))]);
    expect(await lastQuickReply(1)).toEqual(['subject:self', 'subject:family', 'subject:neighbour']);
    const [conv] = await app.runtime.ctx.db
      .select({ id: conversations.id })
      .from(conversations)
      .innerJoin(contacts, eq(contacts.id, conversations.contactId))
      .where(eq(contacts.externalId, userId));
    await post([event(postbackEvent({ userId, data: 'subject:self' }))]);
    expect(await lastQuickReply(2)).toEqual(['consent:contact:yes', 'consent:contact:no', 'consent:contact:later']);
    const yes = postbackEvent({ userId, data: 'consent:contact:yes' });
    await post([event(yes)]);
    await post([{ ...yes, deliveryContext: { isRedelivery: true } }]); // LINE redelivers
    expect(await lastQuickReply(3)).toEqual(['consent:share:yes', 'consent:share:no', 'consent:share:later']);
    await post([event(postbackEvent({ userId, data: 'consent:share:later' }))]);
    await lastQuickReply(4);
    await post([event(textEvent({ userId, text: '同意を取り消したいです' }))]);
    // Which one? The bot asks, with buttons; nothing is withdrawn until the person says.
    expect(await lastQuickReply(5)).toEqual(['withdraw:contact', 'withdraw:share', 'withdraw:both', 'withdraw:keep']);
    await post([event(postbackEvent({ userId, data: 'withdraw:both' }))]);
    const confirmation = (await eventually(async () => line.delivered().filter((c) => c.body.replyToken === tokens.at(-1))[0])).body.messages[0].text;
    expect(confirmation).toContain('両方の同意を取り消しました');
    expect(confirmation).toContain('いつでもここに書いてください'); // how to go on, never just "nobody will contact you"
    const consents = await eventually(async () => {
      const c = (await (await staffFetch(app, `/api/conversations/${conv.id}/consents`)).json()).consents;
      return c.length >= 4 ? c : null;
    });
    expect(consents.map((c: { scope: string; answer: string }) => `${c.scope}:${c.answer}`)).toEqual([
      'contact:yes',
      'share:later',
      'contact:withdrawn',
      'share:withdrawn',
    ]);
    expect(consents[0]).toMatchObject({ channel: 'line', by: 'person', textVersion: expect.stringMatching(/^consent-/) });
    // Staff see the withdrawal on the conversation (the warning above the reply box).
    expect((await (await staffFetch(app, `/api/conversations/${conv.id}`)).json()).conversation.contactConsent).toBe('withdrawn');
    // Staff see which button was chosen, as its label.
    const history = await (await staffFetch(app, `/api/conversations/${conv.id}/messages`)).json();
    expect(history.messages.map((m: { text: string }) => m.text)).toContain('自分のこと');

    // Staff can record what the person said by phone; it is appended, by staff.
    const byStaff = await staffFetch(app, `/api/conversations/${conv.id}/consents`, { method: 'POST', body: JSON.stringify({ scope: 'share', answer: 'yes' }) });
    expect(byStaff.status).toBe(201);
    const after = (await (await staffFetch(app, `/api/conversations/${conv.id}/consents`)).json()).consents;
    expect(after.at(-1)).toMatchObject({ scope: 'share', answer: 'yes', by: 'staff', channel: 'staff' });
    await staffFetch(app, `/api/conversations/${conv.id}/consents`, { method: 'POST', body: JSON.stringify({ scope: 'contact', answer: 'yes' }) });
    expect((await (await staffFetch(app, `/api/conversations/${conv.id}`)).json()).conversation.contactConsent).toBe('yes');
    expect(after).toHaveLength(5);
    const bad = await staffFetch(app, `/api/conversations/${conv.id}/consents`, { method: 'POST', body: JSON.stringify({ scope: 'everything', answer: 'yes' }) });
    expect(bad.status).toBe(400);
  });
});

describe('outside staffed hours', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ db: 'pglite', env: { MUNICIPALITY_FILE: NEVER_STAFFED } });
  });
  afterAll(() => app?.close());

  test('the bot says no one is in now and what to do if it cannot wait', async () => {
    const s = await widgetSend(app.url, '息子のことで相談があります');
    const bot = await eventually(async () => {
      const t = (await widgetThread(app.url, s.sessionToken)).filter((m) => m.author === 'bot');
      return t.length >= 2 ? t : null;
    });
    const afterHours = bot.find((m) => m.text.includes('受付時間外'));
    expect(afterHours?.text).toContain('119');
  });
});
