/**
 * Records a meeting on cases the caller's agency works: 重層的支援会議 (`jusou`) only for cases
 * whose person agreed to sharing (else 403 consent_required); 支援会議 (`shien`, art. 106-6)
 * without consent, but every participant must have acknowledged 守秘義務 (else 400
 * confidentiality_required) — only then does the case become visible to them.
 */
import { inArray } from 'drizzle-orm';
import type { Context } from '../context';
import { agencies, meetingCases, meetingParticipants, meetings, staff as staffTable } from '../db/schema';
import type { SessionStaff } from '../auth/sessions';
import type { MeetingBody } from '../contracts';
import { recordAudit } from '../audit/record';
import { AppError } from '../errors';
import { loadCaseFor, requireCaseEditor } from '../policies/case';
import { loadCaseBundle } from './load-case';

export async function holdMeeting(ctx: Context, staff: SessionStaff, body: MeetingBody): Promise<string> {
  const caseIds = [...new Set(body.caseIds)];
  for (const caseId of caseIds) {
    const { row, access } = await loadCaseFor(ctx.db, staff, caseId);
    requireCaseEditor(access);
    if (body.kind === 'jusou' && (await loadCaseBundle(ctx.db, row)).consent.share !== 'yes') throw new AppError('consent_required', row.number);
  }
  if (body.kind === 'shien' && body.participants.some((p) => p.confidentialityAcknowledged !== true)) throw new AppError('confidentiality_required');
  for (const d of body.decisions) {
    if (d.caseId && !caseIds.includes(d.caseId)) throw new AppError('invalid_body', 'decisions: caseId must be one of caseIds');
  }
  const staffIds = body.participants.flatMap((p) => ('staffId' in p ? [p.staffId] : []));
  const codes = body.participants.flatMap((p) => ('agency' in p ? [p.agency] : []));
  const foundStaff = staffIds.length ? await ctx.db.select({ id: staffTable.id }).from(staffTable).where(inArray(staffTable.id, staffIds)) : [];
  const foundAgencies = codes.length ? await ctx.db.select({ id: agencies.id, code: agencies.code }).from(agencies).where(inArray(agencies.code, codes)) : [];
  if (foundStaff.length !== new Set(staffIds).size || foundAgencies.length !== new Set(codes).size) throw new AppError('invalid_body', 'participants: unknown staffId or agency');
  const agencyId = new Map(foundAgencies.map((a) => [a.code, a.id]));

  return ctx.db.transaction(async (tx) => {
    const now = new Date();
    const [m] = await tx
      .insert(meetings)
      .values({ agencyId: staff.agencyId, kind: body.kind, date: body.date, decisions: body.decisions, createdBy: staff.id })
      .returning({ id: meetings.id });
    await tx.insert(meetingParticipants).values(
      body.participants.map((p) => ({
        meetingId: m.id,
        staffId: 'staffId' in p ? p.staffId : null,
        agencyId: 'agency' in p ? agencyId.get(p.agency)! : null,
        confidentialityAcknowledgedAt: p.confidentialityAcknowledged ? now : null,
      })),
    );
    await tx.insert(meetingCases).values(caseIds.map((caseId) => ({ meetingId: m.id, caseId })));
    for (const caseId of caseIds) await recordAudit(tx, { agencyId: staff.agencyId, actorId: staff.id, action: `meeting.${body.kind}`, subjectType: 'case', subjectId: caseId });
    return m.id;
  });
}
