/**
 * `npm run bench` (flags: --quick, --profile, --rates=50,100, --setups=pglite,postgres, --no-scale):
 * - triage classifier speed (an ordinary message, the worst adversarial texts);
 * - bare BullMQ add + process of empty jobs on the same Redis (the floor);
 * - signed LINE webhooks offered open loop at stepped rates (50, 100, 200, 400, 800/s, each step
 *   bounded in count and time; stepping stops once a setup no longer keeps up) through the full
 *   path, in both production shapes started from the compiled build (./load/setups.ts); per step
 *   the webhook answer time, time until /staff shows the message and until triage finished, a new
 *   user's first answer and a crisis's hotline reply delivered to the fake LINE API, what went
 *   missing or twice, CPU and peak memory of every service process;
 * - inbox at scale: 10,000 conversations / 200,000 messages (not with --quick).
 * Prints Markdown tables and writes everything as JSON to bench/results/.
 * `--profile` runs every service process under `node --cpu-prof` (bench/results/profile-…/<setup>-<role>/).
 * `BENCH_NODE_ARGS` adds node flags to every service process, after the production ones (an A/B of
 * a flag: `BENCH_NODE_ARGS=--max-semi-space-size=16` measures V8's default young generation).
 * Needs Redis (BENCH_REDIS_URL, default 127.0.0.1:6379) and Postgres (TEST_POSTGRES_URL's server).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { start } from '../src/runtime';
import { createClassifier, loadTriageModel } from '../src/triage';
import { benchInboxScale } from './inbox-scale';
import { startFakeLineApi } from '../tests/fixtures/fake-line-api';
import { ADVERSARIAL, ADVERSARIAL_LENGTH } from '../tests/fixtures/triage/adversarial';
import { ROOT } from '../tests/helpers/processes';
import { createTestDatabase, postgresReachable } from '../tests/helpers/databases';
import { bullmqBaseline } from './load/bullmq-baseline';
import { BENCH_TOKEN, startSetup, type SetupName } from './load/setups';
import { Traffic, fakeUser } from './load/traffic';
import { deliveriesByUser, Observer } from './load/observer';
import { runStep, type StepResult } from './load/step';
import { baselineTable, queuesTable, stepsTable } from './load/report';
import { rawPglite, rawPostgres, type RawRate } from './load/raw-database';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const QUICK = flag('quick');
const RATES = (option('rates') ?? '50,100,200,400,800').split(',').map(Number);
const SETUPS: SetupName[] = (option('setups') ?? 'pglite,postgres').split(',').map((s) => (s === 'pglite' ? 'pglite-one-process' : 'postgres-api-workers'));
/** Each step offers `rate` messages per second for this long, and never more than STEP_MAX messages. */
const STEP_SECONDS = QUICK ? 5 : 20;
const STEP_MAX = QUICK ? 1_000 : 8_000;
const DRAIN_LIMIT_MS = QUICK ? 30_000 : 120_000;
const RETURNING_USERS = 200;
const SCALE_CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 10_000);
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const summary = (xs: number[]) => `p50 ${pct(xs, 50).toFixed(1)} ms  p95 ${pct(xs, 95).toFixed(1)} ms  p99 ${pct(xs, 99).toFixed(1)} ms  max ${Math.max(...xs).toFixed(1)} ms`;

async function benchLoad(name: SetupName, profileDir?: string): Promise<{ steps: StepResult[]; saturatedAt: number | null }> {
  const line = await startFakeLineApi({ channelAccessToken: BENCH_TOKEN });
  const setup = await startSetup(name, line.url, REDIS_URL, { profileDir });
  const observer = new Observer(setup.url);
  const steps: StepResult[] = [];
  let saturatedAt: number | null = null;
  try {
    await observer.connect();
    const traffic = new Traffic(setup.url, line, Array.from({ length: RETURNING_USERS }, fakeUser));
    // warm-up: every returning user writes once (their conversations exist before the steps)
    for (let i = 0; i < RETURNING_USERS; i++) await traffic.send(`W-${i}`, traffic.returning[i], { newUser: true, crisis: false });
    const warm = [...traffic.sent.values()];
    const end = Date.now() + DRAIN_LIMIT_MS;
    // until each was triaged and answered: the first step must not inherit the warm-up's dialogue turns
    const warmedUp = () => {
      const answered = deliveriesByUser(line, traffic.tokenUser, 0);
      return warm.every((s) => observer.triagedAt(s.tag) !== undefined && answered.has(s.userId));
    };
    while (Date.now() < end && !warmedUp()) await new Promise((r) => setTimeout(r, 200));
    for (const [i, rate] of RATES.entries()) {
      const count = Math.min(STEP_MAX, rate * STEP_SECONDS);
      const step = await runStep({ setup, traffic, observer, line, stepTag: `S${i}`, rate, count, drainLimitMs: DRAIN_LIMIT_MS });
      steps.push(step);
      console.log(`  ${name} ${rate}/s: webhook p99 ${step.webhookMs.p99} ms, triaged ${step.triagedPerSecond.toFixed(0)}/s${step.drained ? '' : ' (not drained)'}, CPU ${step.cpuMsPerMessageTotal.toFixed(1)} ms/message (servers: ${Object.entries(step.serverCpuMsPerMessage).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')})`);
      const errorShare = (step.sent - step.accepted) / step.sent;
      if (!step.drained || errorShare > 0.05) {
        saturatedAt = rate;
        break;
      }
    }
  } finally {
    observer.close();
    await setup.stop();
    await line.close();
  }
  return { steps, saturatedAt };
}

async function benchInbox(label: string, databaseUrl?: string) {
  const config = loadConfig({
    PORT: '0', HOST: '127.0.0.1', DATA_DIR: 'memory://', LOG_LEVEL: 'silent', REDIS_URL, REDIS_AUTOSTART: 'false',
    QUEUE_PREFIX: `bench${randomBytes(3).toString('hex')}`,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });
  const rt = await start(config, { log: createLogger('silent') });
  try {
    console.log(`\n### ${label}: inbox with ${SCALE_CONVERSATIONS} conversations`);
    await benchInboxScale(rt, summary, SCALE_CONVERSATIONS, 20);
  } finally {
    await rt.close();
  }
}

async function benchTriage() {
  const m0 = performance.now();
  const model = loadTriageModel();
  const modelLoad = performance.now() - m0;
  const t0 = performance.now();
  const classifier = await createClassifier({ model });
  const load = performance.now() - t0;
  const text = '長文ですみません。夫と小学生の子ども2人と義母の5人家族です。義母は物忘れがひどく、夜中に何度も起きるので毎日寝不足です。'.repeat(4);
  for (let i = 0; i < 50; i++) classifier.classify(text);
  const times: number[] = [];
  for (let i = 0; i < 500; i++) {
    const s = performance.now();
    classifier.classify(text);
    times.push(performance.now() - s);
  }
  console.log(`\n## triage classifier (${classifier.engine})\nmodel load ${modelLoad.toFixed(0)} ms; dictionary and rules load ${load.toFixed(0)} ms; one ${text.length}-character message, rules + model: ${summary(times)}`);
  // the worst texts anyone can send (issue 13): best of 3 runs each, the slowest text reported
  const worst = Object.entries(ADVERSARIAL)
    .map(([name, t]) => {
      classifier.classify(t);
      let best = Infinity;
      for (let i = 0; i < 3; i++) {
        const s = performance.now();
        classifier.classify(t);
        best = Math.min(best, performance.now() - s);
      }
      return { name, ms: best };
    })
    .sort((a, b) => b.ms - a.ms);
  console.log(`adversarial ${ADVERSARIAL_LENGTH}-character texts (${worst.length}): slowest ${worst[0].ms.toFixed(1)} ms (${worst[0].name}), median ${worst[Math.floor(worst.length / 2)].ms.toFixed(1)} ms`);
}

/** HEAD, with `-dirty` when tracked files differ from it (the run measured uncommitted changes). */
function commit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim();
    const changed = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT }).toString().trim();
    return changed ? `${head}-dirty` : head;
  } catch {
    return 'unknown';
  }
}

(async () => {
  const startedAt = new Date();
  const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memGiB: +(os.totalmem() / 2 ** 30).toFixed(1), loadAverageAtStart: os.loadavg().map((l) => +l.toFixed(2)), node: process.version };
  console.log(`tsunagu bench${QUICK ? ' (quick)' : ''}: node ${process.version}, ${machine.cpus} CPUs, load average ${machine.loadAverageAtStart.join(' ')} at start, commit ${commit()}`);
  console.log('building the server (tsc -p tsconfig.build.json)…');
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  await benchTriage();

  const baseline = await bullmqBaseline(REDIS_URL, QUICK ? 5_000 : 20_000);
  console.log(`\n## bare BullMQ\n\n${baselineTable(baseline)}`);

  const pg = await postgresReachable();
  const raw: Record<string, RawRate> = { 'pglite-one-process': await rawPglite(QUICK ? 2_000 : 10_000) };
  if (pg) raw['postgres-api-workers'] = await rawPostgres(QUICK ? 5_000 : 20_000);
  console.log(`\n## raw single statements (one-row insert, own transaction)\n\n| database | statements | per second |\n|---|---|---|\n${Object.entries(raw).map(([k, r]) => `| ${k.startsWith('pglite') ? 'PGlite, one at a time' : 'Postgres, pool of 10'} | ${r.statements} | ${Math.round(r.perSecond)} |`).join('\n')}`);

  const profileDir = flag('profile') ? path.join(ROOT, 'bench/results', `profile-${startedAt.toISOString().replace(/[:.]/g, '-')}`) : undefined;
  const load: Record<string, { steps: StepResult[]; saturatedAt: number | null }> = {};
  for (const name of SETUPS) {
    if (name === 'postgres-api-workers' && !pg) {
      console.log('\n(no Postgres server reachable: the api + workers setup is skipped)');
      continue;
    }
    console.log(`\n## ${name}: LINE webhooks offered open loop (${STEP_SECONDS} s or ${STEP_MAX} messages per step, drain limit ${DRAIN_LIMIT_MS / 1000} s)`);
    load[name] = await benchLoad(name, profileDir);
    console.log(`\n${stepsTable(load[name].steps)}`);
    console.log(`\nInside (the setup's own metrics: jobs taken per queue, mean time waiting in the queue and running):\n\n${queuesTable(load[name].steps)}`);
    const best = load[name].steps.reduce((b, s) => (s.triagedPerSecond > b.triagedPerSecond ? s : b), load[name].steps[0]);
    if (best && raw[name]) {
      console.log(`\nbest: ${best.triagedPerSecond.toFixed(0)} messages/s triaged at ${best.statementsPerMessage.toFixed(1)} statements per message = ${(100 * best.triagedPerSecond / raw[name].perSecond).toFixed(1)} % of the raw single-statement rate (${Math.round(raw[name].perSecond)}/s); at that many statements the raw rate would allow ${Math.round(raw[name].perSecond / best.statementsPerMessage)} messages/s`);
    }
    console.log(load[name].saturatedAt ? `\nstopped stepping at ${load[name].saturatedAt}/s: it no longer kept up (not drained within the limit, or over 5 % webhook errors)` : '\nkept up at every offered rate');
  }
  if (profileDir) console.log(`\nCPU profiles: ${profileDir} (npx tsx bench/top-frames.ts ${path.relative(ROOT, profileDir)})`);

  if (!QUICK && !flag('no-scale')) {
    await benchInbox('PGlite (embedded default)');
    if (pg) {
      const db = await createTestDatabase();
      try {
        await benchInbox('PostgreSQL server', db.url);
      } finally {
        await db.drop();
      }
    }
  } else console.log('\n(inbox at scale skipped: --quick or --no-scale)');

  const file = path.join(ROOT, 'bench/results', `${startedAt.toISOString().replace(/[:.]/g, '-')}${QUICK ? '-quick' : ''}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ startedAt, quick: QUICK, commit: commit(), machine, loadAverageAtEnd: os.loadavg(), rates: RATES, stepSeconds: STEP_SECONDS, stepMax: STEP_MAX, baseline, raw, load }, null, 2) + '\n');
  console.log(`\nwritten: ${path.relative(ROOT, file)}`);
  process.exit(0);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
