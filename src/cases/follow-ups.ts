/**
 * アウトリーチ: follow-ups (visit, call, letter) with a due date and an owner. Each has a BullMQ
 * delayed job that fires when it is due (kept in Redis, so it survives a restart of the workers);
 * the sweeper calls `requeueDueFollowUps` to re-create the job of any follow-up that is due but
 * never reminded (Redis lost it). The reminder is recorded once (`remindedAt`, compare-and-set)
 * and raised in the owner's inbox (`followup:due`).
 */
import { and, asc, eq, isNull, lte } from 'drizzle-orm';
import type { Context } from '../context';
import type { DbOrTx } from '../db/client';
import { cases, followUps, staff as staffTable } from '../db/schema';
import type { SessionStaff } from '../auth/sessions';
import type { FollowUpBody, FollowUpView } from '../contracts';
import type { CaseRow } from '../policies/case';
import { colleaguesOf } from '../policies/staff';
import { isUuid } from '../policies/case';
import { recordAudit } from '../audit/record';
import { AppError } from '../errors';
import { enqueueSoon, jobId, jobOptions } from '../queues';

type FollowUpRow = typeof followUps.$inferSelect;

export const presentFollowUp = (f: FollowUpRow, caseNumber?: string, now = new Date()): FollowUpView => ({
  id: f.id,
  caseId: f.caseId,
  ...(caseNumber ? { caseNumber } : {}),
  kind: f.kind,
  dueAt: f.dueAt.toISOString(),
  ownerId: f.ownerId,
  note: f.note,
  doneAt: f.doneAt?.toISOString() ?? null,
  overdue: !f.doneAt && f.dueAt.getTime() <= now.getTime(),
});

/** Queues the reminder for when the follow-up is due (at once when already due). */
export function scheduleReminder(ctx: Context, f: { id: string; dueAt: Date }): Promise<boolean> {
  const delay = Math.max(0, f.dueAt.getTime() - Date.now());
  return enqueueSoon(() => ctx.queues.followUp.add('follow-up', { followUpId: f.id }, { ...jobOptions.followUp, jobId: jobId.followUp(f.id), delay }));
}

export async function scheduleFollowUp(ctx: Context, staff: SessionStaff, row: CaseRow, body: FollowUpBody): Promise<FollowUpView> {
  const ownerId = body.ownerId ?? staff.id;
  const [owner] = await ctx.db.select({ id: staffTable.id }).from(staffTable).where(and(eq(staffTable.id, ownerId), colleaguesOf(row.agencyId)));
  if (!owner) throw new AppError('invalid_body', 'ownerId: a colleague of the agency working the case');
  const f = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(followUps)
      .values({ caseId: row.id, agencyId: row.agencyId, kind: body.kind, dueAt: new Date(body.dueAt), ownerId, note: body.note ?? null, createdBy: staff.id })
      .returning();
    await recordAudit(tx, { agencyId: staff.agencyId, actorId: staff.id, action: 'followup.schedule', subjectType: 'case', subjectId: row.id });
    return created;
  });
  // Durable first: if Redis is away now, the sweeper queues it once it is due.
  await scheduleReminder(ctx, f);
  return presentFollowUp(f, row.number);
}

/** Marks a follow-up of the staff member's agency done. */
export async function completeFollowUp(ctx: Context, staff: SessionStaff, id: string): Promise<FollowUpView> {
  if (!isUuid(id)) throw new AppError('not_found');
  return ctx.db.transaction(async (tx) => {
    const [f] = await tx.select().from(followUps).where(and(eq(followUps.id, id), eq(followUps.agencyId, staff.agencyId)));
    if (!f) throw new AppError('not_found');
    if (f.doneAt) return presentFollowUp(f);
    const [done] = await tx.update(followUps).set({ doneAt: new Date(), doneBy: staff.id }).where(eq(followUps.id, id)).returning();
    await recordAudit(tx, { agencyId: staff.agencyId, actorId: staff.id, action: 'followup.done', subjectType: 'case', subjectId: f.caseId });
    return presentFollowUp(done);
  });
}

/** The worker's act: remind the owner once, if the follow-up is due and still open. */
export async function remindFollowUp(ctx: Context, id: string): Promise<'reminded' | 'not due' | 'done or reminded'> {
  const now = new Date();
  const [f] = await ctx.db
    .update(followUps)
    .set({ remindedAt: now })
    .where(and(eq(followUps.id, id), isNull(followUps.doneAt), isNull(followUps.remindedAt), lte(followUps.dueAt, now)))
    .returning();
  if (!f) {
    const [still] = await ctx.db.select().from(followUps).where(eq(followUps.id, id));
    if (still && !still.doneAt && !still.remindedAt) return 'not due';
    return 'done or reminded';
  }
  const [c] = await ctx.db.select({ number: cases.number }).from(cases).where(eq(cases.id, f.caseId));
  ctx.publisher.followUpDue(f.ownerId, presentFollowUp(f, c?.number, now));
  return 'reminded';
}

/**
 * For the sweeper: follow-ups due (by `graceMs`) but never reminded have lost their job (Redis
 * restarted without its data); queue them again. The job id makes a second add harmless.
 */
export async function requeueDueFollowUps(ctx: Context, graceMs = 5000, limit = 500): Promise<number> {
  const due = await ctx.db
    .select({ id: followUps.id, dueAt: followUps.dueAt })
    .from(followUps)
    .where(and(isNull(followUps.doneAt), isNull(followUps.remindedAt), lte(followUps.dueAt, new Date(Date.now() - graceMs))))
    .orderBy(asc(followUps.dueAt))
    .limit(limit);
  for (const f of due) await scheduleReminder(ctx, f);
  return due.length;
}

/** Follow-ups of a case, or the open ones a staff member owns (the inbox's reminders). */
export async function listFollowUps(db: DbOrTx, where: { caseId: string } | { ownerId: string }): Promise<FollowUpView[]> {
  const condition = 'caseId' in where ? eq(followUps.caseId, where.caseId) : and(eq(followUps.ownerId, where.ownerId), isNull(followUps.doneAt));
  const rows = await db.select({ f: followUps, number: cases.number }).from(followUps).innerJoin(cases, eq(cases.id, followUps.caseId)).where(condition).orderBy(asc(followUps.dueAt));
  return rows.map((r) => presentFollowUp(r.f, r.number));
}
