/** Colleagues of my agency, with who is on duty (for assigning and the presence list). */
import { Router } from 'express';
import { asc } from 'drizzle-orm';
import { colleaguesOf } from '../../../policies/staff';
import type { Context } from '../../../context';
import { staff } from '../../../db/schema';
import type { Presence } from '../../presence';

export function staffRoutes(ctx: Context, presence: Presence): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const online = new Set((await presence.online(req.staff!.agencyId)).map((s) => s.id));
    const rows = await ctx.db
      .select({ id: staff.id, name: staff.name, role: staff.role })
      .from(staff)
      .where(colleaguesOf(req.staff!.agencyId))
      .orderBy(asc(staff.name));
    res.json({ staff: rows.map((s) => ({ ...s, online: online.has(s.id) })) });
  });
  return router;
}
