/**
 * The receiving agency answers a referral: `accept` (the case is now theirs to work; the sending
 * agency keeps read access) or `return` with a reason (the case stays with the sender, and the
 * receiving agency no longer sees it). Compare-and-set on `sent`: a referral is answered once.
 * On accept, the open follow-ups go with the case: the staff member who accepted owns them (their
 * reminders reach the agency now working the case; the sender, with read access only, cannot close them).
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Context } from '../context';
import { cases, followUps, referrals } from '../db/schema';
import type { SessionStaff } from '../auth/sessions';
import { recordAudit } from '../audit/record';
import { AppError } from '../errors';

export type ReferralRow = typeof referrals.$inferSelect;

export async function answerReferral(ctx: Context, staff: SessionStaff, ref: ReferralRow, answer: { accept: true } | { accept: false; reason: string }): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const now = new Date();
    const updated = await tx
      .update(referrals)
      .set(answer.accept ? { state: 'accepted', answeredBy: staff.id, answeredAt: now } : { state: 'returned', answeredBy: staff.id, answeredAt: now, returnReason: answer.reason })
      .where(and(eq(referrals.id, ref.id), eq(referrals.state, 'sent')))
      .returning({ id: referrals.id });
    if (updated.length === 0) throw new AppError('conflict', 'already answered');
    if (answer.accept) {
      await tx.update(cases).set({ agencyId: ref.toAgencyId, updatedAt: now }).where(eq(cases.id, ref.caseId));
      await tx
        .update(followUps)
        .set({ agencyId: ref.toAgencyId, ownerId: staff.id })
        .where(and(eq(followUps.caseId, ref.caseId), isNull(followUps.doneAt)));
    }
    await recordAudit(tx, { agencyId: staff.agencyId, actorId: staff.id, action: answer.accept ? 'referral.accept' : 'referral.return', subjectType: 'case', subjectId: ref.caseId });
  });
}
