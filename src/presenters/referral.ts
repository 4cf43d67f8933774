/** Referral views: the list entry (both agencies see the same) and the つなぐシート for one viewer. */
import type { ReferralSheetView, ReferralView } from '../contracts';
import type { ReferralRecord } from '../cases/referrals';

export const presentReferral = ({ ref, caseNumber, from, to }: ReferralRecord): ReferralView => ({
  id: ref.id,
  caseId: ref.caseId,
  caseNumber,
  state: ref.state,
  fromAgency: from,
  toAgency: to,
  summary: ref.summary,
  urgency: ref.urgency,
  consentSnapshot: {
    share: ref.consentSnapshot.share as ReferralView['consentSnapshot']['share'],
    contact: ref.consentSnapshot.contact as ReferralView['consentSnapshot']['contact'],
    subjectNotWriting: ref.consentSnapshot.subjectNotWriting,
    at: ref.consentSnapshot.at,
  },
  meetingId: ref.meetingId,
  sentAt: ref.sentAt.toISOString(),
  answeredAt: ref.answeredAt?.toISOString() ?? null,
  returnReason: ref.returnReason,
});

export type { ReferralSheetView };
