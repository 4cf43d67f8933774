/**
 * Where one message's statements and time go, stage by stage: `npx tsx bench/trace-message.ts`.
 * One process (API + workers) on a fresh Postgres database and the fake LINE API. It sends, one
 * after another, a new user's first message, the same user's second message and a new user's
 * crisis, each time waiting until its answers are delivered, and prints per stage (intake in the
 * API, then each queue) the round trips to the database (BEGIN and COMMIT included: each is one)
 * and the jobs' run time. `--verbose` lists every statement (SQL text only, never parameters).
 * Timing lives here and in `npm run bench`, never in tests.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { Worker } from 'bullmq';
import pg from 'pg';
import { startTestApp } from '../tests/helpers/app';
import { startFakeLineApi } from '../tests/fixtures/fake-line-api';
import { signLineBody } from '../src/channels/line';
import { fakeUser } from './load/traffic';

const verbose = process.argv.includes('--verbose');
const stage = new AsyncLocalStorage<string>();
interface Stmt {
  stage: string;
  sql: string;
}
let log: Stmt[] = [];
const runs: { queue: string; ms: number }[] = [];

// Every query any pg client sends, tagged with the queue whose job sent it ('api' otherwise).
const origQuery = pg.Client.prototype.query as (...a: unknown[]) => unknown;
(pg.Client.prototype as unknown as { query: unknown }).query = function (this: unknown, ...args: unknown[]) {
  const q = args[0] as string | { text?: string };
  const text = typeof q === 'string' ? q : (q?.text ?? '?');
  log.push({ stage: stage.getStore() ?? 'api', sql: text.replace(/\s+/g, ' ').slice(0, 160) });
  return origQuery.apply(this, args);
};
const proto = Worker.prototype as unknown as { callProcessJob: (...a: unknown[]) => Promise<unknown>; name: string };
const origCall = proto.callProcessJob;
proto.callProcessJob = function (this: typeof proto, ...args: unknown[]) {
  const t0 = performance.now();
  return stage.run(this.name, () => origCall.apply(this, args)).finally(() => runs.push({ queue: this.name, ms: performance.now() - t0 }));
};

const SECRET = 'trace-secret';
const TOKEN = 'trace-token';

async function main() {
  const line = await startFakeLineApi({ channelAccessToken: TOKEN });
  const app = await startTestApp({
    db: 'postgres',
    withSweeper: false,
    env: { LINE_CHANNEL_SECRET: SECRET, LINE_CHANNEL_ACCESS_TOKEN: TOKEN, LINE_API_BASE_URL: line.url },
  });
  const send = async (userId: string, text: string) => {
    const body = JSON.stringify({
      destination: 'Utrace',
      events: [
        {
          type: 'message', mode: 'active', timestamp: Date.now(), source: { type: 'user', userId },
          webhookEventId: `01T${Math.random().toString(16).slice(2).padEnd(20, '0').toUpperCase()}`,
          deliveryContext: { isRedelivery: false }, replyToken: line.issueReplyToken(),
          message: { id: String(Date.now()) + Math.floor(Math.random() * 1000), type: 'text', quoteToken: 'q', text },
        },
      ],
    });
    const res = await fetch(`${app.url}/webhooks/line`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-line-signature': signLineBody(body, SECRET) }, body });
    if (res.status !== 200) throw new Error(`webhook ${res.status}`);
  };
  const quiet = async () => {
    // Idle once no statement was sent for 1.5 s (the order checks' re-runs come back after 300 ms).
    let n = -1;
    while (n !== log.length) {
      n = log.length;
      await new Promise((r) => setTimeout(r, 1500));
    }
  };
  const scenario = async (name: string, run: () => Promise<void>) => {
    log = [];
    runs.length = 0;
    const delivered = line.delivered().length;
    const t0 = performance.now();
    await run();
    await quiet();
    const byStage = new Map<string, number>();
    for (const s of log) byStage.set(s.stage, (byStage.get(s.stage) ?? 0) + 1);
    const jobs = new Map<string, number[]>();
    for (const r of runs) jobs.set(r.queue, [...(jobs.get(r.queue) ?? []), r.ms]);
    console.log(`\n## ${name}: ${log.length} round trips, ${line.delivered().length - delivered} LINE calls delivered (${Math.round(performance.now() - t0 - 1500)} ms to quiet)`);
    for (const [s, n] of byStage) {
      const j = jobs.get(s);
      console.log(`- ${s}: ${n} round trips${j ? `; ${j.length} job runs, ms: ${j.map((x) => x.toFixed(0)).join(' ')}` : ''}`);
    }
    if (verbose) for (const s of log) console.log(`  ${s.stage.padEnd(8)} ${s.sql}`);
  };

  const newUser = fakeUser();
  await scenario('new user, first message', () => send(newUser, '家賃が払えなくて困っています'));
  await scenario('same user, second message', () => send(newUser, '仕事も見つかりません'));
  await scenario('new user, crisis', () => send(fakeUser(), '今から首を吊ります。さようなら'));
  await app.close();
  await line.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
