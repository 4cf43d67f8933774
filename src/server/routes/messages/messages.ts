/** Actions on one message: retry a failed delivery. */
import { Router } from 'express';
import type { Context } from '../../../context';
import { retryDelivery } from '../../../conversations/retry-delivery';
import { parseParams } from '../../middleware/validate';
import { messageParams } from './schema';

export function messageRoutes(ctx: Context): Router {
  const router = Router();
  router.post('/:id/retry', async (req, res) => {
    const { id } = parseParams(messageParams, req.params);
    await retryDelivery(ctx, req.staff!, id);
    res.status(202).json({ ok: true });
  });
  return router;
}
