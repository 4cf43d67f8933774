/** The staff member's open follow-ups (アウトリーチ; the inbox shows the overdue ones), and marking one done. */
import { Router } from 'express';
import type { Context } from '../../../context';
import { completeFollowUp, listFollowUps } from '../../../cases/follow-ups';

export function followUpRoutes(ctx: Context): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    res.json({ followUps: await listFollowUps(ctx.db, { ownerId: req.staff!.id }) });
  });
  router.post('/:id/done', async (req, res) => {
    res.json({ followUp: await completeFollowUp(ctx, req.staff!, String(req.params.id)) });
  });
  return router;
}
