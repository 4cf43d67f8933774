/**
 * Gauges read when Prometheus scrapes (not kept up to date in between): the jobs in each queue
 * by state, from Redis, and the crisis alerts nobody has acknowledged yet (and those whose
 * escalation reached no target), from the database.
 * Registered in workers processes only, so a scrape of every process counts each queue once.
 */
import { count, isNull } from 'drizzle-orm';
import { Gauge } from 'prom-client';
import type { Context } from '../context';
import { alerts } from '../db/schema';
import { countUnreachedEscalations } from '../safety/unreached-escalations';
import type { Metrics } from './registry';

const STATES = ['wait', 'prioritized', 'active', 'delayed', 'failed'] as const;

export function registerStateGauges(ctx: Pick<Context, 'db' | 'queues'>, metrics: Metrics): void {
  const registers = [metrics.registry];
  const queues = [ctx.queues.triage, ctx.queues.dialogue, ctx.queues.deliver, ctx.queues.escalate];
  new Gauge({
    name: 'tsunagu_queue_jobs',
    help: 'Jobs in each queue by state (wait and prioritized: not started yet; delayed: waiting their turn or a retry)',
    labelNames: ['queue', 'state'],
    registers,
    async collect() {
      const counts = await Promise.all(queues.map((q) => q.getJobCounts(...STATES)));
      queues.forEach((q, i) => {
        for (const state of STATES) this.set({ queue: q.name, state }, counts[i][state] ?? 0);
      });
    },
  });
  new Gauge({
    name: 'tsunagu_alerts_open',
    help: 'Crisis alerts not yet acknowledged by staff (loud in the inbox until someone does)',
    registers,
    async collect() {
      const [row] = await ctx.db.select({ n: count() }).from(alerts).where(isNull(alerts.acknowledgedAt));
      this.set(row.n);
    },
  });
  new Gauge({
    name: 'tsunagu_alerts_escalation_unreached',
    help: 'Open crisis alerts whose notice every escalation target refused (retried): the on-call staff do not know',
    registers,
    async collect() {
      this.set(await countUnreachedEscalations(ctx.db));
    },
  });
}
