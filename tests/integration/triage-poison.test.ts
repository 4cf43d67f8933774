/**
 * A "poison" message: its triage throws on every attempt (here the analysis of any text holding a
 * marker fails: a fault injected into the triage pool, which no input can cause in production).
 * The sweeper used to give the failed job a fresh set of attempts every pass, forever, and the
 * person never reached staff as needing attention. Now, after TRIAGE_FAILED_ROUNDS failed rounds,
 * the message is handed to staff: marked triage-failed, `high` in the conversation list with a
 * reason staff can read, a crisis worded message still gets the hotline reply and the alert (the
 * rules-only safety net reads it), the log and audit say which message and the failure's code,
 * and the job is not queued again.
 */
import { and, eq } from 'drizzle-orm';
import { alerts, auditLog, messages } from '../../src/db/schema';
import { TRIAGE_FAILED_REASON } from '../../src/intake/triage-failed';
import { eventually, staffFetch, startTestApp, type TestApp } from '../helpers/app';
import { openWidgetSession, widgetSend } from '../helpers/widget';
import { testDatabases } from '../helpers/databases';

/** The analysis of a text holding this fails every time. */
const POISON = '〔poison-7f3a〕';
const ORDINARY = `引っ越しの手続きについて相談したいです ${POISON}`;
const CRISIS = `今から首を吊ります。さようなら ${POISON}`;
const ROUNDS = 2;
/** BullMQ's attempts per triage job (src/queues/index.ts). */
const ATTEMPTS = 5;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(testDatabases())('a message whose triage fails every time (%s)', (db) => {
  let app: TestApp;
  const logs: string[] = [];
  /** Analyses of poisoned texts, each a failed attempt. */
  const poisoned = new Map<string, number>();

  beforeAll(async () => {
    app = await startTestApp({
      db,
      env: { TRIAGE_FAILED_ROUNDS: String(ROUNDS), LOG_LEVEL: 'info' },
      logDestination: { write: (l: string) => void logs.push(l) },
      wrapTriage: (pool) => ({
        ...pool,
        analyse: (text, opts) => {
          if (!text.includes(POISON)) return pool.analyse(text, opts);
          poisoned.set(text, (poisoned.get(text) ?? 0) + 1);
          return Promise.reject(new Error('classifier fault'));
        },
      }),
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  test('after the rounds it is handed to staff (high, crisis alerted by the safety net) and not queued again', async () => {
    const { ctx } = app.runtime;
    const ordinary = await openWidgetSession(app.url);
    const crisis = await openWidgetSession(app.url);
    const ordinaryId = await widgetSend(app.url, ordinary, ORDINARY);
    const crisisId = await widgetSend(app.url, crisis, CRISIS);

    // two rounds of five attempts with backoff (1+2+4+8 s each), then the next sweep hands them over
    const row = async (id: string) => (await ctx.db.select().from(messages).where(eq(messages.id, id)))[0];
    for (const id of [ordinaryId, crisisId]) await eventually(async () => (await row(id)).triageFailedAt, 75_000, 250);

    for (const id of [ordinaryId, crisisId]) {
      const m = await row(id);
      expect(m.triagedAt).not.toBeNull();
      expect(m.triageFailedRounds).toBe(ROUNDS - 1); // the sweeper retried it once, then gave up
    }
    expect(poisoned.get(ORDINARY)).toBe(ROUNDS * ATTEMPTS);
    expect(poisoned.get(CRISIS)).toBe(ROUNDS * ATTEMPTS);

    // in the conversation list, as needing a look
    const list = (await (await staffFetch(app, '/api/conversations')).json()) as { conversations: { id: string; triage: { urgency: string; reasons: string[] } | null }[] };
    const listed = list.conversations.find((c) => c.id === ordinary.conversationId);
    expect(listed?.triage?.urgency).toBe('high');
    expect(listed?.triage?.reasons).toContain(TRIAGE_FAILED_REASON);
    const listedCrisis = list.conversations.find((c) => c.id === crisis.conversationId);
    expect(listedCrisis?.triage?.urgency).toBe('emergency');
    expect(listedCrisis?.triage?.reasons).toContain(TRIAGE_FAILED_REASON);

    // the crisis: the alert, and the safety reply with the hotlines delivered to the person
    const [alert] = await ctx.db.select().from(alerts).where(eq(alerts.conversationId, crisis.conversationId));
    expect(alert?.messageId).toBe(crisisId);
    await eventually(async () => {
      const out = await ctx.db.select().from(messages).where(and(eq(messages.conversationId, crisis.conversationId), eq(messages.direction, 'out')));
      return out.some((m) => m.authorType === 'bot' && m.text.includes('119') && m.deliveryState === 'sent');
    }, 30_000);
    expect(await ctx.db.select().from(alerts).where(eq(alerts.conversationId, ordinary.conversationId))).toHaveLength(0);

    // the front door goes on with both
    for (const id of [ordinaryId, crisisId]) await eventually(async () => (await row(id)).dialoguedAt, 30_000);

    // which message and the failure's code, in the log and the audit trail; never the text
    const handed = logs.filter((l) => l.includes('handed to staff')).map((l) => JSON.parse(l) as { messageId: string; err: string });
    expect(handed.map((l) => l.messageId).sort()).toEqual([ordinaryId, crisisId].sort());
    expect(handed.every((l) => l.err === 'Error')).toBe(true);
    expect(logs.some((l) => l.includes('poison-7f3a') || l.includes('首を吊'))).toBe(false);
    const audited = await ctx.db.select().from(auditLog).where(eq(auditLog.action, 'message.triage_failed'));
    expect(audited.map((a) => a.subjectId).sort()).toEqual([ordinaryId, crisisId].sort());
    expect(audited.every((a) => a.actorId === null)).toBe(true);

    // not queued again: several more sweeps (every second here) run no further attempt
    await sleep(4000);
    expect(poisoned.get(ORDINARY)).toBe(ROUNDS * ATTEMPTS);
    expect(poisoned.get(CRISIS)).toBe(ROUNDS * ATTEMPTS);
    expect((await row(ordinaryId)).triageFailedRounds).toBe(ROUNDS - 1);
  }, 120_000);
});
