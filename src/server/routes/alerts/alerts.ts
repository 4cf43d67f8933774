/** Crisis alerts of the staff member's agency: list (open by default) and acknowledge. */
import { Router } from 'express';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Context } from '../../../context';
import { alerts } from '../../../db/schema';
import { presentAlert } from '../../../presenters/alert';
import { acknowledgeAlert } from '../../../safety/acknowledge';
import { parseQuery } from '../../middleware/validate';
import { listAlertsQuery } from './schema';

export function alertRoutes(ctx: Context): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    const { state } = parseQuery(listAlertsQuery, req.query);
    const mine = eq(alerts.agencyId, req.staff!.agencyId);
    const rows = await ctx.db
      .select()
      .from(alerts)
      .where(state === 'open' ? and(mine, isNull(alerts.acknowledgedAt)) : mine)
      .orderBy(desc(alerts.createdAt))
      .limit(200);
    res.json({ alerts: rows.map(presentAlert) });
  });

  router.post('/:id/ack', async (req, res) => {
    res.json({ alert: await acknowledgeAlert(ctx, req.staff!, String(req.params.id)) });
  });

  return router;
}
