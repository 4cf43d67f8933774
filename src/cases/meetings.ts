/** Meeting queries: one meeting as its participants see it, the meetings on a case. */
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { agencies, meetingCases, meetingParticipants, meetings, staff as staffTable } from '../db/schema';
import type { SessionStaff } from '../auth/sessions';
import type { MeetingView } from '../contracts';
import { isUuid, meetingsSeenBy } from '../policies/case';
import { AppError } from '../errors';

async function present(db: Db, m: typeof meetings.$inferSelect): Promise<MeetingView> {
  const people = await db
    .select({ p: meetingParticipants, staffName: staffTable.name, agencyCode: agencies.code, agencyName: agencies.name })
    .from(meetingParticipants)
    .leftJoin(staffTable, eq(staffTable.id, meetingParticipants.staffId))
    .leftJoin(agencies, eq(agencies.id, meetingParticipants.agencyId))
    .where(eq(meetingParticipants.meetingId, m.id));
  const linked = await db.select({ caseId: meetingCases.caseId }).from(meetingCases).where(eq(meetingCases.meetingId, m.id));
  return {
    id: m.id,
    kind: m.kind,
    date: m.date,
    agencyId: m.agencyId,
    participants: people.map(({ p, staffName, agencyCode, agencyName }) => ({
      staffId: p.staffId,
      agencyCode,
      name: staffName ?? agencyName,
      confidentialityAcknowledgedAt: p.confidentialityAcknowledgedAt?.toISOString() ?? null,
    })),
    caseIds: linked.map((l) => l.caseId),
    decisions: m.decisions,
    createdAt: m.createdAt.toISOString(),
  };
}

/** A meeting seen by the agency that called it or by a participant (staff or agency); 404 otherwise. */
export async function loadMeetingFor(db: Db, staff: SessionStaff, id: string): Promise<MeetingView> {
  if (!isUuid(id)) throw new AppError('not_found');
  const [m] = await db.select().from(meetings).where(and(eq(meetings.id, id), meetingsSeenBy(db, staff)));
  if (!m) throw new AppError('not_found');
  return present(db, m);
}

/** The meetings on a case (the caller already may see the case) that the caller may see, as for one. */
export async function meetingsOfCase(db: Db, staff: SessionStaff, caseId: string): Promise<MeetingView[]> {
  const ids = (await db.select({ id: meetingCases.meetingId }).from(meetingCases).where(eq(meetingCases.caseId, caseId))).map((r) => r.id);
  if (ids.length === 0) return [];
  const rows = await db.select().from(meetings).where(and(inArray(meetings.id, ids), meetingsSeenBy(db, staff))).orderBy(desc(meetings.date));
  return Promise.all(rows.map((m) => present(db, m)));
}
