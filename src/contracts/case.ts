/**
 * Over 300 lines on purpose: the case views nest (a case holds household, referral, meeting and
 * plan views) and each schema is a few lines; split, they would import each other in a circle.
 *
 * Cases (issue 12): the views and request bodies of the case workflow, shared by the API, the
 * OpenAPI document and the inbox. A view leaves out what the viewer may not see (presenters):
 * another agency never sees a reporter's identity, and sees the person's words only with the
 * person's share consent.
 */
import { z } from 'zod';
import {
  ageBandSchema,
  agencyFieldSchema,
  caseStageSchema,
  categorySchema,
  channelSchema,
  consentAnswerSchema,
  directionSchema,
  followUpKindSchema,
  meetingKindSchema,
  participationKindSchema,
  participationOutcomeSchema,
  referralStateSchema,
  relationshipSchema,
  subjectSchema,
  urgencySchema,
} from './enums';

const shortText = (max: number) => z.string().trim().min(1).max(max);
const isoDate = z.iso.date();

/** The person concerned (本人): a name, or a description when the name is not known. */
export const personInput = z
  .object({
    name: shortText(100).optional(),
    description: shortText(500).optional(),
    ageBand: ageBandSchema.optional(),
    addressArea: shortText(100).optional(),
  })
  .strict();
export const personView = z.object({
  name: z.string().nullable(),
  description: z.string().nullable(),
  ageBand: ageBandSchema.nullable(),
  addressArea: z.string().nullable(),
});
export type PersonView = z.infer<typeof personView>;

export const householdMemberInput = z
  .object({
    relationship: relationshipSchema,
    name: shortText(100).optional(),
    description: shortText(500).optional(),
    ageBand: ageBandSchema.optional(),
    needs: z.array(categorySchema).max(20).default([]),
  })
  .strict();
export const householdInput = z.object({ members: z.array(householdMemberInput).max(30) }).strict();
export const householdMemberView = z.object({
  id: z.uuid(),
  relationship: relationshipSchema,
  name: z.string().nullable(),
  description: z.string().nullable(),
  ageBand: ageBandSchema.nullable(),
  needs: z.array(categorySchema),
});
export const householdView = z.object({
  members: z.array(householdMemberView),
  /** Household patterns seen in the members' needs: `8050`, `double_care` (ダブルケア), `young_carer` (ヤングケアラー). */
  patterns: z.array(z.enum(['8050', 'double_care', 'young_carer'])),
});
export type HouseholdView = z.infer<typeof householdView>;

export const caseHistoryEntry = z.object({
  from: caseStageSchema.nullable(),
  to: caseStageSchema,
  by: z.uuid().nullable(),
  byName: z.string().nullable(),
  at: z.iso.datetime(),
  reason: z.string().nullable(),
  meetingId: z.uuid().nullable(),
});
export type CaseHistoryEntry = z.infer<typeof caseHistoryEntry>;

/** How the viewer reaches the case: the agency working it, one it was referred from or to, or a meeting. */
export const caseAccessSchema = z.enum(['owner', 'referrer', 'referred', 'meeting']);
export type CaseAccess = z.infer<typeof caseAccessSchema>;

export const caseView = z.object({
  id: z.uuid(),
  /** 相談番号 (和暦 year + sequence), e.g. R8-000123. */
  number: z.string(),
  stage: caseStageSchema,
  agencyId: z.uuid(),
  conversationIds: z.array(z.uuid()),
  person: personView,
  household: householdView,
  /** Triage's categories of the conversations and the household's needs (they suggest agencies). */
  needs: z.array(categorySchema),
  /** The person's share consent as the ledger stands now (null: never asked, or the person has not written). */
  shareConsent: consentAnswerSchema.nullable(),
  access: caseAccessSchema,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type CaseView = z.infer<typeof caseView>;

/** One timeline item: a stage change, or a message of a linked conversation (text only when the viewer may read it). */
export const caseTimelineItem = z.discriminatedUnion('type', [
  z.object({ type: z.literal('transition'), at: z.iso.datetime(), entry: caseHistoryEntry }),
  z.object({
    type: z.literal('message'),
    at: z.iso.datetime(),
    conversationId: z.uuid(),
    messageId: z.uuid(),
    direction: directionSchema,
    authorType: z.enum(['person', 'bot', 'staff']),
    /** Null when the viewer is another agency without the person's share consent, or the writer is a reporter. */
    text: z.string().nullable(),
  }),
]);
export type CaseTimelineItem = z.infer<typeof caseTimelineItem>;

export const caseConversationView = z.object({
  id: z.uuid(),
  channel: channelSchema,
  /** About whom the writer wrote; null for a viewer who may not know who reported. */
  subject: subjectSchema.nullable(),
  anonymous: z.boolean().nullable(),
});

export const caseDetailView = caseView.extend({
  history: z.array(caseHistoryEntry),
  timeline: z.array(caseTimelineItem),
  conversations: z.array(caseConversationView),
  /** Stages the machine allows from here (forward, back with a reason, closed with a reason). */
  nextStages: z.array(caseStageSchema),
  /** Whether the viewer may change the case (only the agency working it). */
  canEdit: z.boolean(),
  /** The viewer sees the person's words (own agency's conversation, or share consent). */
  textsVisible: z.boolean(),
});
export type CaseDetailView = z.infer<typeof caseDetailView>;

export const openCaseBody = z
  .object({ conversationIds: z.array(z.uuid()).min(1).max(20), person: personInput.optional(), household: householdInput.optional() })
  .strict();
export type OpenCaseBody = z.infer<typeof openCaseBody>;

/**
 * Changes the person concerned and/or the household after the case is opened. Each part given
 * replaces what was there (a field left out of `person` is cleared; `household.members` is the
 * whole list), so the form sends what it shows.
 */
export const editCaseBody = z
  .object({ person: personInput.optional(), household: householdInput.optional() })
  .strict()
  .refine((b) => b.person !== undefined || b.household !== undefined, { message: 'person or household' });
export type EditCaseBody = z.infer<typeof editCaseBody>;

export const linkConversationBody = z.object({ conversationId: z.uuid() }).strict();

export const listCasesQuery = z
  .object({ stage: caseStageSchema.optional(), q: z.string().trim().min(1).max(100).optional(), conversationId: z.uuid().optional() })
  .strict();
export type ListCasesQuery = z.infer<typeof listCasesQuery>;

export const transitionBody = z
  .object({ to: caseStageSchema, reason: z.string().trim().max(1000).optional(), meetingId: z.uuid().optional() })
  .strict();
export type TransitionBody = z.infer<typeof transitionBody>;

export const agencyView = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  field: agencyFieldSchema,
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  coverageArea: z.array(z.string()),
  coordinating: z.boolean(),
  /** With `?category=`: the agency's field serves that need (a suggestion; staff choose). */
  suggested: z.boolean().optional(),
});
export type AgencyView = z.infer<typeof agencyView>;

export const agencyBody = z
  .object({
    code: z.string().regex(/^[a-z0-9][a-z0-9_-]{1,39}$/),
    name: shortText(200),
    field: agencyFieldSchema,
    phone: shortText(40).optional(),
    email: z.email().optional(),
    address: shortText(200).optional(),
    coverageArea: z.array(shortText(100)).max(100).default([]),
    coordinating: z.boolean().default(false),
  })
  .strict();
export type AgencyBody = z.infer<typeof agencyBody>;

export const consentSnapshotView = z.object({
  share: consentAnswerSchema.nullable(),
  contact: consentAnswerSchema.nullable(),
  subjectNotWriting: z.boolean(),
  at: z.iso.datetime(),
});

export const referralView = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  caseNumber: z.string(),
  state: referralStateSchema,
  fromAgency: z.object({ code: z.string(), name: z.string() }),
  toAgency: z.object({ code: z.string(), name: z.string() }),
  summary: z.string(),
  urgency: urgencySchema.nullable(),
  consentSnapshot: consentSnapshotView,
  meetingId: z.uuid().nullable(),
  sentAt: z.iso.datetime(),
  answeredAt: z.iso.datetime().nullable(),
  returnReason: z.string().nullable(),
});
export type ReferralView = z.infer<typeof referralView>;

export const referBody = z
  .object({
    toAgency: z.string().min(1).max(40),
    summary: shortText(4000),
    quotes: z.array(z.uuid()).max(20).optional(),
    urgency: urgencySchema.optional(),
  })
  .strict();
export type ReferBody = z.infer<typeof referBody>;

export const listReferralsQuery = z.object({ direction: z.enum(['incoming', 'outgoing']).default('incoming') }).strict();
export const returnReferralBody = z.object({ reason: shortText(1000) }).strict();

/** つなぐシート: what the receiving agency needs, as far as the viewer may see it. */
export const referralSheetView = z.object({
  referralId: z.uuid(),
  caseNumber: z.string(),
  state: referralStateSchema,
  fromAgency: z.object({ code: z.string(), name: z.string(), phone: z.string().nullable() }),
  toAgency: z.object({ code: z.string(), name: z.string() }),
  /** 担当者: the staff member who sent it. */
  contactPerson: z.string().nullable(),
  sentAt: z.iso.datetime(),
  urgency: urgencySchema.nullable(),
  person: personView,
  household: householdView,
  needs: z.array(categorySchema),
  /** The person's own words chosen by the counsellor; empty when the viewer may not read them. */
  quotes: z.array(z.object({ at: z.iso.datetime(), text: z.string() })),
  quotesWithheld: z.boolean(),
  summary: z.string(),
  /** What has been done so far (the case's stage changes). */
  done: z.array(caseHistoryEntry),
  consent: consentSnapshotView.extend({ now: consentAnswerSchema.nullable() }),
  meetingId: z.uuid().nullable(),
});
export type ReferralSheetView = z.infer<typeof referralSheetView>;

export const meetingParticipantInput = z.union([
  z.object({ staffId: z.uuid(), confidentialityAcknowledged: z.boolean().optional() }).strict(),
  z.object({ agency: z.string().min(1).max(40), confidentialityAcknowledged: z.boolean().optional() }).strict(),
]);
export const meetingDecisionInput = z.object({ caseId: z.uuid().nullable().default(null), text: shortText(2000), closeCase: z.boolean().optional() }).strict();
export const meetingBody = z
  .object({
    kind: meetingKindSchema,
    date: isoDate,
    participants: z.array(meetingParticipantInput).min(1).max(50),
    caseIds: z.array(z.uuid()).min(1).max(20),
    decisions: z.array(meetingDecisionInput).max(50).default([]),
  })
  .strict();
export type MeetingBody = z.infer<typeof meetingBody>;
export const meetingView = z.object({
  id: z.uuid(),
  kind: meetingKindSchema,
  date: isoDate,
  agencyId: z.uuid(),
  participants: z.array(
    z.object({ staffId: z.uuid().nullable(), agencyCode: z.string().nullable(), name: z.string().nullable(), confidentialityAcknowledgedAt: z.iso.datetime().nullable() }),
  ),
  caseIds: z.array(z.uuid()),
  decisions: z.array(z.object({ caseId: z.uuid().nullable(), text: z.string(), closeCase: z.boolean().optional() })),
  createdAt: z.iso.datetime(),
});
export type MeetingView = z.infer<typeof meetingView>;

export const planBody = z
  .object({
    meetingId: z.uuid(),
    goals: z.array(shortText(500)).min(1).max(20),
    actions: z.array(z.object({ text: shortText(500), ownerAgency: z.string().min(1).max(40), due: isoDate.optional() }).strict()).max(50),
    reviewDate: isoDate.optional(),
  })
  .strict();
export type PlanBody = z.infer<typeof planBody>;
export const planView = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  version: z.number().int(),
  meetingId: z.uuid().nullable(),
  goals: z.array(z.string()),
  actions: z.array(z.object({ text: z.string(), ownerAgencyId: z.uuid(), due: isoDate.nullable() })),
  reviewDate: isoDate.nullable(),
  createdAt: z.iso.datetime(),
});
export type PlanView = z.infer<typeof planView>;

export const followUpBody = z
  .object({ kind: followUpKindSchema, dueAt: z.iso.datetime({ offset: true }), ownerId: z.uuid().optional(), note: shortText(1000).optional() })
  .strict();
export type FollowUpBody = z.infer<typeof followUpBody>;
export const followUpView = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  caseNumber: z.string().optional(),
  kind: followUpKindSchema,
  dueAt: z.iso.datetime(),
  ownerId: z.uuid(),
  note: z.string().nullable(),
  doneAt: z.iso.datetime().nullable(),
  overdue: z.boolean(),
});
export type FollowUpView = z.infer<typeof followUpView>;

export const participationBody = z
  .object({ kind: participationKindSchema, name: shortText(200), startedOn: isoDate.optional(), outcome: participationOutcomeSchema.optional(), note: shortText(1000).optional() })
  .strict();
export const participationView = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  kind: participationKindSchema,
  name: z.string(),
  startedOn: isoDate.nullable(),
  outcome: participationOutcomeSchema,
  note: z.string().nullable(),
});
export type ParticipationView = z.infer<typeof participationView>;
