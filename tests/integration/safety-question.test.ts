/**
 * The safety question end to end, on the widget and on LINE (fake LINE API), real Redis and
 * database: triage unsure (risk band `check`, injected as triage's result: the rules-only engine
 * gives no band yet) → the bot asks once, directly, with はい / いいえ / わからない; はい or わからない
 * → the same emergency as triage's (safety reply, alert:crisis, escalation timer) within seconds;
 * いいえ → recorded, the conversation stays in the "check now" lane until a staff member looks;
 * never twice a day; not once staff are answering (they get the lane instead).
 */
import { and, eq } from 'drizzle-orm';
import { alerts, conversations, messages, safetyChecks } from '../../src/db/schema';
import { catalogues } from '../../src/dialogue/texts';
import { addLoggedInStaff, as, connectStaffSocket, eventually, staffFetch, startTestApp, waitForEvent, type TestApp } from '../helpers/app';
import { testDatabases } from '../helpers/databases';
import { checkTriage, injectTriagedMessage } from '../helpers/triage-result';
import { openWidgetSession, widgetChoose, widgetSend, widgetThread, type WidgetSession } from '../helpers/widget';
import { fakeLineUserId, startFakeLineApi, type FakeLineApi } from '../fixtures/fake-line-api';
import { postbackEvent, postWebhook, textEvent, webhookBody } from '../fixtures/line-events';

const SECRET = 'safety-question-secret';
const TOKEN = 'safety-question-token';
const SAFETY_DATA = ['safety:yes', 'safety:no', 'safety:unsure'];

describe.each(testDatabases())('the safety question on %s', (db) => {
  let app: TestApp;
  let line: FakeLineApi;

  beforeAll(async () => {
    line = await startFakeLineApi({ channelAccessToken: TOKEN });
    app = await startTestApp({
      db,
      // Long enough that escalation never fires during a test with staff signed in.
      env: { LINE_CHANNEL_SECRET: SECRET, LINE_CHANNEL_ACCESS_TOKEN: TOKEN, LINE_API_BASE_URL: line.url, ESCALATION_AFTER_SECONDS: '600' },
    });
  });
  afterAll(async () => {
    await app?.close();
    await line?.close();
  });

  const botMessages = async (s: WidgetSession) => (await widgetThread(app.url, s)).filter((m) => m.author === 'bot');
  const dialogued = (id: string) =>
    eventually(async () => (await app.runtime.ctx.db.select({ at: messages.dialoguedAt }).from(messages).where(eq(messages.id, id)))[0]?.at);
  const ledger = (conversationId: string) =>
    app.runtime.ctx.db.select().from(safetyChecks).where(eq(safetyChecks.conversationId, conversationId)).orderBy(safetyChecks.id);
  const listed = async (query = '') => (await (await staffFetch(app, `/api/conversations${query}`)).json()).conversations as { id: string; lane: string }[];

  /** A widget conversation that got past the first bot turn. */
  async function started(text = '少し話を聞いてほしいです'): Promise<WidgetSession> {
    const s = await openWidgetSession(app.url);
    await widgetSend(app.url, s, text);
    await eventually(async () => (await botMessages(s)).some((m) => m.buttons?.some((b) => b.data === 'subject:self')));
    return s;
  }
  async function safetyQuestion(s: WidgetSession) {
    return eventually(async () => (await botMessages(s)).find((m) => m.buttons?.some((b) => b.data === 'safety:yes')));
  }

  test('widget: asked directly with three buttons; はい → hotline reply and alert:crisis within seconds, the same emergency as triage’s', async () => {
    const staff = await connectStaffSocket(app);
    try {
      const s = await started();
      await injectTriagedMessage(app, s.conversationId, '最近、ふと消えてしまいたいと思うことがあります', checkTriage());
      const question = await safetyQuestion(s);
      expect(question.text).toBe(catalogues.ja.askSafety);
      expect(question.buttons!.map((b) => b.data)).toEqual(SAFETY_DATA);
      expect(question.buttons!.map((b) => b.label)).toEqual(['はい', 'いいえ', 'わからない']);
      expect((await ledger(s.conversationId)).map((r) => r.event)).toEqual(['asked']);
      // Waiting for an answer, the conversation is in the "check now" lane.
      expect((await listed('?risk=check')).map((c) => c.id)).toContain(s.conversationId);

      const started_ = Date.now();
      const crisis = waitForEvent(staff, 'alert:crisis', (a) => a.conversationId === s.conversationId);
      await widgetChoose(app.url, s, question.buttons![0]);
      const alert = await crisis;
      const reply = await eventually(async () => (await botMessages(s)).find((m) => m.text.includes('119')));
      const elapsed = Date.now() - started_;
      expect(elapsed).toBeLessThan(10_000); // generous: the promise is "within seconds"
      expect(reply.text).toContain('相談員にすぐ知らせました'); // staff have the inbox open
      expect(alert).toMatchObject({ urgency: 'emergency', acknowledgedAt: null });

      const [row] = await app.runtime.ctx.db.select().from(alerts).where(eq(alerts.id, alert.id));
      expect(row.duty).toBe('staff');
      expect(row.escalateAt!.getTime() - row.createdAt.getTime()).toBeGreaterThan(590_000); // the timer runs
      const job = await app.runtime.ctx.queues.escalate.getJob(`escalate-${alert.id}`);
      expect(await job?.getState()).toBe('delayed');
      const [conv] = await app.runtime.ctx.db.select().from(conversations).where(eq(conversations.id, s.conversationId));
      expect(conv.triage).toMatchObject({ urgency: 'emergency', risk: { band: 'crisis' } });
      expect(conv.triage!.reasons.join()).toContain('安全確認の質問に「はい」');
      expect((await ledger(s.conversationId)).map((r) => `${r.event}:${r.answer}`)).toEqual(['asked:null', 'answered:yes']);
      expect((await listed())[0]).toMatchObject({ id: s.conversationId, lane: 'emergency' });

      // The answer stands when the person writes again: a courtesy does not undo the emergency.
      await widgetSend(app.url, s, 'ありがとうございます');
      await eventually(async () => (await app.runtime.ctx.db.select().from(messages).where(and(eq(messages.conversationId, s.conversationId), eq(messages.text, 'ありがとうございます'))))[0]?.triagedAt);
      const [again] = await app.runtime.ctx.db.select().from(conversations).where(eq(conversations.id, s.conversationId));
      expect(again.triage).toMatchObject({ urgency: 'emergency', risk: { band: 'crisis' } });
    } finally {
      staff.disconnect();
    }
  });

  test('widget: いいえ (in words) is recorded, thanked, the held-back question follows, and it is never asked twice that day', async () => {
    const s = await started();
    await injectTriagedMessage(app, s.conversationId, '眠れない日が続いています', checkTriage());
    await safetyQuestion(s);
    // Typed, not tapped; its triage (injected) still carries the band, as combining will keep it.
    await injectTriagedMessage(app, s.conversationId, 'いいえ、大丈夫です', checkTriage());
    const after = await eventually(async () => {
      const bot = await botMessages(s);
      return bot.at(-1)?.buttons?.some((b) => b.data === 'subject:self') && bot.some((m) => m.text === catalogues.ja.safetyNoThanks) ? bot : null;
    });
    expect(after.at(-2)!.text).toBe(catalogues.ja.safetyNoThanks);
    expect(await app.runtime.ctx.db.select().from(alerts).where(eq(alerts.conversationId, s.conversationId))).toEqual([]);
    // Still in the lane: nobody has looked yet.
    expect((await listed('?risk=check')).map((c) => c.id)).toContain(s.conversationId);

    const before = (await botMessages(s)).length;
    const again = await injectTriagedMessage(app, s.conversationId, 'やっぱり気持ちが沈んでいます', checkTriage());
    await dialogued(again);
    const bot = await botMessages(s);
    expect(bot.filter((m) => m.buttons?.some((b) => b.data === 'safety:yes'))).toHaveLength(1);
    expect(bot.length - before).toBeLessThanOrEqual(2); // the open question again, never the safety question
    expect((await ledger(s.conversationId)).map((r) => `${r.event}:${r.answer}`)).toEqual(['asked:null', 'answered:no']);

    // A staff member looks: the conversation leaves the lane.
    expect((await staffFetch(app, `/api/conversations/${s.conversationId}/read`, { method: 'POST' })).status).toBe(204);
    expect((await listed('?risk=check')).map((c) => c.id)).not.toContain(s.conversationId);
  });

  test('not once staff are answering: no question, the conversation goes to the lane, the shift view counts it', async () => {
    const s = await started();
    const answer = await staffFetch(app, `/api/conversations/${s.conversationId}/replies`, { method: 'POST', body: JSON.stringify({ text: '相談員の山田です。お話を聞かせてください。' }) });
    expect(answer.status).toBe(202);
    const before = (await botMessages(s)).length;
    const id = await injectTriagedMessage(app, s.conversationId, '正直、もうどうでもいい気がしています', checkTriage());
    await dialogued(id);
    expect(await botMessages(s)).toHaveLength(before);
    expect(await ledger(s.conversationId)).toEqual([]);
    expect((await listed('?risk=check')).map((c) => c.id)).toContain(s.conversationId);
    const supervisor = await addLoggedInStaff(app, 'supervisor');
    const shift = await (await staffFetch(as(app, supervisor.cookie), '/api/shift')).json();
    expect(shift.checkLane).toBe((await listed('?risk=check')).length);
    expect(shift.checkLane).toBeGreaterThanOrEqual(1);
  });

  test('the list: emergencies first, then "check now", then the rest; risk= filters one lane; a bad value is refused', async () => {
    const rest = await started('手続きについて聞きたいです');
    const check = await started();
    await injectTriagedMessage(app, check.conversationId, '最近つらいです', checkTriage());
    await safetyQuestion(check);
    const all = await listed();
    const at = (id: string) => all.findIndex((c) => c.id === id);
    expect(all.find((c) => c.id === check.conversationId)!.lane).toBe('check');
    expect(all.find((c) => c.id === rest.conversationId)!.lane).toBe('rest');
    expect(at(check.conversationId)).toBeLessThan(at(rest.conversationId)); // although the rest one is not older
    const emergencies = all.filter((c) => c.lane === 'emergency').map((c) => at(c.id));
    for (const i of emergencies) expect(i).toBeLessThan(at(check.conversationId));
    expect((await listed('?risk=clear')).map((c) => c.id)).toContain(rest.conversationId);
    expect((await listed('?risk=clear')).map((c) => c.id)).not.toContain(check.conversationId);
    expect((await staffFetch(app, '/api/conversations?risk=maybe')).status).toBe(400);
    // Paging keeps the lanes: page by page, the same order as one long page.
    const pages: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { conversations: { id: string }[]; nextCursor: string | null } = await (await staffFetch(app, `/api/conversations?limit=2${cursor ? `&cursor=${cursor}` : ''}`)).json();
      pages.push(...page.conversations.map((c) => c.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(pages).toEqual(all.map((c) => c.id));
  });

  test('LINE: the question comes as quick replies; the わからない postback → hotline reply and alert within seconds', async () => {
    const staff = await connectStaffSocket(app);
    try {
      const userId = fakeLineUserId();
      const first = line.issueReplyToken();
      await postWebhook(app.url, webhookBody([textEvent({ userId, text: '相談したいことがあります', replyToken: first })]), SECRET);
      await eventually(async () => line.delivered().some((c) => c.body.replyToken === first));
      const [{ conversationId }] = await app.runtime.ctx.db.select({ conversationId: messages.conversationId }).from(messages).where(eq(messages.lineReplyToken, first));

      await injectTriagedMessage(app, conversationId, '夜になると死んだほうが楽かもと思ってしまう', checkTriage({ categories: ['suicide'] }));
      const push = await eventually(async () => line.delivered().find((c) => c.body.to === userId && c.body.messages.some((m: { text: string }) => m.text === catalogues.ja.askSafety)));
      const items = push.body.messages.at(-1).quickReply.items.map((i: { action: { data: string; label: string } }) => i.action);
      expect(items.map((a: { data: string }) => a.data)).toEqual(SAFETY_DATA);
      expect(items.map((a: { label: string }) => a.label)).toEqual(['はい', 'いいえ', 'わからない']);

      const token = line.issueReplyToken();
      const started_ = Date.now();
      const crisis = waitForEvent(staff, 'alert:crisis', (a) => a.conversationId === conversationId);
      await postWebhook(app.url, webhookBody([postbackEvent({ userId, data: 'safety:unsure', replyToken: token })]), SECRET);
      await crisis;
      const reply = await eventually(async () => line.delivered().find((c) => c.body.replyToken === token || (c.body.to === userId && c.body.messages.some((m: { text: string }) => m.text.includes('110')))));
      expect(Date.now() - started_).toBeLessThan(10_000);
      const text = reply.body.messages.map((m: { text: string }) => m.text).join('\n');
      expect(text).toContain('相談員にすぐ知らせました');
      expect(text).toContain('いのちの電話');
      expect((await ledger(conversationId)).map((r) => `${r.event}:${r.answer}:${r.channel}`)).toEqual(['asked:null:line', 'answered:unsure:line']);
      // Staff see which button was tapped, as its label.
      const history = await (await staffFetch(app, `/api/conversations/${conversationId}/messages`)).json();
      expect(history.messages.map((m: { text: string }) => m.text)).toContain('わからない');
    } finally {
      staff.disconnect();
    }
  });
});
