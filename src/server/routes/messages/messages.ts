/** Actions on one message: retry a failed delivery. */
import { Router } from 'express';
import type { Context } from '../../../context';
import { retryDelivery } from '../../../conversations/retry-delivery';

export function messageRoutes(ctx: Context): Router {
  const router = Router();
  router.post('/:id/retry', async (req, res) => {
    await retryDelivery(ctx, req.staff!, String(req.params.id));
    res.status(202).json({ ok: true });
  });
  return router;
}
