/**
 * The two production shapes, each started from the compiled build as real processes (so CPU and
 * memory are theirs alone): one process on the embedded PGlite (in a fresh folder), and an API
 * process plus a workers process on a fresh Postgres database. A counsellor account is added with
 * the CLI before start; the fake LINE API stands in for LINE.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createTestDatabase } from '../../tests/helpers/databases';
import { freePort, ROOT, startTsunagu, stopProcess } from '../../tests/helpers/processes';

export const BENCH_SECRET = 'bench-secret';
export const BENCH_TOKEN = 'bench-token';
export const STAFF = { email: 'bench@city.example.jp', password: 'bench-runs-open-loop-7' };

export type SetupName = 'pglite-one-process' | 'postgres-api-workers';

export interface Setup {
  name: SetupName;
  url: string;
  /** Service processes by role, for CPU and memory. */
  processes: Record<string, ChildProcess>;
  /** Each process's /metrics (statements sent, queue depths). */
  metricsUrls: Record<string, string>;
  /**
   * Of the inbound messages whose text starts with one of these tags, how many the database holds
   * untriaged: tells a triage not done from its `/staff` event lost. Null where the database is
   * inside the process (PGlite).
   */
  untriaged(tags: string[]): Promise<number | null>;
  stop(): Promise<void>;
}

function runCli(args: string[], env: Record<string, string>, stdin: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['dist/server/src/cli/index.js', ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['pipe', 'ignore', 'pipe'] });
    let err = '';
    child.stderr!.on('data', (d) => (err += d));
    child.stdin!.end(stdin);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`cli ${args[0]}: ${code} ${err}`))));
  });
}

export async function startSetup(name: SetupName, lineUrl: string, redisUrl: string, opts: { profileDir?: string } = {}): Promise<Setup> {
  const base: Record<string, string> = {
    HOST: '127.0.0.1',
    REDIS_URL: redisUrl,
    REDIS_AUTOSTART: 'false',
    QUEUE_PREFIX: `bench${randomBytes(3).toString('hex')}`,
    LINE_CHANNEL_SECRET: BENCH_SECRET,
    LINE_CHANNEL_ACCESS_TOKEN: BENCH_TOKEN,
    LINE_API_BASE_URL: lineUrl,
    // the production log level: one line per request is part of the cost being measured
    LOG_LEVEL: 'info',
    NODE_ENV: 'production',
    SESSION_SECRET: randomBytes(32).toString('hex'),
    TRUST_PROXY: 'loopback',
    // Worker settings under test pass through (e.g. `DELIVER_CONCURRENCY=4 npm run bench`).
    ...Object.fromEntries(['TRIAGE_CONCURRENCY', 'DIALOGUE_CONCURRENCY', 'DELIVER_CONCURRENCY', 'PGLITE_SHARED_BUFFERS'].flatMap((k) => (process.env[k] ? [[k, process.env[k]!]] : []))),
  };
  const port = await freePort();
  // node flags of every service process: BENCH_NODE_ARGS (an A/B of a flag), then --profile's
  const nodeArgs = (role: string) => [...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []), ...(opts.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${opts.profileDir}/${name}-${role}`] : [])];
  if (name === 'pglite-one-process') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsunagu-bench-'));
    const metricsPort = await freePort();
    const env = { ...base, DATA_DIR: dataDir, PORT: String(port), METRICS_PORT: String(metricsPort) };
    await runCli(['staff:add', '--email', STAFF.email, '--name', 'ベンチ 相談員', '--role', 'counsellor'], env, `${STAFF.password}\n`);
    const all = await startTsunagu(env, [], 'workers started', true, nodeArgs('all'));
    await waitReady(`http://127.0.0.1:${port}`);
    return {
      name,
      untriaged: async () => null,
      url: `http://127.0.0.1:${port}`,
      processes: { all },
      metricsUrls: { all: `http://127.0.0.1:${metricsPort}/metrics` },
      stop: async () => {
        await stopProcess(all, 'SIGTERM');
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const database = await createTestDatabase();
  // BENCH_PG_SOCKET=<folder>: the services reach Postgres through its Unix socket instead of TCP on loopback
  const socketDir = process.env.BENCH_PG_SOCKET;
  const env = { ...base, DATABASE_URL: socketDir ? `${database.url}?host=${encodeURIComponent(socketDir)}` : database.url };
  await runCli(['staff:add', '--email', STAFF.email, '--name', 'ベンチ 相談員', '--role', 'counsellor'], env, `${STAFF.password}\n`);
  const [apiMetrics, workersMetrics] = [await freePort(), await freePort()];
  const api = await startTsunagu({ ...env, PORT: String(port), METRICS_PORT: String(apiMetrics) }, ['--role=api'], 'API listening', true, nodeArgs('api'));
  const workers = await startTsunagu({ ...env, METRICS_PORT: String(workersMetrics) }, ['--role=workers'], 'workers started', true, nodeArgs('workers'));
  await waitReady(`http://127.0.0.1:${port}`);
  return {
    name,
    url: `http://127.0.0.1:${port}`,
    processes: { api, workers },
    metricsUrls: { api: `http://127.0.0.1:${apiMetrics}/metrics`, workers: `http://127.0.0.1:${workersMetrics}/metrics` },
    untriaged: async (tags) => {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        const patterns = tags.map((t) => `[${t}]%`);
        const { rows } = await client.query("select count(*)::int as n from messages where direction = 'in' and triaged_at is null and text like any($1)", [patterns]);
        return rows[0].n as number;
      } finally {
        await client.end();
      }
    },
    stop: async () => {
      await stopProcess(api, 'SIGTERM');
      await stopProcess(workers, 'SIGTERM');
      await database.drop();
    },
  };
}

async function waitReady(url: string) {
  for (let i = 0; i < 200; i++) {
    const ok = await fetch(`${url}/readyz`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} never became ready`);
}
