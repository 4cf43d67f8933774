/**
 * A counsellor acknowledges a crisis alert at the moment its escalation runs: between the
 * escalation's read of the alert (unacknowledged) and its mark. The escalation then stands down —
 * no mark, no audit row, no `alert:escalated` to the supervisors, no e-mail or webhook about an
 * alert someone already took — instead of escalating an acknowledged alert.
 */
import type { Job } from 'bullmq';
import { and, eq } from 'drizzle-orm';
import { alerts, auditLog } from '../../src/db/schema';
import type { Context } from '../../src/context';
import type { EscalateJob } from '../../src/queues';
import { createEscalateProcessor } from '../../workers/escalate';
import { connectStaffSocket, eventually, startTestApp, type TestApp } from '../helpers/app';
import { testDatabases } from '../helpers/databases';
import { openWidgetSession, widgetSend } from '../helpers/widget';

jest.setTimeout(60_000);

describe.each(testDatabases())('an alert acknowledged while its escalation runs (%s)', (db) => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ db });
  });
  afterAll(async () => {
    await app?.close();
  });

  test('the escalation stands down: nothing marked, audited or sent', async () => {
    const { ctx } = app.runtime;
    // A counsellor on duty (inbox open): the escalation waits its delay instead of running at once.
    const onDuty = await connectStaffSocket(app);
    const s = await openWidgetSession(app.url);
    await widgetSend(app.url, s, 'もう限界です。今夜、薬を全部飲んで死のうと思っています');
    const alert = await eventually(async () => (await ctx.db.select().from(alerts).where(eq(alerts.conversationId, s.conversationId)))[0]);
    expect(alert.acknowledgedAt).toBeNull();
    expect(alert.escalatedAt).toBeNull();

    // The acknowledgement commits just before the escalation's mark (its first transaction).
    const acknowledgeFirst = new Proxy(ctx.db, {
      get(target, prop, receiver) {
        if (prop !== 'transaction') return Reflect.get(target, prop, receiver);
        return async (...args: Parameters<Context['db']['transaction']>) => {
          await target.update(alerts).set({ acknowledgedAt: new Date(), acknowledgedBy: app.staffId }).where(eq(alerts.id, alert.id));
          return target.transaction(...args);
        };
      },
    });
    const published: string[] = [];
    const publisher = { ...ctx.publisher, alertEscalated: (_agency: string, a: { id: string }) => void published.push(a.id) };
    const escalate = createEscalateProcessor({ ...ctx, db: acknowledgeFirst, publisher } as Context);

    expect(await escalate({ data: { alertId: alert.id } } as Job<EscalateJob>)).toBe('acknowledged in time');
    const [after] = await ctx.db.select().from(alerts).where(eq(alerts.id, alert.id));
    expect(after.escalatedAt).toBeNull();
    expect(after.acknowledgedAt).not.toBeNull();
    expect(published).toEqual([]);
    const audited = await ctx.db.select().from(auditLog).where(and(eq(auditLog.subjectId, alert.id), eq(auditLog.action, 'alert.escalate')));
    expect(audited).toHaveLength(0);
    onDuty.close();
  });
});
