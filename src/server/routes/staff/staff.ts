/** Colleagues of my agency, with who is on duty (for assigning and the presence list). */
import { Router } from 'express';
import type { Context } from '../../../context';
import { listColleagues } from '../../../staff/list-colleagues';
import type { Presence } from '../../presence';

export function staffRoutes(ctx: Context, presence: Presence): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const online = new Set((await presence.online(req.staff!.agencyId)).map((s) => s.id));
    res.json({ staff: await listColleagues(ctx.db, req.staff!, online) });
  });
  return router;
}
