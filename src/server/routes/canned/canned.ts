/**
 * 定型文 (canned answers) of my agency: everyone reads, supervisors and admins add, edit and
 * delete. The municipality file's starters (config: `cannedReplies`) follow the agency's own,
 * marked `starter`; they are changed in that file, not here.
 */
import { Router } from 'express';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Context } from '../../../context';
import { cannedReplies } from '../../../db/schema';
import { AppError } from '../../../errors';
import { requireSupervisor } from '../../../policies/roles';
import { recordAudit } from '../../../audit/record';
import { validateBody } from '../../middleware/validate';

export const cannedBody = z.object({ title: z.string().trim().min(1).max(100), text: z.string().trim().min(1).max(5000) }).strict();
export const cannedView = z.object({
  /** A uuid, or `starter:<id>` for one from the municipality file. */
  id: z.string(),
  title: z.string(),
  text: z.string(),
  /** From the municipality file: read-only in the inbox. */
  starter: z.boolean(),
});

const columns = { id: cannedReplies.id, title: cannedReplies.title, text: cannedReplies.text };
const isUuid = (s: string) => z.uuid().safeParse(s).success;

export function cannedRoutes(ctx: Context): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const rows = await ctx.db.select(columns).from(cannedReplies).where(eq(cannedReplies.agencyId, req.staff!.agencyId)).orderBy(asc(cannedReplies.title));
    const starters = ctx.municipality.cannedReplies.map((c) => ({ id: `starter:${c.id}`, title: c.title, text: c.text, starter: true }));
    res.json({ cannedReplies: [...rows.map((r) => ({ ...r, starter: false })), ...starters] });
  });
  router.post('/', validateBody(cannedBody), async (req, res) => {
    requireSupervisor(req.staff!);
    const row = await ctx.db.transaction(async (tx) => {
      const [inserted] = await tx
        .insert(cannedReplies)
        .values({ agencyId: req.staff!.agencyId, title: req.body.title, text: req.body.text, createdBy: req.staff!.id })
        .returning(columns);
      await recordAudit(tx, { agencyId: req.staff!.agencyId, actorId: req.staff!.id, action: 'canned.add', subjectType: 'canned_reply', subjectId: inserted.id });
      return inserted;
    });
    res.status(201).json({ cannedReply: { ...row, starter: false } });
  });
  router.patch('/:id', validateBody(cannedBody), async (req, res) => {
    requireSupervisor(req.staff!);
    const id = String(req.params.id);
    if (!isUuid(id)) throw new AppError('not_found', 'canned reply');
    const row = await ctx.db.transaction(async (tx) => {
      const [updated] = await tx
        .update(cannedReplies)
        .set({ title: req.body.title, text: req.body.text })
        .where(and(eq(cannedReplies.id, id), eq(cannedReplies.agencyId, req.staff!.agencyId)))
        .returning(columns);
      if (!updated) throw new AppError('not_found', 'canned reply');
      await recordAudit(tx, { agencyId: req.staff!.agencyId, actorId: req.staff!.id, action: 'canned.edit', subjectType: 'canned_reply', subjectId: id });
      return updated;
    });
    res.json({ cannedReply: { ...row, starter: false } });
  });
  router.delete('/:id', async (req, res) => {
    requireSupervisor(req.staff!);
    const id = String(req.params.id);
    if (!isUuid(id)) throw new AppError('not_found', 'canned reply');
    await ctx.db.transaction(async (tx) => {
      const [deleted] = await tx
        .delete(cannedReplies)
        .where(and(eq(cannedReplies.id, id), eq(cannedReplies.agencyId, req.staff!.agencyId)))
        .returning({ id: cannedReplies.id });
      if (!deleted) throw new AppError('not_found', 'canned reply');
      await recordAudit(tx, { agencyId: req.staff!.agencyId, actorId: req.staff!.id, action: 'canned.delete', subjectType: 'canned_reply', subjectId: id });
    });
    res.status(204).end();
  });
  return router;
}
