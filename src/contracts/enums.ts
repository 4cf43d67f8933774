/**
 * The closed vocabularies shared by the database, the API, the inbox and the widget. Each is a
 * const tuple (for zod enums and drizzle column enums) plus its union type; nothing else in the
 * code base spells these lists out.
 */
import { z } from 'zod';

export const CHANNELS = ['line', 'widget'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CONVERSATION_STATUSES = ['new', 'open', 'waiting', 'closed'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

/** Most urgent first; `emergency` = danger to life now (see ../shared corpus rules). */
export const URGENCIES = ['emergency', 'high', 'normal', 'low'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** Alerts are raised for these urgencies only. */
export const ALERT_URGENCIES = ['emergency', 'high'] as const;
export type AlertUrgency = (typeof ALERT_URGENCIES)[number];

/** Triage's risk band: `crisis` alerts at once, `check` goes to the "check now" lane and the safety question. */
export const RISK_BANDS = ['clear', 'check', 'crisis'] as const;
export type RiskBand = (typeof RISK_BANDS)[number];

/** Languages the bot and the widget speak; `easy-ja` is やさしい日本語. */
export const LANGS = ['ja', 'en', 'easy-ja'] as const;
export type Lang = (typeof LANGS)[number];

/**
 * Staff roles, least privilege first among agency staff. `operator` runs the installation (queue
 * dashboard) and sees no consultation data of any agency.
 */
export const ROLES = ['counsellor', 'supervisor', 'admin', 'operator'] as const;
export type Role = (typeof ROLES)[number];

/** Needs (地域生活課題) triage recognises; see ../shared/GLOSSARY.md. */
export const CATEGORIES = [
  'elderly',
  'disability',
  'child',
  'poverty',
  'housing',
  'employment',
  'health',
  'isolation',
  'hikikomori',
  'selfneglect',
  'abuse',
  'dv',
  'suicide',
  'debt',
  'foreign',
  'carer',
  '8050',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Who is writing, relative to the person the need belongs to. */
export const REPORTERS = ['self', 'family', 'neighbour', 'professional', 'unknown'] as const;
export type Reporter = (typeof REPORTERS)[number];

/** About whom the person said they write (front-door question). */
export const SUBJECTS = ['self', 'family', 'neighbour'] as const;
export type Subject = (typeof SUBJECTS)[number];

export const CONSENT_SCOPES = ['contact', 'share'] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];

export const CONSENT_ANSWERS = ['yes', 'no', 'later', 'withdrawn'] as const;
export type ConsentAnswer = (typeof CONSENT_ANSWERS)[number];

/** The answer to the safety question (are you or someone else in danger now?); `unsure` is わからない. */
export const SAFETY_ANSWERS = ['yes', 'no', 'unsure'] as const;
export type SafetyAnswer = (typeof SAFETY_ANSWERS)[number];

/**
 * Who was on duty when a crisis came in: `staff` (a staff member had the inbox open), `on_call`
 * (nobody signed in, but the municipality's on-call roster covers the hour and is reached through
 * an escalation target), `nobody`.
 */
export const DUTY_STATES = ['staff', 'on_call', 'nobody'] as const;
export type DutyState = (typeof DUTY_STATES)[number];

export const DIRECTIONS = ['in', 'out'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const AUTHOR_TYPES = ['person', 'bot', 'staff'] as const;
export type AuthorType = (typeof AUTHOR_TYPES)[number];

/** `unclear`: a LINE reply whose outcome is unknown (timed out, or the worker died during it); staff decide. */
export const DELIVERY_STATES = ['pending', 'sending', 'sent', 'failed', 'unclear'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export const channelSchema = z.enum(CHANNELS);
export const conversationStatusSchema = z.enum(CONVERSATION_STATUSES);
export const urgencySchema = z.enum(URGENCIES);
export const alertUrgencySchema = z.enum(ALERT_URGENCIES);
export const riskBandSchema = z.enum(RISK_BANDS);
export const langSchema = z.enum(LANGS);
export const roleSchema = z.enum(ROLES);
export const categorySchema = z.enum(CATEGORIES);
export const reporterSchema = z.enum(REPORTERS);
export const subjectSchema = z.enum(SUBJECTS);
export const consentScopeSchema = z.enum(CONSENT_SCOPES);
export const consentAnswerSchema = z.enum(CONSENT_ANSWERS);
export const safetyAnswerSchema = z.enum(SAFETY_ANSWERS);
export const dutyStateSchema = z.enum(DUTY_STATES);
export const directionSchema = z.enum(DIRECTIONS);
export const authorTypeSchema = z.enum(AUTHOR_TYPES);
export const deliveryStateSchema = z.enum(DELIVERY_STATES);

/**
 * Case stages (issue 12): 受付 → アセスメント → つなぎ | 多機関協働 → 支援プラン → 支援実施 →
 * モニタリング → 終結. Which moves are allowed is src/cases/stages.ts.
 */
export const CASE_STAGES = ['intake', 'assessment', 'referral', 'coordination', 'planning', 'support', 'monitoring', 'closed'] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

/**
 * An agency's field (相談機関一覧): 高齢 (地域包括支援センター), 障害 (相談支援事業所), 子ども
 * (こども家庭センター), 困窮 (自立相談支援機関), 社協, 保健センター, 医療, 就労, 居住支援, the
 * municipal front desk (総合相談) and anything else.
 */
export const AGENCY_FIELDS = [
  'general',
  'elderly',
  'disability',
  'child',
  'poverty',
  'social_welfare_council',
  'health_center',
  'medical',
  'employment',
  'housing',
  'other',
] as const;
export type AgencyField = (typeof AGENCY_FIELDS)[number];

export const REFERRAL_STATES = ['sent', 'accepted', 'returned'] as const;
export type ReferralState = (typeof REFERRAL_STATES)[number];

/** `jusou`: 重層的支援会議 (the person's share consent); `shien`: 支援会議 (art. 106-6, members bound to confidentiality). */
export const MEETING_KINDS = ['jusou', 'shien'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

/** アウトリーチ: how staff keep contact. */
export const FOLLOW_UP_KINDS = ['visit', 'call', 'letter'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

/** 参加支援: what a person is matched with. */
export const PARTICIPATION_KINDS = ['work', 'activity', 'place'] as const;
export type ParticipationKind = (typeof PARTICIPATION_KINDS)[number];

export const PARTICIPATION_OUTCOMES = ['ongoing', 'going_well', 'stopped', 'ended'] as const;
export type ParticipationOutcome = (typeof PARTICIPATION_OUTCOMES)[number];

export const AGE_BANDS = ['under18', '18-39', '40-64', '65-74', '75plus', 'unknown'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** A household member's relationship to the person concerned (本人). */
export const RELATIONSHIPS = ['self', 'spouse', 'parent', 'child', 'sibling', 'grandparent', 'grandchild', 'other_relative', 'other'] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

export const caseStageSchema = z.enum(CASE_STAGES);
export const agencyFieldSchema = z.enum(AGENCY_FIELDS);
export const referralStateSchema = z.enum(REFERRAL_STATES);
export const meetingKindSchema = z.enum(MEETING_KINDS);
export const followUpKindSchema = z.enum(FOLLOW_UP_KINDS);
export const participationKindSchema = z.enum(PARTICIPATION_KINDS);
export const participationOutcomeSchema = z.enum(PARTICIPATION_OUTCOMES);
export const ageBandSchema = z.enum(AGE_BANDS);
export const relationshipSchema = z.enum(RELATIONSHIPS);
