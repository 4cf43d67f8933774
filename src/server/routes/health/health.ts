/**
 * Liveness (/healthz: the process answers) and readiness (/readyz: database, Redis and queues).
 * Readiness is `degraded` (still 200: the front door works) when a crisis would reach, or did
 * reach, no one out of hours: no escalation target is configured (`escalation: missing`), or an
 * open alert's notice was refused by every target (`escalation: failing`, retried meanwhile).
 */
import { Router } from 'express';

export interface Readiness {
  /** Resolves when the database answers. */
  database: { ping(): Promise<unknown> };
  /** Resolves when the Redis behind the queues answers. */
  pingRedis: () => Promise<unknown>;
  /** Whether a crisis with nobody signed in reaches someone. */
  escalationTargetsUsable: boolean;
  /** Open alerts whose escalation every target refused (src/safety/unreached-escalations.ts). */
  unreachedEscalations: () => Promise<number>;
}

export function healthRoutes(r: Readiness): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => res.json({ status: 'ok' }));
  router.get('/readyz', async (_req, res) => {
    const within = <T>(p: Promise<T>): Promise<T> => {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, rej) => (timer = setTimeout(() => rej(new Error('timeout')), 2000)));
      return Promise.race([p, late]).finally(() => clearTimeout(timer));
    };
    const check = async (fn: () => Promise<unknown>) => {
      try {
        await within(fn());
        return 'ok';
      } catch {
        return 'down';
      }
    };
    const [db, redis] = await Promise.all([check(() => r.database.ping()), check(r.pingRedis)]);
    const ready = db === 'ok' && redis === 'ok';
    let escalation: 'ok' | 'missing' | 'failing' = r.escalationTargetsUsable ? 'ok' : 'missing';
    if (escalation === 'ok' && db === 'ok') escalation = (await within(r.unreachedEscalations()).catch(() => 0)) > 0 ? 'failing' : 'ok';
    const status = !ready ? 'not_ready' : escalation === 'ok' ? 'ready' : 'degraded';
    res.status(ready ? 200 : 503).json({ status, checks: { database: db, redis, queues: redis, escalation } });
  });
  return router;
}
