/**
 * The queue dashboard (@bull-board) at /admin/queues: waiting, delayed and failed jobs of every
 * queue. The queues serve every agency at once, so it is for the system operator (`operator`)
 * only, never an agency's staff or admins. It shows how the work flows, not what it is about:
 * job data is cut to ids, return values (triage results such as categories) and stack-trace
 * messages are hidden. Read-only unless QUEUE_DASHBOARD_ACTIONS=true (pause, retry, clean…).
 */
import { Router } from 'express';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Context } from '../context';
import { AppError } from '../errors';
import { mayUseQueueDashboard } from '../policies/roles';
import { requireStaff } from './middleware/staff-auth';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';
const HIDDEN = '(hidden)';
const ID = /^[0-9a-z_-]{1,80}$/i;

/** Job data keeps ids and numbers; any other value could hold words from a consultation. */
export function redactJobData(data: unknown): unknown {
  if (data === null || typeof data !== 'object') return typeof data === 'number' ? data : HIDDEN;
  return Object.fromEntries(
    Object.entries(data as Record<string, unknown>).map(([k, v]) => [k, typeof v === 'number' || (typeof v === 'string' && ID.test(v)) ? v : HIDDEN]),
  );
}

/** Stack frames say where it failed; the message line before them may quote content. */
const framesOnly = (trace: string) => trace.split('\n').filter((l) => /^\s+at /.test(l)).join('\n');

type Job = { toJSON(): { stacktrace?: string[] | null } & Record<string, unknown> };
function withoutMessages<J extends Job>(job: J): J {
  const toJSON = job.toJSON.bind(job);
  return Object.assign(Object.create(job), { toJSON: () => ({ ...toJSON(), stacktrace: (toJSON().stacktrace ?? []).map(framesOnly) }) });
}

class RedactedAdapter extends BullMQAdapter {
  async getJob(id: string) {
    const job = await super.getJob(id);
    return job ? withoutMessages(job) : job;
  }
  async getJobs(...args: Parameters<BullMQAdapter['getJobs']>) {
    return (await super.getJobs(...args)).map(withoutMessages);
  }
}

export function queueDashboard(ctx: Context): Router {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  const actions = ctx.config.QUEUE_DASHBOARD_ACTIONS;
  const q = ctx.queues;
  const adapters = [q.triage, q.dialogue, q.deliver, q.escalate, q.followUp, q.retention].map((queue) => {
    const adapter = new RedactedAdapter(queue as never, { readOnlyMode: !actions, allowRetries: actions });
    adapter.setFormatter('data', redactJobData);
    adapter.setFormatter('returnValue', (v: unknown) => (v === undefined || v === null ? v : HIDDEN));
    adapter.setFormatter('progress', (v: unknown) => (typeof v === 'number' ? v : HIDDEN));
    return adapter;
  });
  createBullBoard({ queues: adapters, serverAdapter, options: { uiConfig: { boardTitle: 'tsunagu queues' } } });
  const router = Router();
  router.use(requireStaff(ctx.db), (req, _res, next) => next(req.staff && mayUseQueueDashboard(req.staff) ? undefined : new AppError('forbidden')));
  router.use(serverAdapter.getRouter());
  return router;
}
