/**
 * Redis connections. The embedded default needs a Redis for the queues: when nothing answers at
 * REDIS_URL on this machine and `redis-server` is on PATH, one is started as a child process
 * (without persistence: the sweeper refills queues from the database, so nothing is lost).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import IORedis, { type Redis, type RedisOptions } from 'ioredis';
import type { Logger } from './logger';
import type { OperatorErrorCode } from './errors';

/** A connection for BullMQ workers and blocking commands: never give up on a command. */
export function createRedis(url: string, extra: RedisOptions = {}): Redis {
  return new IORedis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, ...extra });
}

function canConnect(host: string, port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export class RedisUnavailableError extends Error {
  readonly code: OperatorErrorCode = 'redis_unavailable';
}

/**
 * Makes sure something answers at `url`. Returns the child process when it started one
 * (the caller stops it on shutdown), or null when a Redis was already there.
 */
export async function ensureRedis(url: string, autostart: boolean, log: Logger): Promise<ChildProcess | null> {
  const u = new URL(url);
  const host = u.hostname || '127.0.0.1';
  const port = Number(u.port || 6379);
  if (await canConnect(host, port)) return null;
  const local = ['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host);
  const hasBinary = spawnSync('redis-server', ['--version']).status === 0;
  if (!autostart || !local || !hasBinary) {
    throw new RedisUnavailableError(
      `Nothing answers at REDIS_URL=${u.protocol}//${host}:${port}. Start Redis ` +
        '(Debian/Ubuntu: `sudo apt-get install redis-server`; macOS: `brew install redis && redis-server`; ' +
        'Docker: `docker run -p 6379:6379 redis:7`) or point REDIS_URL at one.' +
        (local && !hasBinary ? ' (No redis-server binary on PATH to start automatically.)' : ''),
    );
  }
  log.warn({ port }, 'no Redis at REDIS_URL: starting a local redis-server as a child process (no persistence)');
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  for (let i = 0; i < 50; i++) {
    if (await canConnect(host, port)) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new RedisUnavailableError(`Started redis-server on port ${port}, but it did not answer.`);
}
