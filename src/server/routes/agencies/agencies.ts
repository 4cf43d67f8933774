/**
 * The directory of agencies (相談機関一覧). Every staff member reads it (with `?category=` the
 * fields that serve those needs come first, marked `suggested`); an admin adds or updates one.
 */
import { Router } from 'express';
import { z } from 'zod';
import type { Context } from '../../../context';
import { agencyBody, agencyView, categorySchema } from '../../../contracts';
import { listDirectory, saveAgency } from '../../../agencies/directory';
import { isAdmin } from '../../../policies/roles';
import { AppError } from '../../../errors';
import { parseQuery, validateBody } from '../../middleware/validate';

export const directoryQuery = z
  .object({ category: z.union([categorySchema, z.array(categorySchema)]).optional().transform((c) => (c === undefined ? [] : Array.isArray(c) ? c : [c])) })
  .strict();
export const directoryResponse = z.object({ agencies: z.array(agencyView) });
export { agencyBody };

export function agencyRoutes(ctx: Context): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const { category } = parseQuery(directoryQuery, req.query);
    res.json({ agencies: await listDirectory(ctx.db, category) });
  });
  router.post('/', validateBody(agencyBody), async (req, res) => {
    if (!isAdmin(req.staff!)) throw new AppError('forbidden');
    res.status(201).json({ agency: await saveAgency(ctx.db, req.body) });
  });
  return router;
}
