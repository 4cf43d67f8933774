/**
 * Opens a case from one or more conversations of the counsellor's own agency: gives it a
 * 相談番号, records the person concerned and the household, links the conversations, and writes
 * the first timeline entry (→ intake) and the audit row in the same transaction.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Context } from '../context';
import { caseConversations, cases, caseTransitions, conversations, householdMembers } from '../db/schema';
import type { SessionStaff } from '../auth/sessions';
import type { OpenCaseBody } from '../contracts';
import { recordAudit } from '../audit/record';
import { AppError } from '../errors';
import { nextCaseNumber } from './case-number';

export async function openCase(ctx: Context, staff: SessionStaff, input: OpenCaseBody): Promise<string> {
  const ids = [...new Set(input.conversationIds)];
  return ctx.db.transaction(async (tx) => {
    const found = await tx
      .select({ id: conversations.id })
      .from(conversations)
      .where(and(inArray(conversations.id, ids), eq(conversations.agencyId, staff.agencyId)));
    // Another agency's conversation is as unknown as a missing one.
    if (found.length !== ids.length) throw new AppError('not_found', 'conversation');
    const number = await nextCaseNumber(tx, new Date(), ctx.municipality.timezone);
    const p = input.person ?? {};
    const [row] = await tx
      .insert(cases)
      .values({
        number,
        agencyId: staff.agencyId,
        personName: p.name ?? null,
        personDescription: p.description ?? null,
        personAgeBand: p.ageBand ?? null,
        personArea: p.addressArea ?? null,
        createdBy: staff.id,
      })
      .returning({ id: cases.id });
    await tx.insert(caseConversations).values(ids.map((conversationId) => ({ caseId: row.id, conversationId, linkedBy: staff.id })));
    const members = input.household?.members ?? [];
    if (members.length > 0) {
      await tx.insert(householdMembers).values(
        members.map((m) => ({ caseId: row.id, relationship: m.relationship, name: m.name ?? null, description: m.description ?? null, ageBand: m.ageBand ?? null, needs: m.needs })),
      );
    }
    await tx.insert(caseTransitions).values({ caseId: row.id, fromStage: null, toStage: 'intake', byStaffId: staff.id });
    await recordAudit(tx, { agencyId: staff.agencyId, actorId: staff.id, action: 'case.open', subjectType: 'case', subjectId: row.id, conversationIds: ids });
    return row.id;
  });
}

/**
 * Links another conversation of the agency working the case (e.g. the person's own LINE
 * conversation after a neighbour's report). Linking twice changes nothing.
 */
export async function linkConversation(ctx: Context, staff: SessionStaff, caseId: string, conversationId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [conv] = await tx
      .select({ id: conversations.id })
      .from(conversations)
      .where(and(eq(conversations.id, conversationId), eq(conversations.agencyId, staff.agencyId)));
    if (!conv) throw new AppError('not_found', 'conversation');
    const linked = await tx.insert(caseConversations).values({ caseId, conversationId, linkedBy: staff.id }).onConflictDoNothing().returning({ caseId: caseConversations.caseId });
    if (linked.length === 0) return;
    await tx.update(cases).set({ updatedAt: new Date() }).where(eq(cases.id, caseId));
    await recordAudit(tx, { agencyId: staff.agencyId, actorId: staff.id, action: 'case.link', subjectType: 'case', subjectId: caseId, conversationIds: [conversationId] });
  });
}
