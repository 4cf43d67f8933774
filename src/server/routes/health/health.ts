/**
 * Liveness (/healthz: the process answers) and readiness (/readyz: database, Redis and queues).
 * Readiness is `degraded` (still 200: the front door works) when no out-of-hours escalation target
 * is configured, so monitoring sees that a crisis at night would reach no one.
 */
import { Router } from 'express';

/** `database.ping` and `pingRedis` resolve when the database and the Redis behind the queues answer. */
export function healthRoutes(database: { ping(): Promise<unknown> }, pingRedis: () => Promise<unknown>, escalationTargetsUsable = true): Router {
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
    const escalation = escalationTargetsUsable ? 'ok' : 'missing';
    const status = !ready ? 'not_ready' : escalationTargetsUsable ? 'ready' : 'degraded';
    res.status(ready ? 200 : 503).json({ status, checks: { database: db, redis, queues: redis, escalation } });
  });
  return router;
}
