/** The teams of my agency, with their members (for handing a conversation to a team). */
import { Router } from 'express';
import type { Context } from '../../../context';
import { listTeams } from '../../../teams/teams';

export function teamRoutes(ctx: Context): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    res.json({ teams: await listTeams(ctx.db, req.staff!) });
  });
  return router;
}
