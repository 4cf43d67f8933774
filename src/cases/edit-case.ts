/**
 * Changes the person concerned (本人) and/or the household (世帯) of an open case: the agency
 * working it learns more after the first conversation. The change and its audit row are one
 * transaction; the household's members are replaced as a whole (the form sends the list it shows),
 * so the household patterns are worked out again from the new list.
 */
import { eq } from 'drizzle-orm';
import type { Context } from '../context';
import { cases, householdMembers } from '../db/schema';
import type { SessionStaff } from '../auth/sessions';
import type { EditCaseBody } from '../contracts';
import type { CaseRow } from '../policies/case';
import { recordAudit } from '../audit/record';

export async function editCase(ctx: Context, staff: SessionStaff, row: CaseRow, body: EditCaseBody): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const now = new Date();
    const p = body.person;
    await tx
      .update(cases)
      .set({
        updatedAt: now,
        ...(p && { personName: p.name ?? null, personDescription: p.description ?? null, personAgeBand: p.ageBand ?? null, personArea: p.addressArea ?? null }),
      })
      .where(eq(cases.id, row.id));
    if (body.household) {
      await tx.delete(householdMembers).where(eq(householdMembers.caseId, row.id));
      const members = body.household.members;
      if (members.length > 0) {
        await tx.insert(householdMembers).values(
          // A millisecond apart in list order: members are read back ordered by createdAt.
          members.map((m, i) => ({ caseId: row.id, relationship: m.relationship, name: m.name ?? null, description: m.description ?? null, ageBand: m.ageBand ?? null, needs: m.needs, createdAt: new Date(now.getTime() + i) })),
        );
      }
    }
    await recordAudit(tx, { agencyId: staff.agencyId, actorId: staff.id, action: 'case.edit', subjectType: 'case', subjectId: row.id });
  });
}
