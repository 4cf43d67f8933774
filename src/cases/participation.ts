/** 参加支援: record an activity, place or employer the person is matched with, and how it goes. */
import { asc, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client';
import { participations } from '../db/schema';
import type { SessionStaff } from '../auth/sessions';
import type { ParticipationView } from '../contracts';
import type { CaseRow } from '../policies/case';
import type { z } from 'zod';
import type { participationBody } from '../contracts';
import { recordAudit } from '../audit/record';

const present = (p: typeof participations.$inferSelect): ParticipationView => ({
  id: p.id,
  caseId: p.caseId,
  kind: p.kind,
  name: p.name,
  startedOn: p.startedOn,
  outcome: p.outcome,
  note: p.note,
});

export async function addParticipation(db: Db, staff: SessionStaff, row: CaseRow, body: z.infer<typeof participationBody>): Promise<ParticipationView> {
  return db.transaction(async (tx) => {
  const [p] = await tx
    .insert(participations)
    .values({ caseId: row.id, agencyId: row.agencyId, kind: body.kind, name: body.name, startedOn: body.startedOn ?? null, outcome: body.outcome ?? 'ongoing', note: body.note ?? null, createdBy: staff.id })
    .returning();
  await recordAudit(tx, { agencyId: staff.agencyId, actorId: staff.id, action: 'participation.add', subjectType: 'case', subjectId: row.id });
  return present(p);
  });
}

export async function participationsOfCase(db: DbOrTx, caseId: string): Promise<ParticipationView[]> {
  return (await db.select().from(participations).where(eq(participations.caseId, caseId)).orderBy(asc(participations.createdAt))).map(present);
}
