/**
 * The queue dashboard (@bull-board) at /admin/queues, for admins only: waiting, delayed, failed
 * jobs per queue. Job data holds message ids only, so no consultation text is shown here.
 */
import { Router } from 'express';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Context } from '../context';
import { AppError } from '../errors';
import { requireStaff } from './middleware/staff-auth';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

export function queueDashboard(ctx: Context): Router {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  const q = ctx.queues;
  createBullBoard({
    queues: [q.triage, q.dialogue, q.deliver, q.escalate].map((queue) => new BullMQAdapter(queue as never)),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'tsunagu queues' } },
  });
  const router = Router();
  router.use(requireStaff(ctx.db), (req, _res, next) => next(req.staff?.role === 'admin' ? undefined : new AppError('forbidden')));
  router.use(serverAdapter.getRouter());
  return router;
}
