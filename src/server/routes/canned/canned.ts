/** 定型文 (canned answers) of my agency: everyone reads, supervisors and admins add. */
import { Router } from 'express';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Context } from '../../../context';
import { cannedReplies } from '../../../db/schema';
import { requireSupervisor } from '../../../policies/roles';
import { recordAudit } from '../../../audit/record';
import { validateBody } from '../../middleware/validate';

export const cannedBody = z.object({ title: z.string().trim().min(1).max(100), text: z.string().trim().min(1).max(5000) }).strict();
export const cannedView = z.object({ id: z.uuid(), title: z.string(), text: z.string() });

export function cannedRoutes(ctx: Context): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const rows = await ctx.db
      .select({ id: cannedReplies.id, title: cannedReplies.title, text: cannedReplies.text })
      .from(cannedReplies)
      .where(eq(cannedReplies.agencyId, req.staff!.agencyId))
      .orderBy(asc(cannedReplies.title));
    res.json({ cannedReplies: rows });
  });
  router.post('/', validateBody(cannedBody), async (req, res) => {
    requireSupervisor(req.staff!);
    const row = await ctx.db.transaction(async (tx) => {
      const [inserted] = await tx
        .insert(cannedReplies)
        .values({ agencyId: req.staff!.agencyId, title: req.body.title, text: req.body.text, createdBy: req.staff!.id })
        .returning({ id: cannedReplies.id, title: cannedReplies.title, text: cannedReplies.text });
      await recordAudit(tx, { agencyId: req.staff!.agencyId, actorId: req.staff!.id, action: 'canned.add', subjectType: 'canned_reply', subjectId: inserted.id });
      return inserted;
    });
    res.status(201).json({ cannedReply: row });
  });
  return router;
}
