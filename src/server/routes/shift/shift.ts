/** The supervisor's shift view (supervisors and admins; others 403). */
import { Router } from 'express';
import type { Context } from '../../../context';
import { authorize } from '../../../policies/roles';
import { mayViewShift } from '../../../policies/staff';
import { shiftOverview } from '../../../shift/overview';
import type { Presence } from '../../presence';

export function shiftRoutes(ctx: Context, presence: Presence): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    authorize(mayViewShift(req.staff!));
    const online = new Set((await presence.online(req.staff!.agencyId)).map((s) => s.id));
    res.json(await shiftOverview(ctx.db, req.staff!, online));
  });
  return router;
}
