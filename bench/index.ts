/**
 * `npm run bench`: how fast the front door answers, on both databases, on this machine.
 * - LINE webhook: time to answer 200 (LINE wants well under a second), sequential and 10 at once,
 *   and a body of 100 events;
 * - widget send: time to answer 202;
 * - end to end: time until every accepted message has been triaged by the workers.
 * - inbox at scale: 10,000 conversations / 200,000 messages, list pages and search (BENCH_CONVERSATIONS).
 * Needs Redis on 127.0.0.1:6379 (or BENCH_REDIS_URL); uses Postgres at BENCH_DATABASE_URL when set.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { and, count, gte, inArray, isNotNull } from 'drizzle-orm';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { start } from '../src/runtime';
import { signLineBody } from '../src/channels/line';
import { messages } from '../src/db/schema';
import { createClassifier, loadTriageModel } from '../src/triage';
import { benchInboxScale } from './inbox-scale';
import { startFakeLineApi } from '../tests/fixtures/fake-line-api';
import { ADVERSARIAL, ADVERSARIAL_LENGTH } from '../tests/fixtures/triage/adversarial';

const N = Number(process.env.BENCH_MESSAGES ?? 300);
const SCALE_CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 10_000);
const SECRET = 'bench-secret';

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const summary = (xs: number[]) => `p50 ${pct(xs, 50).toFixed(1)} ms  p95 ${pct(xs, 95).toFixed(1)} ms  p99 ${pct(xs, 99).toFixed(1)} ms  max ${Math.max(...xs).toFixed(1)} ms`;

/** A webhook body with `events` message events (from up to 10 people). */
function lineBody(i: number, events = 1) {
  const users = Array.from({ length: Math.min(events, 10) }, () => `U${randomBytes(16).toString('hex')}`);
  return JSON.stringify({
    destination: 'Ubench',
    events: Array.from({ length: events }, (_, k) => ({
      type: 'message', mode: 'active', timestamp: Date.now(),
      source: { type: 'user', userId: users[k % users.length] },
      webhookEventId: `01BENCH${randomUUID()}`, deliveryContext: { isRedelivery: false },
      replyToken: randomBytes(16).toString('hex'),
      message: { id: `${i}-${k}`, type: 'text', quoteToken: 'q', text: `ベンチマーク ${i}: 仕事を失って家賃が払えません` },
    })),
  });
}

async function timed(fn: () => Promise<Response>, expected: number): Promise<number> {
  const t0 = performance.now();
  const res = await fn();
  await res.arrayBuffer();
  if (res.status !== expected) throw new Error(`status ${res.status}`);
  return performance.now() - t0;
}

async function benchOne(label: string, databaseUrl?: string) {
  // The bot's answers go to a local fake LINE API, so deliveries succeed as they would for real.
  const line = await startFakeLineApi({ channelAccessToken: 'bench-token' });
  const config = loadConfig({
    PORT: '0', HOST: '127.0.0.1', DATA_DIR: 'memory://', LOG_LEVEL: 'silent', WIDGET_RATE_LIMIT_PER_MINUTE: '100000',
    REDIS_URL: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379', REDIS_AUTOSTART: 'false',
    QUEUE_PREFIX: `bench${randomBytes(3).toString('hex')}`,
    LINE_CHANNEL_SECRET: SECRET, LINE_CHANNEL_ACCESS_TOKEN: 'bench-token', LINE_API_BASE_URL: line.url,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });
  const rt = await start(config, { log: createLogger('silent') });
  const url = rt.url!;
  const post = (body: string) => fetch(`${url}/webhooks/line`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-line-signature': signLineBody(body, SECRET) }, body });
  try {
    const t0 = performance.now();
    const since = new Date();
    const sequential: number[] = [];
    for (let i = 0; i < N; i++) sequential.push(await timed(() => post(lineBody(i)), 200));
    const concurrent: number[] = [];
    for (let i = 0; i < N; i += 10) {
      concurrent.push(...(await Promise.all(Array.from({ length: 10 }, (_, j) => timed(() => post(lineBody(N + i + j)), 200)))));
    }
    const session = await (await fetch(`${url}/api/widget/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json();
    const widget: number[] = [];
    for (let i = 0; i < N; i++) {
      widget.push(await timed(() => fetch(`${url}/api/widget/messages`, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${session.sessionToken}` },
        body: JSON.stringify({ text: `相談 ${i}`, clientMessageId: randomUUID() }),
      }), 202));
    }
    const total = N * 3;
    let triaged = 0;
    while (triaged < total) {
      triaged = (await rt.ctx.db.select({ n: count() }).from(messages).where(and(isNotNull(messages.triagedAt), gte(messages.createdAt, since))))[0].n;
      if (performance.now() - t0 > 300_000) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const seconds = (performance.now() - t0) / 1000;
    // Let the bot's answers drain before timing the inbox, so the numbers are of a quiet system.
    const drainStart = performance.now();
    while (performance.now() - drainStart < 120_000) {
      const [{ n }] = await rt.ctx.db.select({ n: count() }).from(messages).where(and(gte(messages.createdAt, since), inArray(messages.deliveryState, ['pending', 'sending'])));
      if (n === 0) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    console.log(`\n## ${label}`);
    console.log(`LINE webhook → 200, one at a time (${N}):  ${summary(sequential)}`);
    console.log(`LINE webhook → 200, 10 at once (${N}):     ${summary(concurrent)}`);
    console.log(`widget send → 202, one at a time (${N}):   ${summary(widget)}`);
    console.log(`all ${total} messages accepted and triaged in ${seconds.toFixed(1)} s (${(total / seconds).toFixed(0)} messages/s end to end); triaged ${triaged}/${total}`);
    // One body with 100 events (LINE batches events when many people write at once): one transaction.
    const many: number[] = [];
    for (let i = 0; i < 5; i++) many.push(await timed(() => post(lineBody(10_000 + i, 100)), 200));
    console.log(`LINE webhook → 200, 100 events in one body (5): ${summary(many)}`);
    console.log(`memory: rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
    console.log(`\n### ${label}: inbox with ${SCALE_CONVERSATIONS} conversations`);
    await benchInboxScale(rt, summary, SCALE_CONVERSATIONS, 20);
    console.log(`memory: rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
  } finally {
    await rt.close();
    await line.close();
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

(async () => {
  console.log(`tsunagu bench: ${N} messages per scenario, node ${process.version}`);
  await benchTriage();
  await benchOne('PGlite (embedded default)');
  const pg = process.env.BENCH_DATABASE_URL;
  if (pg) await benchOne('PostgreSQL server', pg);
  else console.log('\n(set BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/<db> to bench the Postgres server too)');
  process.exit(0);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
