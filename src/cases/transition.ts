/**
 * Moves a case to another stage, as the state machine (./stages.ts) allows: the change, its
 * timeline entry (who, when, from, to, why) and the audit row in one transaction. The stage is
 * compared-and-set, so two counsellors moving the same case at once cannot both win.
 */
import { and, eq } from 'drizzle-orm';
import type { Context } from '../context';
import { cases, caseTransitions, meetingCases, meetings } from '../db/schema';
import type { SessionStaff } from '../auth/sessions';
import type { TransitionBody } from '../contracts';
import type { CaseRow } from '../policies/case';
import { recordAudit } from '../audit/record';
import { AppError } from '../errors';
import { checkMove } from './stages';

/** Whether the named meeting discussed this case and decided to close it. */
async function meetingDecidedClosure(ctx: Context, caseId: string, meetingId: string | undefined): Promise<boolean> {
  if (!meetingId) return false;
  const [m] = await ctx.db
    .select({ decisions: meetings.decisions })
    .from(meetings)
    .innerJoin(meetingCases, and(eq(meetingCases.meetingId, meetings.id), eq(meetingCases.caseId, caseId)))
    .where(eq(meetings.id, meetingId));
  return !!m && m.decisions.some((d) => d.caseId === caseId && d.closeCase === true);
}

export async function transitionCase(ctx: Context, staff: SessionStaff, row: CaseRow, body: TransitionBody): Promise<void> {
  const past = await ctx.db.select({ to: caseTransitions.toStage }).from(caseTransitions).where(eq(caseTransitions.caseId, row.id));
  const coordinated = row.stage === 'coordination' || past.some((p) => p.to === 'coordination');
  const closingDecision = body.to === 'closed' && (await meetingDecidedClosure(ctx, row.id, body.meetingId));
  const check = checkMove(row.stage, body.to, { reason: body.reason, coordinated, closingDecision });
  if (!check.ok) throw new AppError(check.code, `${row.stage} → ${body.to}`);
  await ctx.db.transaction(async (tx) => {
    const now = new Date();
    const updated = await tx
      .update(cases)
      .set({ stage: body.to, updatedAt: now, closedAt: body.to === 'closed' ? now : null })
      .where(and(eq(cases.id, row.id), eq(cases.stage, row.stage)))
      .returning({ id: cases.id });
    // Someone else moved it meanwhile: the move was judged against a stage that is gone.
    if (updated.length === 0) throw new AppError('invalid_transition', 'the case changed meanwhile; reload');
    await tx.insert(caseTransitions).values({
      caseId: row.id,
      fromStage: row.stage,
      toStage: body.to,
      byStaffId: staff.id,
      reason: body.reason?.trim() || null,
      meetingId: closingDecision ? body.meetingId! : null,
      at: now,
    });
    await recordAudit(tx, { agencyId: staff.agencyId, actorId: staff.id, action: `case.stage.${body.to}`, subjectType: 'case', subjectId: row.id });
  });
}
