/**
 * Prometheus metrics (METRICS_PORT): they exist, stay off the public port, and move when messages
 * go through — a LINE webhook, a widget message answered by the bot, a crisis with its hotline
 * reply and its open alert.
 */
import { ALWAYS_STAFFED, eventually, startTestApp, type TestApp } from '../helpers/app';
import { metricValue, scrape } from '../helpers/metrics';
import { openWidgetSession, widgetSend, widgetThread } from '../helpers/widget';
import { fakeLineUserId, startFakeLineApi, type FakeLineApi } from '../fixtures/fake-line-api';
import { postWebhook, textEvent, webhookBody } from '../fixtures/line-events';

const SECRET = 'metrics-secret';
const TOKEN = 'metrics-token';

describe('metrics at METRICS_PORT', () => {
  let app: TestApp;
  let line: FakeLineApi;
  let metricsUrl: string;

  beforeAll(async () => {
    line = await startFakeLineApi({ channelAccessToken: TOKEN });
    app = await startTestApp({
      env: { METRICS_PORT: '0', MUNICIPALITY_FILE: ALWAYS_STAFFED, LINE_CHANNEL_SECRET: SECRET, LINE_CHANNEL_ACCESS_TOKEN: TOKEN, LINE_API_BASE_URL: line.url },
    });
    metricsUrl = app.runtime.metricsUrl!;
  });
  afterAll(async () => {
    await app?.close();
    await line?.close();
  });

  test('are served on their own port only, with every family present', async () => {
    expect(metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    expect(new URL(metricsUrl).port).not.toBe(new URL(app.url).port);
    expect((await fetch(`${app.url}/metrics`)).status).toBe(404);
    const text = await scrape(metricsUrl);
    for (const name of [
      'tsunagu_http_request_duration_seconds',
      'tsunagu_job_duration_seconds',
      'tsunagu_job_wait_seconds',
      'tsunagu_queue_jobs',
      'tsunagu_alerts_open',
      'tsunagu_first_answer_seconds',
      'tsunagu_crisis_reply_seconds',
      'tsunagu_delivery_failures_total',
      'tsunagu_live_events_total',
      'tsunagu_db_statements_total',
      'process_resident_memory_bytes',
      'nodejs_eventloop_lag_p99_seconds',
    ]) {
      expect(text).toContain(`# TYPE ${name} `);
    }
    expect(metricValue(text, 'tsunagu_queue_jobs', { queue: 'triage', state: 'wait' })).toBe(0);
    expect(text).toContain('role="all"');
  });

  test('move when a LINE message, a widget message and a crisis go through', async () => {
    const before = await scrape(metricsUrl);
    const count = (text: string, name: string, labels: Record<string, string> = {}) => metricValue(text, `${name}_count`, labels);

    const res = await postWebhook(app.url, webhookBody([textEvent({ userId: fakeLineUserId(), text: '母の介護のことで相談したいです', replyToken: line.issueReplyToken() })]), SECRET);
    expect(res.status).toBe(200);
    const session = await openWidgetSession(app.url);
    await widgetSend(app.url, session, '仕事を失って家賃が払えません');
    await eventually(async () => (await widgetThread(app.url, session)).some((m) => m.author === 'bot'), 30_000);
    const crisis = await openWidgetSession(app.url);
    await widgetSend(app.url, crisis, '今から首を吊ります。さようなら');

    const after = await eventually(async () => {
      const text = await scrape(metricsUrl);
      return count(text, 'tsunagu_crisis_reply_seconds') > count(before, 'tsunagu_crisis_reply_seconds') &&
        count(text, 'tsunagu_first_answer_seconds', { channel: 'line' }) > count(before, 'tsunagu_first_answer_seconds', { channel: 'line' })
        ? text
        : null;
    }, 30_000);

    expect(count(after, 'tsunagu_http_request_duration_seconds', { route: 'line_webhook', status: '2xx' })).toBe(count(before, 'tsunagu_http_request_duration_seconds', { route: 'line_webhook', status: '2xx' }) + 1);
    expect(count(after, 'tsunagu_http_request_duration_seconds', { route: 'widget_api' })).toBeGreaterThanOrEqual(count(before, 'tsunagu_http_request_duration_seconds', { route: 'widget_api' }) + 4);
    // (the dialogue turns run in the triage jobs: the dialogue queue has jobs only for turns that waited or failed)
    for (const queue of ['triage', 'deliver']) {
      expect(count(after, 'tsunagu_job_duration_seconds', { queue, outcome: 'completed' })).toBeGreaterThanOrEqual(count(before, 'tsunagu_job_duration_seconds', { queue, outcome: 'completed' }) + 2);
      expect(count(after, 'tsunagu_job_wait_seconds', { queue })).toBeGreaterThan(count(before, 'tsunagu_job_wait_seconds', { queue }));
    }
    // the widget person and the LINE person each got a first answer; the crisis writer too
    expect(count(after, 'tsunagu_first_answer_seconds', { channel: 'widget' })).toBeGreaterThanOrEqual(count(before, 'tsunagu_first_answer_seconds', { channel: 'widget' }) + 1);
    expect(metricValue(after, 'tsunagu_first_answer_seconds_sum')).toBeGreaterThan(0);
    expect(count(after, 'tsunagu_crisis_reply_seconds', { channel: 'widget' })).toBe(1);
    expect(metricValue(after, 'tsunagu_alerts_open')).toBe(metricValue(before, 'tsunagu_alerts_open') + 1);
    expect(metricValue(after, 'tsunagu_live_events_total', { event: 'alertCrisis' })).toBe(1);
    expect(metricValue(after, 'tsunagu_live_events_total', { event: 'messagesCreated' })).toBeGreaterThan(metricValue(before, 'tsunagu_live_events_total', { event: 'messagesCreated' }));
    expect(metricValue(after, 'tsunagu_delivery_failures_total')).toBe(0);
    expect(metricValue(after, 'tsunagu_db_statements_total')).toBeGreaterThan(metricValue(before, 'tsunagu_db_statements_total') + 10);
  }, 60_000);

  test('count a delivery LINE refuses for a while, then accepts', async () => {
    const before = await scrape(metricsUrl);
    const delivered = line.delivered().length;
    line.failNext(503, 3); // the reply and the push fallback both refused: the job fails and is retried
    await postWebhook(app.url, webhookBody([textEvent({ userId: fakeLineUserId(), text: '子どもが学校に行けません', replyToken: line.issueReplyToken() })]), SECRET);
    await eventually(async () => {
      const text = await scrape(metricsUrl);
      return metricValue(text, 'tsunagu_delivery_failures_total', { kind: 'retry' }) > metricValue(before, 'tsunagu_delivery_failures_total', { kind: 'retry' });
    }, 30_000);
    await eventually(async () => line.delivered().length > delivered, 30_000);
    expect(metricValue(await scrape(metricsUrl), 'tsunagu_delivery_failures_total', { kind: 'gave_up' })).toBe(0);
  }, 40_000);
});

describe('metrics off (METRICS_PORT unset)', () => {
  test('no metrics server and nothing measured', async () => {
    const app = await startTestApp();
    try {
      expect(app.runtime.metricsUrl).toBeUndefined();
      expect(app.runtime.ctx.metrics).toBeUndefined();
    } finally {
      await app.close();
    }
  });
});
