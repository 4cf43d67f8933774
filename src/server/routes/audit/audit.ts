/**
 * The audit log of my agency (supervisors and admins): who read or changed what, when. Filtered
 * by a conversation, it includes the list and search pages that showed that conversation.
 */
import { Router } from 'express';
import { and, arrayContains, desc, eq, or } from 'drizzle-orm';
import { z } from 'zod';
import type { Context } from '../../../context';
import { auditLog, staff } from '../../../db/schema';
import { requireSupervisor } from '../../../policies/roles';
import { parseQuery } from '../../middleware/validate';

export const auditQuery = z.object({ conversationId: z.uuid().optional() }).strict();

export function auditRoutes(ctx: Context): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    requireSupervisor(req.staff!);
    const { conversationId } = parseQuery(auditQuery, req.query);
    const mine = eq(auditLog.agencyId, req.staff!.agencyId);
    const rows = await ctx.db
      .select({ a: auditLog, actorName: staff.name })
      .from(auditLog)
      .leftJoin(staff, eq(staff.id, auditLog.actorId))
      .where(conversationId ? and(mine, or(eq(auditLog.subjectId, conversationId), arrayContains(auditLog.conversationIds, [conversationId]))) : mine)
      .orderBy(desc(auditLog.id))
      .limit(500);
    res.json({
      entries: rows.map((r) => ({
        actorId: r.a.actorId,
        actorName: r.actorName,
        action: r.a.action,
        subjectType: r.a.subjectType,
        subjectId: r.a.subjectId,
        ...(r.a.conversationIds ? { conversationIds: r.a.conversationIds } : {}),
        at: r.a.at.toISOString(),
      })),
    });
  });
  return router;
}
