/** The supervisor's shift view (supervisors and admins; others 403). */
import { Router } from 'express';
import type { Context } from '../../../context';
import { requireSupervisor } from '../../../policies/roles';
import { shiftOverview } from '../../../shift/overview';
import type { Presence } from '../../presence';

export function shiftRoutes(ctx: Context, presence: Presence): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    requireSupervisor(req.staff!);
    const online = new Set((await presence.online(req.staff!.agencyId)).map((s) => s.id));
    res.json(await shiftOverview(ctx.db, req.staff!.agencyId, online));
  });
  return router;
}
