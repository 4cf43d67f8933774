/**
 * Who may see and change a case. The agency working it (`owner`) sees and changes everything.
 * Other agencies see it only when it was referred from them (`referrer`: read only), referred to
 * them and not returned (`referred`), or shared through a meeting they take part in (`meeting`:
 * a 支援会議 only once they acknowledged 守秘義務). Anyone else gets 404, so another agency's case
 * cannot even be confirmed to exist.
 *
 * What a viewer of another agency sees of the conversations (presenters use these predicates):
 * never who reported; the person's own words only while the person's share consent stands at
 * `yes` (withdrawing it after a referral takes the texts away from the receiving agency).
 */
import { and, eq, exists, inArray, isNotNull, ne, or, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client';
import { cases, meetingCases, meetingParticipants, meetings, referrals } from '../db/schema';
import type { SessionStaff } from '../auth/sessions';
import type { CaseAccess, ConsentAnswer } from '../contracts';
import { AppError } from '../errors';

const UUID = /^[0-9a-f-]{36}$/i;
export const isUuid = (id: string) => UUID.test(id);

export type CaseRow = typeof cases.$inferSelect;

/** Cases shared with the staff member's agency through a meeting it takes part in (acknowledged when a 支援会議). */
const viaMeeting = (staff: SessionStaff) =>
  and(
    or(eq(meetingParticipants.agencyId, staff.agencyId), eq(meetingParticipants.staffId, staff.id)),
    or(eq(meetings.kind, 'jusou'), isNotNull(meetingParticipants.confidentialityAcknowledgedAt)),
  );

/** The list scope: every case the staff member's agency may see. */
export function visibleCases(db: DbOrTx, staff: SessionStaff): SQL {
  const referred = db
    .select({ id: referrals.caseId })
    .from(referrals)
    .where(or(eq(referrals.fromAgencyId, staff.agencyId), and(eq(referrals.toAgencyId, staff.agencyId), ne(referrals.state, 'returned'))));
  const met = db
    .select({ id: meetingCases.caseId })
    .from(meetingCases)
    .innerJoin(meetings, eq(meetings.id, meetingCases.meetingId))
    .innerJoin(meetingParticipants, eq(meetingParticipants.meetingId, meetings.id))
    .where(viaMeeting(staff));
  return or(eq(cases.agencyId, staff.agencyId), inArray(cases.id, referred), inArray(cases.id, met))!;
}

/** How the staff member reaches this case, or null (then it is 404 to them). */
export async function caseAccess(db: DbOrTx, staff: SessionStaff, row: CaseRow): Promise<CaseAccess | null> {
  if (row.agencyId === staff.agencyId) return 'owner';
  const refs = await db
    .select({ from: referrals.fromAgencyId, to: referrals.toAgencyId, state: referrals.state })
    .from(referrals)
    .where(eq(referrals.caseId, row.id));
  if (refs.some((r) => r.from === staff.agencyId)) return 'referrer';
  if (refs.some((r) => r.to === staff.agencyId && r.state !== 'returned')) return 'referred';
  const [met] = await db
    .select({ id: meetings.id })
    .from(meetingCases)
    .innerJoin(meetings, eq(meetings.id, meetingCases.meetingId))
    .innerJoin(meetingParticipants, eq(meetingParticipants.meetingId, meetings.id))
    .where(and(eq(meetingCases.caseId, row.id), viaMeeting(staff)))
    .limit(1);
  return met ? 'meeting' : null;
}

/** Loads a case the staff member may see, with how they reach it; 404 otherwise. */
export async function loadCaseFor(db: Db, staff: SessionStaff, id: string): Promise<{ row: CaseRow; access: CaseAccess }> {
  if (!isUuid(id)) throw new AppError('not_found');
  const [row] = await db.select().from(cases).where(eq(cases.id, id));
  if (!row) throw new AppError('not_found');
  const access = await caseAccess(db, staff, row);
  if (!access) throw new AppError('not_found');
  return { row, access };
}

/** Only the agency working the case changes it (stages, referrals, plans, follow-ups). */
export const mayEditCase = (access: CaseAccess) => access === 'owner';
export function requireCaseEditor(access: CaseAccess): void {
  if (!mayEditCase(access)) throw new AppError('forbidden');
}

/** Who wrote a conversation is known only inside the agency that holds it. */
export const mayKnowReporter = (staff: SessionStaff, conversationAgencyId: string) => staff.agencyId === conversationAgencyId;

/**
 * Whether the viewer reads a conversation's texts: their own agency's conversation, or the
 * person's own conversation (subject `self`) while the share consent stands at `yes`.
 */
export function mayReadTexts(staff: SessionStaff, conversation: { agencyId: string; subject: string | null }, share: ConsentAnswer | null): boolean {
  if (mayKnowReporter(staff, conversation.agencyId)) return true;
  return conversation.subject === 'self' && share === 'yes';
}

/** The receiving agency answers a referral (accept or return), once. */
export function requireReferralReceiver(staff: SessionStaff, referral: { toAgencyId: string; state: string }): void {
  if (referral.toAgencyId !== staff.agencyId) throw new AppError('not_found');
  if (referral.state !== 'sent') throw new AppError('conflict', 'already answered');
}

/** A referral (its sheet and its answer) is seen by the two agencies, nobody else. */
export const mayViewReferral = (staff: SessionStaff, referral: { fromAgencyId: string; toAgencyId: string }) =>
  referral.fromAgencyId === staff.agencyId || referral.toAgencyId === staff.agencyId;

/**
 * Meetings the staff member sees: called by their agency, or with their agency or themselves
 * among the participants. Seeing a case does not open every meeting on it: what a 支援会議
 * discussed stays with those bound by its 守秘義務.
 */
export const meetingsSeenBy = (db: DbOrTx, staff: SessionStaff): SQL =>
  or(
    eq(meetings.agencyId, staff.agencyId),
    exists(
      db
        .select({ id: meetingParticipants.id })
        .from(meetingParticipants)
        .where(and(eq(meetingParticipants.meetingId, meetings.id), or(eq(meetingParticipants.agencyId, staff.agencyId), eq(meetingParticipants.staffId, staff.id)))),
    ),
  )!;
