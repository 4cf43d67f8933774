/**
 * つなぐ: refers a case to another agency. The person's share consent decides whether it may go:
 * with `yes` to any agency; without it only to an agency that takes part in a 支援会議 (art.
 * 106-6) on this case and acknowledged 守秘義務 — anything else is 403 consent_required. The
 * referral keeps a snapshot of the consent at sending (printed on the sheet); what the receiving
 * agency may read later follows the ledger as it stands (src/policies/case.ts).
 */
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Context } from '../context';
import { caseConversations, conversations, meetingCases, meetingParticipants, meetings, messages, referrals } from '../db/schema';
import type { SessionStaff } from '../auth/sessions';
import { URGENCIES, type ReferBody, type Urgency } from '../contracts';
import type { CaseRow } from '../policies/case';
import { recordAudit } from '../audit/record';
import { AppError } from '../errors';
import { agencyByCode } from '../agencies/directory';
import { caseConsent } from './share-consent';

/** A 支援会議 on this case in which the agency takes part and acknowledged the duty of confidentiality. */
async function acknowledgedShienMeeting(ctx: Context, caseId: string, agencyId: string): Promise<string | null> {
  const [m] = await ctx.db
    .select({ id: meetings.id })
    .from(meetings)
    .innerJoin(meetingCases, and(eq(meetingCases.meetingId, meetings.id), eq(meetingCases.caseId, caseId)))
    .innerJoin(meetingParticipants, eq(meetingParticipants.meetingId, meetings.id))
    .where(and(eq(meetings.kind, 'shien'), eq(meetingParticipants.agencyId, agencyId), isNotNull(meetingParticipants.confidentialityAcknowledgedAt)))
    .limit(1);
  return m?.id ?? null;
}

export async function referCase(ctx: Context, staff: SessionStaff, row: CaseRow, body: ReferBody): Promise<string> {
  const target = await agencyByCode(ctx.db, body.toAgency);
  if (!target) throw new AppError('not_found', `agency ${body.toAgency}`);
  if (target.id === row.agencyId) throw new AppError('invalid_body', 'toAgency: the case is already with this agency');
  const linked = await ctx.db
    .select({ id: conversations.id, triage: conversations.triage })
    .from(caseConversations)
    .innerJoin(conversations, eq(conversations.id, caseConversations.conversationId))
    .where(eq(caseConversations.caseId, row.id));
  const consent = await caseConsent(ctx.db, linked.map((c) => c.id));
  const meetingId = consent.share === 'yes' ? null : await acknowledgedShienMeeting(ctx, row.id, target.id);
  if (consent.share !== 'yes' && !meetingId) throw new AppError('consent_required');

  const quotes = [...new Set(body.quotes ?? [])];
  if (quotes.length > 0) {
    const found = await ctx.db
      .select({ id: messages.id })
      .from(messages)
      .where(and(inArray(messages.id, quotes), inArray(messages.conversationId, linked.map((c) => c.id)), eq(messages.direction, 'in')));
    if (found.length !== quotes.length) throw new AppError('invalid_body', "quotes: messages the person wrote in this case's conversations");
  }
  // Most urgent of the conversations' triage, unless the counsellor says otherwise.
  const triaged = linked.map((c) => c.triage?.urgency).filter((u): u is Urgency => !!u);
  const urgency = body.urgency ?? URGENCIES.find((u) => triaged.includes(u)) ?? null;

  return ctx.db.transaction(async (tx) => {
    // The partial unique index referrals_case_agency_sent_unique decides between two sendings at
    // once (a check before the insert would let both through): the second inserts nothing.
    const [ref] = await tx
      .insert(referrals)
      .values({
        caseId: row.id,
        fromAgencyId: row.agencyId,
        toAgencyId: target.id,
        summary: body.summary,
        quotes,
        urgency,
        consentSnapshot: { share: consent.share, contact: consent.contact, subjectNotWriting: consent.subjectNotWriting, at: new Date().toISOString() },
        meetingId,
        sentBy: staff.id,
      })
      .onConflictDoNothing()
      .returning({ id: referrals.id });
    if (!ref) throw new AppError('referral_pending');
    await recordAudit(tx, { agencyId: staff.agencyId, actorId: staff.id, action: 'referral.send', subjectType: 'case', subjectId: row.id });
    return ref.id;
  });
}
