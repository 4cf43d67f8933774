/** Crisis alerts of the staff member's agency: list (open by default) and acknowledge. */
import { Router } from 'express';
import type { Context } from '../../../context';
import { listAlerts } from '../../../safety/list-alerts';
import { acknowledgeAlert } from '../../../safety/acknowledge';
import { parseParams, parseQuery } from '../../middleware/validate';
import { alertParams, listAlertsQuery } from './schema';

export function alertRoutes(ctx: Context): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    const { state } = parseQuery(listAlertsQuery, req.query);
    res.json({ alerts: await listAlerts(ctx.db, req.staff!, state) });
  });

  router.post('/:id/ack', async (req, res) => {
    const { id } = parseParams(alertParams, req.params);
    res.json({ alert: await acknowledgeAlert(ctx, req.staff!, id) });
  });

  return router;
}
