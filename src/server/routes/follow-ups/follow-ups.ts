/** The staff member's open follow-ups (アウトリーチ; the inbox shows the overdue ones), and marking one done. */
import { Router } from 'express';
import type { Context } from '../../../context';
import { completeFollowUp, listFollowUps } from '../../../cases/follow-ups';
import { recordAudit } from '../../../audit/record';

export function followUpRoutes(ctx: Context): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const followUps = await listFollowUps(ctx.db, { ownerId: req.staff!.id });
    await recordAudit(ctx.db, { agencyId: req.staff!.agencyId, actorId: req.staff!.id, action: 'followups.mine', subjectType: 'followup_list', subjectId: String(followUps.length) });
    res.json({ followUps });
  });
  router.post('/:id/done', async (req, res) => {
    res.json({ followUp: await completeFollowUp(ctx, req.staff!, String(req.params.id)) });
  });
  return router;
}
