/**
 * One step of offered load: send, wait (bounded) until every accepted message was shown and
 * triaged and every new user answered, then until the queues hold no job of unfinished work
 * (every turn and delivery done: CPU and statements are counted for all of the step's work, not
 * only what the client sees first), then summarise from the client's side.
 */
import type { FakeLineApi } from '../../tests/fixtures/fake-line-api';
import { deliveriesByUser, type Observer } from './observer';
import { cpuMs, serverCpuMs, watchRss } from './proc-stats';
import type { Setup } from './setups';
import type { Traffic } from './traffic';
import { metricValue, scrape } from '../../tests/helpers/metrics';

const QUEUES = ['triage', 'dialogue', 'deliver', 'escalate'];

/** What the setup's own /metrics say so far: statements sent, and per queue the summed job waits and run times. */
async function serverSideSoFar(setup: Setup) {
  const texts = await Promise.all(Object.values(setup.metricsUrls).map(scrape));
  const sum = (name: string, labels: Record<string, string> = {}) => texts.reduce((s, t) => s + metricValue(t, name, labels), 0);
  return {
    statements: sum('tsunagu_db_statements_total'),
    queues: Object.fromEntries(
      QUEUES.map((queue) => [
        queue,
        {
          waits: sum('tsunagu_job_wait_seconds_count', { queue }),
          waitSeconds: sum('tsunagu_job_wait_seconds_sum', { queue }),
          runs: sum('tsunagu_job_duration_seconds_count', { queue }),
          runSeconds: sum('tsunagu_job_duration_seconds_sum', { queue }),
        },
      ]),
    ),
  };
}

/** Jobs of the message queues not finished yet (waiting, prioritized, delayed or running), by the workers' own gauges. */
async function unfinishedJobs(setup: Setup): Promise<number> {
  const texts = await Promise.all(Object.values(setup.metricsUrls).map(scrape));
  const states = ['wait', 'prioritized', 'active', 'delayed'];
  return texts.reduce((n, t) => n + ['triage', 'dialogue', 'deliver'].reduce((m, queue) => m + states.reduce((k, state) => k + metricValue(t, 'tsunagu_queue_jobs', { queue, state }), 0), 0), 0);
}

export interface Percentiles {
  n: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
}

export interface StepResult {
  setup: string;
  offeredPerSecond: number;
  sent: number;
  sendSeconds: number;
  accepted: number;
  webhookErrors: Record<string, number>;
  webhookMs: Percentiles;
  shownMs: Percentiles;
  triagedMs: Percentiles;
  firstAnswerMs: Percentiles;
  crisisReplyMs: Percentiles;
  missing: { shown: number; triaged: number; firstAnswer: number; crisisReply: number };
  /** Of `missing.triaged` (no triage event seen), how many the database holds untriaged at the step's end; null: not looked up. */
  untriagedInDatabase: number | null;
  duplicatedShown: number;
  /** Messages whose triage event reached the observer before their `message:created` (events crossing between processes). */
  triagedBeforeShown: number;
  /** From the first send until the last accepted message was triaged (or the drain limit). */
  drainedInSeconds: number;
  drained: boolean;
  /** From the first message sent until no job of the step's work was left (every turn and delivery done; within 250 ms). */
  settledInSeconds: number;
  settled: boolean;
  /** Messages triaged per second over the whole step (what the setup kept up with). */
  triagedPerSecond: number;
  cpuMsPerMessage: Record<string, number>;
  /** The service processes' (`cpuMsPerMessage`) together. */
  cpuMsPerMessageTotal: number;
  /**
   * The servers' own CPU per message (the machine's whole Postgres server, for the Postgres setup,
   * and Redis): not in `cpuMsPerMessageTotal`; a database's and a queue's share for sizing.
   */
  serverCpuMsPerMessage: Record<string, number>;
  peakRssMiB: Record<string, number>;
  /** SQL statements (through drizzle) per message sent, all processes, over the step and its drain. */
  statementsPerMessage: number;
  /** Per queue, from the server's metrics: jobs taken, their mean wait in the queue and mean run time (ms). */
  queues: Record<string, { jobs: number; meanWaitMs: number; meanRunMs: number }>;
}

export function percentiles(xs: number[]): Percentiles {
  if (xs.length === 0) return { n: 0, p50: null, p95: null, p99: null, max: null };
  const s = [...xs].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
  return { n: s.length, p50: at(50), p95: at(95), p99: at(99), max: s[s.length - 1] };
}

export async function runStep(opts: {
  setup: Setup;
  traffic: Traffic;
  observer: Observer;
  line: FakeLineApi;
  stepTag: string;
  rate: number;
  count: number;
  drainLimitMs: number;
}): Promise<StepResult> {
  const { setup, traffic, observer, line, stepTag, rate, count, drainLimitMs } = opts;
  const pids = Object.fromEntries(Object.entries(setup.processes).map(([k, p]) => [k, p.pid!]));
  const cpu0 = Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, cpuMs(pid)]));
  const servers = setup.name === 'postgres-api-workers' ? { postgres: 'postgres', redis: 'redis-server' } : { redis: 'redis-server' };
  const serverCpu0 = Object.fromEntries(Object.entries(servers).map(([k, comm]) => [k, serverCpuMs(comm)]));
  const rss = watchRss(pids);
  const server0 = await serverSideSoFar(setup);
  const since = Date.now();
  const { started, lastSent } = await traffic.offer(stepTag, rate, count);
  const mine = [...traffic.sent.values()].filter((s) => s.tag.startsWith(`${stepTag}-`));
  const accepted = mine.filter((s) => s.status === 200);
  const done = () => {
    if (!accepted.every((s) => observer.triagedAt(s.tag) !== undefined)) return false;
    const byUser = deliveriesByUser(line, traffic.tokenUser, since);
    return accepted.filter((s) => s.newUser).every((s) => (byUser.get(s.userId) ?? []).length > 0);
  };
  let drained = false;
  while (Date.now() - lastSent < drainLimitMs) {
    if ((drained = done())) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  let settled = false;
  while (drained && Date.now() - lastSent < drainLimitMs) {
    if ((settled = (await unfinishedJobs(setup)) === 0)) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const end = Date.now();
  const peakRssMiB = rss.stop();
  const server1 = await serverSideSoFar(setup);
  const statements = server1.statements - server0.statements;
  const queues = Object.fromEntries(
    QUEUES.map((q) => {
      const [a, b] = [server0.queues[q], server1.queues[q]];
      const waits = b.waits - a.waits;
      const runs = b.runs - a.runs;
      return [q, { jobs: waits, meanWaitMs: waits ? (1000 * (b.waitSeconds - a.waitSeconds)) / waits : 0, meanRunMs: runs ? (1000 * (b.runSeconds - a.runSeconds)) / runs : 0 }];
    }),
  );
  const cpu = Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, cpuMs(pid) - cpu0[k]]));
  const serverCpu = Object.fromEntries(Object.entries(servers).map(([k, comm]) => [k, serverCpuMs(comm) - serverCpu0[k]]));

  const errors: Record<string, number> = {};
  for (const s of mine) if (s.status !== 200) errors[s.error ?? String(s.status)] = (errors[s.error ?? String(s.status)] ?? 0) + 1;
  const byUser = deliveriesByUser(line, traffic.tokenUser, since);
  const shown: number[] = [];
  const triaged: number[] = [];
  const first: number[] = [];
  const crisis: number[] = [];
  const missing = { shown: 0, triaged: 0, firstAnswer: 0, crisisReply: 0 };
  let duplicatedShown = 0;
  let triagedBeforeShown = 0;
  let lastTriaged = started;
  const withoutTriageEvent: string[] = [];
  for (const s of accepted) {
    const c = observer.created.get(s.tag);
    if (!c) missing.shown++;
    else {
      shown.push(c[0] - s.sentAt);
      if (c.length > 1) duplicatedShown++;
    }
    const t = observer.triagedAt(s.tag);
    if (t === undefined) {
      missing.triaged++;
      withoutTriageEvent.push(s.tag);
    }
    else {
      triaged.push(t - s.sentAt);
      lastTriaged = Math.max(lastTriaged, t);
      if (c && t < c[0]) triagedBeforeShown++;
    }
    if (s.newUser) {
      const d = (byUser.get(s.userId) ?? []).sort((a, b) => a.at - b.at);
      if (d.length === 0) missing.firstAnswer++;
      else first.push(d[0].at - s.sentAt);
      if (s.crisis) {
        const h = d.find((x) => x.hotline);
        if (!h) missing.crisisReply++;
        else crisis.push(h.at - s.sentAt);
      }
    }
  }
  const total = Object.values(cpu).reduce((a, b) => a + b, 0);
  return {
    setup: setup.name,
    offeredPerSecond: rate,
    sent: mine.length,
    sendSeconds: (lastSent - started) / 1000,
    accepted: accepted.length,
    webhookErrors: errors,
    webhookMs: percentiles(accepted.map((s) => s.answeredAt! - s.sentAt)),
    shownMs: percentiles(shown),
    triagedMs: percentiles(triaged),
    firstAnswerMs: percentiles(first),
    crisisReplyMs: percentiles(crisis),
    missing,
    untriagedInDatabase: withoutTriageEvent.length ? await setup.untriaged(withoutTriageEvent) : null,
    duplicatedShown,
    triagedBeforeShown,
    drainedInSeconds: ((drained ? lastTriaged : end) - started) / 1000,
    drained,
    settledInSeconds: (end - started) / 1000,
    settled,
    triagedPerSecond: triaged.length / ((lastTriaged - started) / 1000 || 1),
    cpuMsPerMessage: Object.fromEntries(Object.entries(cpu).map(([k, v]) => [k, v / Math.max(1, mine.length)])),
    cpuMsPerMessageTotal: total / Math.max(1, mine.length),
    serverCpuMsPerMessage: Object.fromEntries(Object.entries(serverCpu).map(([k, v]) => [k, v / Math.max(1, mine.length)])),
    peakRssMiB,
    statementsPerMessage: statements / Math.max(1, mine.length),
    queues,
  };
}
