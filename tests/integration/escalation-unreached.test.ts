/**
 * A crisis whose escalation the on-call target refuses is not silent (real Redis, database, a
 * local webhook receiver that refuses, then accepts): every refused attempt is counted on the
 * alert with its code, the staff API and open inboxes (`alert:updated`) say the on-call staff
 * were not reached, /readyz says `degraded` (`escalation: failing`), the metric counts it and the
 * log names the alert, never the words; once the target accepts, all of them say reached. The
 * person, told the on-call staff were being alerted, is told once they were not reached when the
 * refusals last `tellPersonUnreachedSeconds` — not before, and not when they wrote about danger
 * at home (a later message may be seen by the person they fear).
 */
import { eq } from 'drizzle-orm';
import { alerts, conversations } from '../../src/db/schema';
import type { AlertView } from '../../src/contracts';
import { connectStaffSocket, eventually, staffFetch, startTestApp, waitForEvent, type TestApp } from '../helpers/app';
import { metricValue, scrape } from '../helpers/metrics';
import { municipalityFile } from '../helpers/municipality';
import { startOnCallWebhook, type OnCallWebhook } from '../helpers/on-call-webhook';
import { openWidgetSession, widgetSend, widgetThread } from '../helpers/widget';
import { freePort } from '../helpers/processes';

jest.setTimeout(90_000);

const CRISIS = 'もう限界です。今夜、薬を全部飲んで死のうと思っています';
const UNREACHED = '当番の職員に、まだ連絡がついていません';

const readiness = async (app: TestApp) => (await fetch(`${app.url}/readyz`)).json() as Promise<{ status: string; checks: { escalation: string } }>;
const openAlerts = async (app: TestApp): Promise<AlertView[]> => (await (await staffFetch(app, '/api/alerts?state=open')).json()).alerts;
const unreachedGauge = async (app: TestApp) => metricValue(await scrape(app.runtime.metricsUrl!), 'tsunagu_alerts_escalation_unreached');

describe('an on-call target that refuses the notice, then accepts it', () => {
  let app: TestApp;
  let onCall: OnCallWebhook;
  const lines: string[] = [];

  beforeAll(async () => {
    onCall = await startOnCallWebhook(503);
    const file = municipalityFile((m) => {
      m.escalation = { unacknowledgedMinutes: 5, webhookUrl: onCall.url, onCall: [{ name: '夜間当番（福祉課）', hours: '24h' }] };
    });
    app = await startTestApp({ db: 'pglite', env: { MUNICIPALITY_FILE: file, LOG_LEVEL: 'info', METRICS_PORT: '0' }, logDestination: { write: (l) => void lines.push(l) } });
  });
  afterAll(async () => {
    await app?.close();
    await onCall?.close();
  });

  test('refused: counted with its code, shown to staff, /readyz degraded; accepted: reached everywhere', async () => {
    expect(await readiness(app)).toMatchObject({ status: 'ready', checks: { escalation: 'ok' } });

    // Nobody has the inbox open: the notice goes to the on-call webhook at once, which refuses.
    const s = await openWidgetSession(app.url);
    await widgetSend(app.url, s, CRISIS);
    await eventually(async () => (await widgetThread(app.url, s)).find((m) => m.author === 'bot' && m.text.includes('当番の職員に知らせています')));
    const refused = await eventually(async () => {
      const [row] = await app.runtime.ctx.db.select().from(alerts).where(eq(alerts.conversationId, s.conversationId));
      return row?.escalationFailures ? row : null;
    }, 20_000);
    expect(refused).toMatchObject({ escalationError: 'webhook_503', escalationNotifiedAt: null, escalatedAt: expect.any(Date), escalationFailedAt: expect.any(Date) });
    expect(onCall.received.filter((r) => r.alertId === refused.id).length).toBeGreaterThanOrEqual(1);

    const [view] = (await openAlerts(app)).filter((a) => a.id === refused.id);
    expect(view.escalation).toMatchObject({ reachedAt: null, failures: expect.any(Number), lastError: 'webhook_503', lastFailedAt: expect.any(String) });
    expect(view.escalation.failures).toBeGreaterThanOrEqual(1);
    expect(await readiness(app)).toMatchObject({ status: 'degraded', checks: { database: 'ok', redis: 'ok', escalation: 'failing' } });
    expect(await unreachedGauge(app)).toBe(1);

    const logged = lines.map((l) => JSON.parse(l)).filter((l) => l.alertId === refused.id && /no escalation target has accepted/.test(l.msg));
    expect(logged[0]).toMatchObject({ level: 50, codes: 'webhook_503', reached: false });
    expect(lines.join('\n')).not.toContain('薬を全部');

    // An inbox opens; the next attempt (the job's backoff) is refused again and the inbox is told.
    const staff = await connectStaffSocket(app);
    try {
      const again = await waitForEvent<AlertView>(staff, 'alert:updated', (a) => a.id === refused.id, 30_000);
      expect(again.escalation).toMatchObject({ reachedAt: null, lastError: 'webhook_503' });
      expect(again.escalation.failures).toBeGreaterThan(view.escalation.failures - 1);

      // The target answers again: the next attempt is accepted, and the inbox hears it reached.
      onCall.status = 200;
      const reached = await waitForEvent<AlertView>(staff, 'alert:updated', (a) => a.id === refused.id && a.escalation.reachedAt !== null, 60_000);
      expect(reached.escalation.failures).toBeGreaterThanOrEqual(2);
    } finally {
      staff.disconnect();
    }
    expect(onCall.received.filter((r) => r.alertId === refused.id && r.status === 200)).toHaveLength(1);
    // Refused for less than the municipality's 60 s: the person was not told anything more.
    const thread = await widgetThread(app.url, s);
    expect(thread.filter((m) => m.text.includes(UNREACHED))).toHaveLength(0);
    expect(thread.filter((m) => m.text.includes('当番の職員に知らせています'))).toHaveLength(1);
    expect(await readiness(app)).toMatchObject({ status: 'ready', checks: { escalation: 'ok' } });
    expect(await unreachedGauge(app)).toBe(0);
    const [after] = (await openAlerts(app)).filter((a) => a.id === refused.id);
    expect(after.escalation.reachedAt).toEqual(expect.any(String));
  });
});

describe('an on-call target nobody answers at, the person told at the first refusal', () => {
  let app: TestApp;

  beforeAll(async () => {
    const closed = `http://127.0.0.1:${await freePort()}/oncall`;
    const file = municipalityFile((m) => {
      m.escalation = { unacknowledgedMinutes: 5, webhookUrl: closed, onCall: [{ name: '夜間当番', hours: '24h' }], tellPersonUnreachedSeconds: 0 };
    });
    app = await startTestApp({ db: 'pglite', env: { MUNICIPALITY_FILE: file } });
  });
  afterAll(async () => {
    await app?.close();
  });

  const refusedAlert = (conversationId: string, failures = 1) =>
    eventually(async () => {
      const [row] = await app.runtime.ctx.db.select().from(alerts).where(eq(alerts.conversationId, conversationId));
      return row && row.escalationFailures >= failures ? row : null;
    }, 30_000);

  test('the code says unreachable; the person is told once, in their language; acknowledging ends the degraded readiness', async () => {
    const s = await openWidgetSession(app.url, { lang: 'en' });
    await widgetSend(app.url, s, 'I cannot go on. Tonight I am going to take all my pills and die.');
    const refused = await refusedAlert(s.conversationId);
    expect(refused.escalationError).toBe('webhook_ECONNREFUSED');
    expect(await readiness(app)).toMatchObject({ status: 'degraded', checks: { escalation: 'failing' } });

    const told = await eventually(async () => (await widgetThread(app.url, s)).find((m) => m.author === 'bot' && m.text.includes('we have not been able to reach the staff member on call')));
    expect(told.text).toContain('No one can read this message right now');
    expect(told.text).toContain('119');
    // The next refusal (the job's backoff, 5 s) does not tell them again.
    await refusedAlert(s.conversationId, 2);
    expect((await widgetThread(app.url, s)).filter((m) => m.text.includes('reach the staff member on call'))).toHaveLength(1);
    const [row] = await app.runtime.ctx.db.select().from(alerts).where(eq(alerts.id, refused.id));
    expect(row.personToldUnreachedAt).toEqual(expect.any(Date));

    const ack = await staffFetch(app, `/api/alerts/${refused.id}/ack`, { method: 'POST' });
    expect(ack.status).toBe(200);
    expect(await readiness(app)).toMatchObject({ status: 'ready', checks: { escalation: 'ok' } });
  });

  test('danger at home: no later message, which the person they fear might see', async () => {
    const s = await openWidgetSession(app.url);
    await widgetSend(app.url, s, '夫に毎日殴られています。今夜、殺されると思います');
    const refused = await refusedAlert(s.conversationId, 2);
    const [conversation] = await app.runtime.ctx.db.select().from(conversations).where(eq(conversations.id, s.conversationId));
    expect(conversation.triage?.categories).toContain('dv');
    expect(refused.personToldUnreachedAt).toBeNull();
    expect((await widgetThread(app.url, s)).filter((m) => m.text.includes(UNREACHED))).toHaveLength(0);
    await staffFetch(app, `/api/alerts/${refused.id}/ack`, { method: 'POST' });
  });
});
