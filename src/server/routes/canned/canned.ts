/** 定型文 (canned answers) of my agency: everyone reads, supervisors and admins add. */
import { Router } from 'express';
import type { Context } from '../../../context';
import { authorize } from '../../../policies/roles';
import { mayAddCanned } from '../../../policies/canned';
import { listCanned } from '../../../canned/list-canned';
import { addCanned } from '../../../canned/add-canned';
import { validateBody } from '../../middleware/validate';
import { cannedBody, type CannedBody } from './schema';

export function cannedRoutes(ctx: Context): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    res.json({ cannedReplies: await listCanned(ctx.db, req.staff!) });
  });
  router.post('/', validateBody(cannedBody), async (req, res) => {
    authorize(mayAddCanned(req.staff!));
    res.status(201).json({ cannedReply: await addCanned(ctx.db, req.staff!, req.body as CannedBody) });
  });
  return router;
}
