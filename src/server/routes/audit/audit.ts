/**
 * The audit log of my agency (supervisors and admins): who read or changed what, when. Filtered
 * by a conversation, it includes the list and search pages that showed that conversation.
 */
import { Router } from 'express';
import type { Context } from '../../../context';
import { authorize } from '../../../policies/roles';
import { mayReadAudit } from '../../../policies/audit';
import { listAuditEntries } from '../../../audit/list-entries';
import { parseQuery } from '../../middleware/validate';
import { auditQuery } from './schema';

export function auditRoutes(ctx: Context): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    authorize(mayReadAudit(req.staff!));
    const filter = parseQuery(auditQuery, req.query);
    res.json({ entries: await listAuditEntries(ctx.db, req.staff!, filter) });
  });
  return router;
}
