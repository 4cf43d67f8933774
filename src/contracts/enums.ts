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
