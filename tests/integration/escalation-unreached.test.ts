/**
 * A crisis whose escalation the on-call target refuses is not silent (real Redis, database, a
 * local webhook receiver that refuses, then accepts): every refused attempt is counted on the
 * alert with its code, the staff API and open inboxes (`alert:updated`) say the on-call staff
 * were not reached, /readyz says `degraded` (`escalation: failing`), the metric counts it and the
 * log names the alert, never the words; once the target accepts, all of them say reached.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { alerts } from '../../src/db/schema';
import type { AlertView } from '../../src/contracts';
import { connectStaffSocket, eventually, staffFetch, startTestApp, waitForEvent, type TestApp } from '../helpers/app';
import { metricValue, scrape } from '../helpers/metrics';
import { municipalityFile } from '../helpers/municipality';
import { openWidgetSession, widgetSend, widgetThread } from '../helpers/widget';
import { freePort } from '../helpers/processes';

jest.setTimeout(90_000);

const CRISIS = 'もう限界です。今夜、薬を全部飲んで死のうと思っています';

/** An on-call webhook answering `status` (changeable), recording the alert ids it was sent. */
async function startOnCall(status: number) {
  const received: { status: number; alertId: string }[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      received.push({ status: state.status, alertId: JSON.parse(body).alertId });
      res.statusCode = state.status;
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const state = {
    status,
    received,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/oncall`,
    close: () => new Promise((r) => server.close(r)),
  };
  return state;
}

const readiness = async (app: TestApp) => (await fetch(`${app.url}/readyz`)).json() as Promise<{ status: string; checks: { escalation: string } }>;
const openAlerts = async (app: TestApp): Promise<AlertView[]> => (await (await staffFetch(app, '/api/alerts?state=open')).json()).alerts;
const unreachedGauge = async (app: TestApp) => metricValue(await scrape(app.runtime.metricsUrl!), 'tsunagu_alerts_escalation_unreached');

describe('an on-call target that refuses the notice, then accepts it', () => {
  let app: TestApp;
  let onCall: Awaited<ReturnType<typeof startOnCall>>;
  const lines: string[] = [];

  beforeAll(async () => {
    onCall = await startOnCall(503);
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
    expect(await readiness(app)).toMatchObject({ status: 'ready', checks: { escalation: 'ok' } });
    expect(await unreachedGauge(app)).toBe(0);
    const [after] = (await openAlerts(app)).filter((a) => a.id === refused.id);
    expect(after.escalation.reachedAt).toEqual(expect.any(String));
  });
});

describe('an on-call target nobody answers at', () => {
  test('the code says unreachable; acknowledging the alert ends the degraded readiness', async () => {
    const closed = `http://127.0.0.1:${await freePort()}/oncall`;
    const file = municipalityFile((m) => {
      m.escalation = { unacknowledgedMinutes: 5, webhookUrl: closed, onCall: [{ name: '夜間当番', hours: '24h' }] };
    });
    const app = await startTestApp({ db: 'pglite', env: { MUNICIPALITY_FILE: file } });
    try {
      const s = await openWidgetSession(app.url);
      await widgetSend(app.url, s, CRISIS);
      const refused = await eventually(async () => {
        const [row] = await app.runtime.ctx.db.select().from(alerts).where(eq(alerts.conversationId, s.conversationId));
        return row?.escalationFailures ? row : null;
      }, 20_000);
      expect(refused.escalationError).toBe('webhook_ECONNREFUSED');
      expect(await readiness(app)).toMatchObject({ status: 'degraded', checks: { escalation: 'failing' } });

      const ack = await staffFetch(app, `/api/alerts/${refused.id}/ack`, { method: 'POST' });
      expect(ack.status).toBe(200);
      expect(await readiness(app)).toMatchObject({ status: 'ready', checks: { escalation: 'ok' } });
    } finally {
      await app.close();
    }
  });
});
