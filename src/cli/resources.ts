/** What CLI commands open: the database and, for lockouts and live sessions, Redis. */
import type { Redis } from 'ioredis';
import { loadConfig, type Config } from '../config';
import { openDatabase, type Db } from '../db/client';
import { ensureDefaultAgency } from '../agencies/default-agency';
import { createRedis } from '../redis';

export async function withDatabase<T>(fn: (db: Db, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir, sharedBuffers: config.PGLITE_SHARED_BUFFERS });
  try {
    await ensureDefaultAgency(database.db);
    return await fn(database.db, config);
  } finally {
    await database.close();
  }
}

/** Runs `fn` with a connected Redis, or returns null when none answers within a few seconds. */
export async function withRedis<T>(config: Config, fn: (redis: Redis) => Promise<T>): Promise<T | null> {
  const redis = createRedis(config.REDIS_URL, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 3000, retryStrategy: () => null });
  redis.on('error', () => {});
  try {
    await redis.connect();
  } catch {
    redis.disconnect();
    return null;
  }
  try {
    return await fn(redis);
  } finally {
    // quit, not disconnect: what was published must reach Redis first.
    await redis.quit().catch(() => redis.disconnect());
  }
}
