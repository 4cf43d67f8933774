/**
 * 定型文 (canned answers) of my agency: everyone reads, supervisors and admins add, edit and
 * delete. The municipality file's starters (config: `cannedReplies`) follow the agency's own,
 * marked `starter`; they are changed in that file, not here.
 */
import { Router } from 'express';
import type { Context } from '../../../context';
import { authorize } from '../../../policies/roles';
import { mayManageCanned } from '../../../policies/canned';
import { listCanned } from '../../../canned/list-canned';
import { addCanned } from '../../../canned/add-canned';
import { deleteCanned, editCanned } from '../../../canned/change-canned';
import { parseParams, validateBody } from '../../middleware/validate';
import { cannedBody, cannedParams, type CannedBody } from './schema';

export function cannedRoutes(ctx: Context): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    res.json({ cannedReplies: await listCanned(ctx.db, req.staff!, ctx.municipality.cannedReplies) });
  });
  router.post('/', validateBody(cannedBody), async (req, res) => {
    authorize(mayManageCanned(req.staff!));
    res.status(201).json({ cannedReply: await addCanned(ctx.db, req.staff!, req.body as CannedBody) });
  });
  router.patch('/:id', validateBody(cannedBody), async (req, res) => {
    authorize(mayManageCanned(req.staff!));
    const { id } = parseParams(cannedParams, req.params);
    res.json({ cannedReply: await editCanned(ctx.db, req.staff!, id, req.body as CannedBody) });
  });
  router.delete('/:id', async (req, res) => {
    authorize(mayManageCanned(req.staff!));
    const { id } = parseParams(cannedParams, req.params);
    await deleteCanned(ctx.db, req.staff!, id);
    res.status(204).end();
  });
  return router;
}
