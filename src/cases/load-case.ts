/**
 * Queries a case with what its views need: linked conversations, household, stage history (with
 * who moved it), the person's consent, and the messages of the conversations the viewer may
 * read. Nothing here decides visibility; src/policies/case.ts and the presenter do.
 */
import { and, asc, desc, eq, ilike, inArray, or } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client';
import { caseConversations, cases, caseTransitions, conversations, householdMembers, messages, staff as staffTable } from '../db/schema';
import type { SessionStaff } from '../auth/sessions';
import type { ListCasesQuery } from '../contracts';
import { visibleCases, type CaseRow } from '../policies/case';
import { caseConsent, type CaseConsent } from './share-consent';

export interface CaseBundle {
  row: CaseRow;
  conversations: { id: string; agencyId: string; channel: 'line' | 'widget'; subject: 'self' | 'family' | 'neighbour' | null; anonymous: boolean; categories: string[] }[];
  members: (typeof householdMembers.$inferSelect)[];
  history: { fromStage: CaseRow['stage'] | null; toStage: CaseRow['stage']; byStaffId: string | null; byName: string | null; at: Date; reason: string | null; meetingId: string | null }[];
  consent: CaseConsent;
}

export async function loadCaseBundle(db: DbOrTx, row: CaseRow): Promise<CaseBundle> {
  const convs = await db
    .select({ id: conversations.id, agencyId: conversations.agencyId, channel: conversations.channel, subject: conversations.subject, anonymous: conversations.anonymous, triage: conversations.triage })
    .from(caseConversations)
    .innerJoin(conversations, eq(conversations.id, caseConversations.conversationId))
    .where(eq(caseConversations.caseId, row.id))
    .orderBy(asc(caseConversations.linkedAt));
  const members = await db.select().from(householdMembers).where(eq(householdMembers.caseId, row.id)).orderBy(asc(householdMembers.createdAt));
  const history = await db
    .select({
      fromStage: caseTransitions.fromStage,
      toStage: caseTransitions.toStage,
      byStaffId: caseTransitions.byStaffId,
      byName: staffTable.name,
      at: caseTransitions.at,
      reason: caseTransitions.reason,
      meetingId: caseTransitions.meetingId,
    })
    .from(caseTransitions)
    .leftJoin(staffTable, eq(staffTable.id, caseTransitions.byStaffId))
    .where(eq(caseTransitions.caseId, row.id))
    .orderBy(asc(caseTransitions.id));
  return {
    row,
    conversations: convs.map(({ triage, ...c }) => ({ ...c, categories: triage?.categories ?? [] })),
    members,
    history,
    consent: await caseConsent(db, convs.map((c) => c.id)),
  };
}

/** The messages of the given conversations, oldest first (only those the viewer may read are asked for). */
export async function loadCaseMessages(db: DbOrTx, conversationIds: string[]) {
  if (conversationIds.length === 0) return [];
  return db
    .select({ id: messages.id, conversationId: messages.conversationId, direction: messages.direction, authorType: messages.authorType, text: messages.text, createdAt: messages.createdAt })
    .from(messages)
    .where(inArray(messages.conversationId, conversationIds))
    .orderBy(asc(messages.createdAt), asc(messages.seq));
}

/** Cases the staff member's agency may see, newest activity first; `q` matches the 相談番号 or the person; `conversationId`: the cases holding it. */
export async function listCases(db: Db, staff: SessionStaff, query: ListCasesQuery): Promise<CaseRow[]> {
  const conditions = [visibleCases(db, staff)];
  if (query.stage) conditions.push(eq(cases.stage, query.stage));
  if (query.conversationId) {
    conditions.push(inArray(cases.id, db.select({ id: caseConversations.caseId }).from(caseConversations).where(eq(caseConversations.conversationId, query.conversationId))));
  }
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(cases.number, like), ilike(cases.personName, like), ilike(cases.personDescription, like))!);
  }
  return db.select().from(cases).where(and(...conditions)).orderBy(desc(cases.updatedAt)).limit(200);
}
