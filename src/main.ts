/**
 * `npm start`: API + workers in one process on the embedded default.
 * `--role=api` / `--role=workers`: the production split (needs DATABASE_URL: PGlite is one process).
 * SIGTERM / SIGINT finish in-flight requests and jobs (within SHUTDOWN_GRACE_SECONDS), then exit 0.
 */
import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';
import { start, type Role } from './runtime';
import { escalationTargets, missingTargetBanner } from './safety/escalation-targets';

async function main() {
  const roleArg = process.argv.find((a) => a.startsWith('--role='))?.slice('--role='.length) ?? 'all';
  if (!['all', 'api', 'workers'].includes(roleArg)) throw new ConfigError(`--role must be all, api or workers (got ${roleArg})`);
  const role = roleArg as Role;
  const config = loadConfig();
  if (role !== 'all' && !config.DATABASE_URL) {
    throw new ConfigError('Running API and workers as separate processes needs DATABASE_URL (the embedded PGlite database is single-process).');
  }
  const log = createLogger(config.LOG_LEVEL);
  const runtime = await start(config, { role, log });
  // Loud on the terminal too (the log line may scroll by): at night this is who gets a crisis.
  const banner = missingTargetBanner(escalationTargets(runtime.ctx.municipality, config), config.MUNICIPALITY_FILE);
  if (banner) console.error(banner);
  if (runtime.url) {
    log.info(`widget demo: http://localhost:${runtime.port}/  inbox: http://localhost:${runtime.port}/inbox`);
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: finishing in-flight work');
    // closing is bounded (jobs get SHUTDOWN_GRACE_SECONDS, the sweeper and the database 5 s each): this is the last guard
    const limit = config.SHUTDOWN_GRACE_SECONDS + 15;
    const force = setTimeout(() => {
      log.error(`shutdown took longer than ${limit} s; exiting`);
      process.exit(1);
    }, limit * 1000);
    force.unref();
    await runtime.close();
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((err) => {
  // Readable, no stack, for the errors a person can fix (settings, Redis missing).
  const code = (err as { code?: string }).code;
  if (err instanceof ConfigError || code === 'redis_unavailable' || code === 'municipality_invalid' || code === 'database_busy') {
    console.error(`tsunagu could not start: ${err.message}`);
  } else {
    console.error('tsunagu could not start:', err);
  }
  process.exit(1);
});
