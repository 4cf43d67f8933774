/**
 * 支援プラン: agreed in a meeting that discussed the case; each agreement is a new version
 * (goals, actions with their owner agency and due date, review date). Earlier versions stay.
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Context } from '../context';
import { agencies, meetingCases, plans } from '../db/schema';
import type { SessionStaff } from '../auth/sessions';
import type { PlanBody, PlanView } from '../contracts';
import type { CaseRow } from '../policies/case';
import { recordAudit } from '../audit/record';
import { AppError } from '../errors';

export const presentPlan = (p: typeof plans.$inferSelect): PlanView => ({
  id: p.id,
  caseId: p.caseId,
  version: p.version,
  meetingId: p.meetingId,
  goals: p.goals,
  actions: p.actions,
  reviewDate: p.reviewDate,
  createdAt: p.createdAt.toISOString(),
});

export async function agreePlan(ctx: Context, staff: SessionStaff, row: CaseRow, body: PlanBody): Promise<PlanView> {
  const [discussed] = await ctx.db.select().from(meetingCases).where(and(eq(meetingCases.meetingId, body.meetingId), eq(meetingCases.caseId, row.id)));
  if (!discussed) throw new AppError('invalid_body', 'meetingId: a meeting that discussed this case');
  const codes = [...new Set(body.actions.map((a) => a.ownerAgency))];
  const owners = codes.length ? await ctx.db.select({ id: agencies.id, code: agencies.code }).from(agencies).where(inArray(agencies.code, codes)) : [];
  if (owners.length !== codes.length) throw new AppError('invalid_body', 'actions: unknown ownerAgency');
  const ownerId = new Map(owners.map((o) => [o.code, o.id]));
  return ctx.db.transaction(async (tx) => {
    const [last] = await tx.select({ version: plans.version }).from(plans).where(eq(plans.caseId, row.id)).orderBy(desc(plans.version)).limit(1);
    const [plan] = await tx
      .insert(plans)
      .values({
        caseId: row.id,
        version: (last?.version ?? 0) + 1,
        meetingId: body.meetingId,
        goals: body.goals,
        actions: body.actions.map((a) => ({ text: a.text, ownerAgencyId: ownerId.get(a.ownerAgency)!, due: a.due ?? null })),
        reviewDate: body.reviewDate ?? null,
        createdBy: staff.id,
      })
      .returning();
    await recordAudit(tx, { agencyId: staff.agencyId, actorId: staff.id, action: 'plan.agree', subjectType: 'case', subjectId: row.id });
    return presentPlan(plan);
  });
}

export async function plansOfCase(ctx: Context, caseId: string): Promise<PlanView[]> {
  return (await ctx.db.select().from(plans).where(eq(plans.caseId, caseId)).orderBy(desc(plans.version))).map(presentPlan);
}
