/**
 * Builds a running tsunagu from settings: database, Redis, queues, publisher, and then the API
 * (HTTP + Socket.IO), the workers and the sweeper, or any of them. `npm start` runs all in one
 * process; `start:api` / `start:workers` run them apart. Tests use the same function.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChildProcess } from 'node:child_process';
import { ConfigError, type Config } from './config';
import { findAgencyByCode } from './agencies/add-agency';
import type { Context } from './context';
import { createLogger, type Logger } from './logger';
import { openDatabase, type Database } from './db/client';
import { createRedis, ensureRedis } from './redis';
import { createQueues } from './queues';
import { createPublisher } from './events/publisher';
import { ensureDefaultAgency } from './agencies/default-agency';
import { loadDirectory } from './agencies/directory';
import type { Presence } from './server/presence';
import { startSweeper } from './intake/sweeper';
import type { WorkerOptions } from '../workers';
import path from 'node:path';
import { loadMunicipality } from './municipality';
import { developmentSessionSecret } from './auth/dev-secret';
import { escalationTargets } from './safety/escalation-targets';
import { createMetrics } from './metrics/registry';
import { registerStateGauges } from './metrics/collectors';
import { countedPublisher } from './metrics/counted-publisher';
import { serveMetrics } from './metrics/server';

export type Role = 'all' | 'api' | 'workers';

export interface Runtime {
  ctx: Context;
  database: Database;
  /** This process's metrics (`…/metrics`) when METRICS_PORT is set. */
  metricsUrl?: string;
  /** Base URL of the API when it runs in this process. */
  url?: string;
  port?: number;
  /** Graceful: stop taking work, finish in-flight requests and jobs, close connections. */
  close(): Promise<void>;
}

export interface StartOptions {
  role?: Role;
  log?: Logger;
  /** Tests start workers themselves to kill them independently. */
  withSweeper?: boolean;
  /** Tests only (never set from settings or input): wraps the triage pool to inject a fault. */
  wrapTriage?: WorkerOptions['wrapTriage'];
}

export async function start(settings: Config, opts: StartOptions = {}): Promise<Runtime> {
  const role = opts.role ?? 'all';
  const log = opts.log ?? createLogger(settings.LOG_LEVEL);
  const needsSecret = role !== 'workers' && !settings.sessionSecret;
  const config = needsSecret ? { ...settings, sessionSecret: developmentSessionSecret(settings.dataDir, log) } : settings;
  // Read first: a wrong hotline or opening hour must stop the start, not surface in a crisis.
  const municipality = loadMunicipality(path.resolve(config.MUNICIPALITY_FILE));
  const targets = escalationTargets(municipality, config);
  for (const problem of targets.problems) (targets.usable ? log.warn : log.error).call(log, { setting: 'escalation' }, problem);
  let redisChild: ChildProcess | null = null;
  redisChild = await ensureRedis(config.REDIS_URL, config.REDIS_AUTOSTART, log);

  const metrics = config.METRICS_PORT === undefined ? undefined : createMetrics(role);
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.dataDir,
    sharedBuffers: config.PGLITE_SHARED_BUFFERS,
    onConnectionError: (err) => log.warn({ err: err.message }, 'database connection lost (the pool reconnects on next use)'),
    // /readyz fails from now on; what was stored stays stored (LINE redelivers what got no 200)
    onEmbeddedStopped: (err) => log.error({ err: err.message }, 'the embedded database has stopped: restart tsunagu'),
    // the planner then works from older statistics; the next round (a minute on) tries again
    onEmbeddedUpkeepFailed: (failed) =>
      log.warn(failed instanceof Error ? { err: failed.message } : { tables: failed }, 'the embedded database upkeep (analyse, vacuum) failed; it tries again in a minute'),
    onQuery: metrics ? () => metrics.dbStatements.inc() : undefined,
  });
  log.info({ database: database.kind, ...(database.kind === 'pglite' ? { dataDir: config.dataDir } : {}) }, 'database open');
  const redis = createRedis(config.REDIS_URL);
  let lastRedisWarning = 0;
  const warnRedis = (err: Error) => {
    if (Date.now() - lastRedisWarning < 10_000) return;
    lastRedisWarning = Date.now();
    log.warn({ err: err.message }, 'queue connection problem (retrying)');
  };
  const queues = createQueues(redis, config.QUEUE_PREFIX, warnRedis);
  // Live events on a connection of their own that sends the events of one tick in one write
  // (auto-pipelining): a message publishes several, and each write is a system call.
  const eventsRedis = createRedis(config.REDIS_URL, { enableAutoPipelining: true });
  eventsRedis.on('error', warnRedis);
  const publisher = createPublisher(eventsRedis, config.QUEUE_PREFIX);
  const ctx: Context = { config, db: database.db, queues, redis, publisher: metrics ? countedPublisher(publisher, metrics) : publisher, log, municipality, metrics };
  const agency = await ensureDefaultAgency(ctx.db);
  await loadDirectory(ctx.db, municipality.agencies);
  const lineAgency = await findAgencyByCode(ctx.db, config.LINE_AGENCY_CODE);
  if (!lineAgency) {
    await database.close();
    throw new ConfigError(`LINE_AGENCY_CODE: no agency with code ${config.LINE_AGENCY_CODE} (add it with npm run cli -- agency:add)`);
  }

  const closers: (() => Promise<void>)[] = [];
  let url: string | undefined;
  let port: number | undefined;

  // Each role loads only its own code: the API's (routes, OpenAPI, PDF, password checks) made a
  // workers process about 25 MiB larger.
  if (role === 'all' || role === 'api') {
    /* eslint-disable @typescript-eslint/no-require-imports -- loaded only for this role (see above) */
    const { createApp } = require('./server/app') as typeof import('./server/app');
    const { attachSocketServer } = require('./server/socket') as typeof import('./server/socket');
    const { noPresence, socketPresence } = require('./server/presence') as typeof import('./server/presence');
    /* eslint-enable @typescript-eslint/no-require-imports */
    const pingRedis = async () => {
      if ((await redis.ping()) !== 'PONG') throw new Error('redis did not answer');
    };
    // Presence needs the socket server, which needs the HTTP server, which needs the app.
    let presenceImpl: Presence = noPresence;
    const presence: Presence = { online: (agencyId) => presenceImpl.online(agencyId) };
    const app = createApp(ctx, { database, defaultAgencyId: agency.id, lineAgencyId: lineAgency.id, pingRedis, presence, escalationTargetsUsable: targets.usable });
    const server = http.createServer(app);
    // Idle keep-alive connections stay open longer than clients and load balancers keep them
    // (undici 4 s, typical balancers 60 s), so it is always the client that closes one: a server
    // closing first races a request already on its way ("other side closed").
    server.keepAliveTimeout = 65_000;
    server.headersTimeout = 66_000;
    const sockets = attachSocketServer(server, ctx);
    presenceImpl = socketPresence(sockets.io);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.PORT, config.HOST, () => resolve());
    });
    port = (server.address() as AddressInfo).port;
    url = `http://127.0.0.1:${port}`;
    log.info({ port, line: config.lineEnabled }, 'API listening');
    closers.push(async () => {
      // Closing Socket.IO also stops the HTTP server from accepting; in-flight requests finish.
      await sockets.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });
  }
  if (role === 'all' || role === 'workers') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only for this role
    const { startWorkers } = require('../workers') as typeof import('../workers');
    const workers = await startWorkers(ctx, { wrapTriage: opts.wrapTriage });
    closers.push(() => workers.close());
    if (opts.withSweeper !== false) {
      const sweeper = startSweeper(ctx, { safetyCheck: workers.safetyCheck }, config.SWEEP_INTERVAL_SECONDS * 1000);
      closers.unshift(() => sweeper.stop());
    }
  }

  let metricsUrl: string | undefined;
  if (metrics) {
    if (role !== 'api') registerStateGauges(ctx, metrics);
    const served = await serveMetrics(metrics, config.METRICS_PORT!, config.METRICS_HOST, log);
    metricsUrl = served.url;
    closers.push(() => served.close());
  }

  let closing: Promise<void> | null = null;
  return {
    ctx,
    database,
    metricsUrl,
    url,
    port,
    close: () =>
      (closing ??= (async () => {
        for (const close of closers) await close();
        await queues.close();
        await redis.quit().catch(() => redis.disconnect());
        await eventsRedis.quit().catch(() => eventsRedis.disconnect());
        await database.close();
        redisChild?.kill();
      })()),
  };
}
