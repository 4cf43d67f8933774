/**
 * The Prometheus metrics of one process (prom-client). Each process — `npm start`, an API
 * replica, a workers replica — keeps its own registry and serves it on METRICS_PORT
 * (./server.ts); Prometheus scrapes every process, so nothing is pushed through Redis and a
 * replica's numbers disappear with it. A registry per runtime, not prom-client's global one,
 * so several runtimes in one test process stay apart.
 *
 * What each process measures: every process its own CPU, memory and event-loop lag and the live
 * events it published; API processes the HTTP answer times (the LINE webhook among them);
 * workers processes job times per queue, delivery failures, the first-answer and crisis-reply
 * latencies, and (read on scrape) queue depths and open unacknowledged alerts.
 */
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** Seconds: from a few milliseconds (a webhook) to a minute (a first answer on a bad day). */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

export interface Metrics {
  registry: Registry;
  httpDuration: Histogram<'route' | 'status'>;
  jobDuration: Histogram<'queue' | 'outcome'>;
  jobWait: Histogram<'queue'>;
  deliveryFailures: Counter<'kind'>;
  firstAnswer: Histogram<'channel'>;
  crisisReply: Histogram<'channel'>;
  liveEvents: Counter<'event'>;
  dbStatements: Counter;
}

export function createMetrics(role: string): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels({ role });
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    httpDuration: new Histogram({
      name: 'tsunagu_http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by route group (line_webhook, widget_api, staff_api, other) and status class',
      labelNames: ['route', 'status'],
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    jobDuration: new Histogram({
      name: 'tsunagu_job_duration_seconds',
      help: 'Time a worker spent on one job, by queue and outcome (completed, failed)',
      labelNames: ['queue', 'outcome'],
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    jobWait: new Histogram({
      name: 'tsunagu_job_wait_seconds',
      help: 'Time a job waited in its queue before a worker took it (includes planned delays and retries)',
      labelNames: ['queue'],
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    deliveryFailures: new Counter({
      name: 'tsunagu_delivery_failures_total',
      help: 'Outbound deliveries that failed: retry (will be tried again), gave_up (retries exhausted), refused (the channel said no for good)',
      labelNames: ['kind'],
      registers,
    }),
    firstAnswer: new Histogram({
      name: 'tsunagu_first_answer_seconds',
      help: "From a person's first message to the bot's first answer delivered (LINE accepted it, or the widget socket got it)",
      labelNames: ['channel'],
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    crisisReply: new Histogram({
      name: 'tsunagu_crisis_reply_seconds',
      help: 'From a message that signals danger to life to its hotline reply delivered',
      labelNames: ['channel'],
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    dbStatements: new Counter({
      name: 'tsunagu_db_statements_total',
      help: 'SQL statements this process sent to the database through drizzle (transaction begin/commit not counted)',
      registers,
    }),
    liveEvents: new Counter({
      name: 'tsunagu_live_events_total',
      help: 'Live events this process published to Socket.IO through Redis, by kind',
      labelNames: ['event'],
      registers,
    }),
  };
}
