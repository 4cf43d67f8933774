/** Liveness (/healthz: the process answers) and readiness (/readyz: database, Redis and queues). */
import { Router } from 'express';
import type { Database } from '../../../db/client';

/** `pingRedis` resolves when the Redis behind the queues answers. */
export function healthRoutes(database: Database, pingRedis: () => Promise<unknown>): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => res.json({ status: 'ok' }));
  router.get('/readyz', async (_req, res) => {
    const check = async (fn: () => Promise<unknown>) => {
      try {
        await Promise.race([fn(), new Promise((_, rej) => setTimeout(() => rej(new Error('timeout')), 2000))]);
        return 'ok';
      } catch {
        return 'down';
      }
    };
    const [db, redis] = await Promise.all([
      check(() => database.ping()),
      check(pingRedis),
    ]);
    const ready = db === 'ok' && redis === 'ok';
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not_ready', checks: { database: db, redis, queues: redis } });
  });
  return router;
}
