/**
 * Why it stays whole (over 300 lines): drizzle-kit reads one schema file, and the tables
 * reference each other.
 *
 * The database schema (drizzle). Migrations in ./drizzle are generated from this file with
 * `npm run db:generate`; the same SQL runs on PGlite and on a Postgres server. The case
 * workflow's tables (issue 12) are at the end.
 */
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  primaryKey,
} from 'drizzle-orm/pg-core';
import {
  AGE_BANDS,
  AGENCY_FIELDS,
  ALERT_URGENCIES,
  AUTHOR_TYPES,
  CASE_STAGES,
  CATEGORIES,
  FOLLOW_UP_KINDS,
  MEETING_KINDS,
  PARTICIPATION_KINDS,
  PARTICIPATION_OUTCOMES,
  REFERRAL_STATES,
  RELATIONSHIPS,
  CHANNELS,
  CONSENT_ANSWERS,
  CONSENT_SCOPES,
  CONVERSATION_STATUSES,
  DIRECTIONS,
  DUTY_STATES,
  LANGS,
  ROLES,
  SAFETY_ANSWERS,
  URGENCIES,
  SUBJECTS,
  type DeliveryState,
  type TriageView,
} from '../contracts';

const id = () => uuid('id').primaryKey().defaultRandom();
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
// Every row of personal data names its agency: the least-privilege filter of every query.
const agencyRef = () =>
  uuid('agency_id')
    .notNull()
    .references(() => agencies.id);
const conversationRef = () =>
  uuid('conversation_id')
    .notNull()
    .references(() => conversations.id);

/** Agencies, and the directory of them (相談機関一覧): field, contact details, coverage area. */
export const agencies = pgTable('agencies', {
  id: id(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  field: text('field', { enum: AGENCY_FIELDS }).notNull().default('other'),
  phone: text('phone'),
  email: text('email'),
  address: text('address'),
  /** Areas (地区, 校区, 町名) it serves; empty: the whole municipality. */
  coverageArea: text('coverage_area').array().notNull().default(sql`'{}'::text[]`),
  /** 多機関協働事業者: the coordinating agency (its admins see municipality-wide figures). */
  coordinating: boolean('coordinating').notNull().default(false),
  createdAt: createdAt(),
});

export const staff = pgTable(
  'staff',
  {
    id: id(),
    agencyId: agencyRef(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    /** `operator`: runs the system (queue dashboard), sees no consultation data of any agency. */
    role: text('role', { enum: ROLES }).notNull(),
    passwordHash: text('password_hash').notNull(),
    /** Set when the account is disabled: it cannot log in and its sessions are ended. */
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('staff_email_unique').on(sql`lower(${t.email})`)],
);

/** Teams within an agency (e.g. 高齢・介護班, 夜間当番): a conversation can be handed to a team. */
export const teams = pgTable(
  'teams',
  {
    id: id(),
    agencyId: agencyRef(),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('teams_agency_name_unique').on(t.agencyId, t.name)],
);

export const teamMembers = pgTable(
  'team_members',
  {
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
  },
  (t) => [uniqueIndex('team_members_unique').on(t.teamId, t.staffId)],
);

/** Staff login sessions; the cookie carries a random token, only its SHA-256 is stored. */
export const staffSessions = pgTable('staff_sessions', {
  tokenHash: text('token_hash').primaryKey(),
  staffId: uuid('staff_id')
    .notNull()
    .references(() => staff.id),
  createdAt: createdAt(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

/** The person writing (相談者), per channel. For LINE `externalId` is the LINE user id. */
export const contacts = pgTable(
  'contacts',
  {
    id: id(),
    agencyId: agencyRef(),
    channel: text('channel', { enum: CHANNELS }).notNull(),
    externalId: text('external_id').notNull(),
    lang: text('lang', { enum: LANGS }).notNull().default('ja'),
    /**
     * Raised by one by every intake statement that stores this person's messages (src/messages/
     * store-inbound.ts): a statement that finds it raised by another since its own snapshot was
     * taken may not see the conversation that one opened, and stores this person's messages again.
     */
    intakeVersion: integer('intake_version').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('contacts_channel_external_unique').on(t.channel, t.externalId)],
);

/** What triage decided (stored on the conversation and per run); the shape is the contract's. */
export type Triage = TriageView;

export const conversations = pgTable(
  'conversations',
  {
    id: id(),
    agencyId: agencyRef(),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id),
    channel: text('channel', { enum: CHANNELS }).notNull(),
    status: text('status', { enum: CONVERSATION_STATUSES }).notNull().default('new'),
    assigneeId: uuid('assignee_id').references(() => staff.id),
    /** The team the conversation is with (a group of colleagues), besides or instead of a person. */
    teamId: uuid('team_id').references(() => teams.id),
    /** Inbound messages no staff member has looked at since they arrived. */
    unread: integer('unread').notNull().default(0),
    triage: jsonb('triage').$type<Triage>(),
    /** Who is writing about whom, as the person told the front-door bot (null: not yet known). */
    subject: text('subject', { enum: SUBJECTS }),
    /** A reporter who asked to stay anonymous: nothing identifying them is shown to staff. */
    anonymous: boolean('anonymous').notNull().default(false),
    /** The front-door bot's place in the conversation (src/dialogue/machine.ts). */
    dialogue: jsonb('dialogue').$type<DialogueState>(),
    /** When staff first answered: from then on the bot stays quiet except for safety. */
    staffEngagedAt: timestamp('staff_engaged_at', { withTimezone: true }),
    lastMessageAt: timestamp('last_message_at', { withTimezone: true }).notNull().defaultNow(),
    /** Derived from triage, stored so the list can pin emergencies and page with an index. */
    isEmergency: boolean('is_emergency')
      .notNull()
      .generatedAlwaysAs(sql`coalesce((triage ->> 'urgency') = 'emergency', false)`),
    /**
     * The inbox lane, the list's first sort key: 2 an emergency, 1 "check now" (triage's risk band
     * is `check` and something the person wrote is still unread: until a staff member looks),
     * 0 the rest.
     */
    lane: integer('lane')
      .notNull()
      .generatedAlwaysAs(
        sql`case when coalesce((triage ->> 'urgency') = 'emergency', false) then 2 when coalesce((triage -> 'risk' ->> 'band') = 'check', false) and unread > 0 then 1 else 0 end`,
      ),
    /** The contact consent that stands now (the consents ledger's latest answer), so staff see a withdrawal above the reply box. */
    contactConsent: text('contact_consent', { enum: CONSENT_ANSWERS }),
    /**
     * Raised by one on every update, by the database itself (trigger `conversations_version`,
     * drizzle/0013): live events from several processes can reach the inbox out of order, and
     * it keeps the view with the highest version, never an older one over a newer.
     */
    version: integer('version').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    index('conversations_agency_lane_idx').on(t.agencyId, t.lane.desc(), t.lastMessageAt.desc(), t.id.desc()),
    index('conversations_contact_idx').on(t.contactId),
  ],
);

/** Anonymous widget sessions: the bearer token is random, only its SHA-256 is stored. */
export const widgetSessions = pgTable('widget_sessions', {
  tokenHash: text('token_hash').primaryKey(),
  contactId: uuid('contact_id')
    .notNull()
    .references(() => contacts.id),
  conversationId: conversationRef(),
  createdAt: createdAt(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

/** A step of the front-door bot where it waits for an answer (or has nothing to ask: `done`). */
export type DialogueStep = 'start' | 'askSubject' | 'askAnonymous' | 'askContact' | 'askShare' | 'askSafety' | 'askWithdraw' | 'done';

export interface DialogueState {
  step: DialogueStep;
  /** The question to go back to after the safety question or a withdrawal of consent. */
  resume?: DialogueStep;
  /** How many times the open question was asked again after a free-text answer not understood. */
  reasked?: number;
}

export interface Button {
  label: string;
  data: string;
}

export interface MessagePayload {
  buttons?: Button[];
  postback?: string;
}

export type { DeliveryState };

export const messages = pgTable(
  'messages',
  {
    id: id(),
    /** Insertion order; breaks ties between messages written in the same millisecond. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    conversationId: conversationRef(),
    agencyId: agencyRef(),
    channel: text('channel', { enum: CHANNELS }).notNull(),
    direction: text('direction', { enum: DIRECTIONS }).notNull(),
    authorType: text('author_type', { enum: AUTHOR_TYPES }).notNull(),
    authorStaffId: uuid('author_staff_id').references(() => staff.id),
    /** Idempotency key of an inbound message: LINE webhookEventId, or `<conversationId>:<clientMessageId>`. */
    externalId: text('external_id'),
    /** `text`, or the LINE message type (sticker, image, …) shown as a placeholder text. */
    kind: text('kind').notNull().default('text'),
    /** Bot messages: the buttons offered; inbound postbacks: the chosen button's data. */
    payload: jsonb('payload').$type<MessagePayload>(),
    text: text('text').notNull(),
    /** LINE reply token of an inbound event, when it was received, and when an answer used it. */
    lineReplyToken: text('line_reply_token'),
    lineReplyTokenAt: timestamp('line_reply_token_at', { withTimezone: true }),
    lineReplyTokenUsedAt: timestamp('line_reply_token_used_at', { withTimezone: true }),
    /** Inbound: when the triage worker finished with it (the sweeper re-queues those without). */
    triagedAt: timestamp('triaged_at', { withTimezone: true }),
    /**
     * Inbound: how many times the sweeper gave a failed triage job a fresh set of attempts. After
     * TRIAGE_FAILED_ROUNDS failed rounds the message is handed to staff instead (src/intake/triage-failed.ts).
     */
    triageFailedRounds: integer('triage_failed_rounds').notNull().default(0),
    /** Inbound: when triage was given up and the message handed to staff with a conservative triage. */
    triageFailedAt: timestamp('triage_failed_at', { withTimezone: true }),
    /** Inbound: when the front-door bot handled it (in order per conversation). */
    dialoguedAt: timestamp('dialogued_at', { withTimezone: true }),
    /** Outbound delivery. */
    deliveryState: text('delivery_state').$type<DeliveryState>(),
    deliveryMethod: text('delivery_method', { enum: ['reply', 'push', 'socket'] }),
    deliveryAttempts: integer('delivery_attempts').notNull().default(0),
    deliveryError: text('delivery_error'),
    /** X-Line-Retry-Key: fixed per outbound message so a retried push is sent once. */
    retryKey: uuid('retry_key'),
    /**
     * LINE sends up to 5 messages per call: the first message of a batch (whose retry key the
     * call carries) names the batch, so a retry resends exactly the same messages.
     */
    deliveryBatch: uuid('delivery_batch'),
    /**
     * Whose deliver job sends the batch when it is not the batch's own first message's: a job that
     * sent its batch takes the conversation's next waiting answers itself (workers/deliver.ts).
     * Null: the batch's first message's job. The sweeper and a staff retry go to this job.
     */
    deliverySender: uuid('delivery_sender'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('messages_channel_external_unique').on(t.channel, t.externalId),
    index('messages_conversation_seq_idx').on(t.conversationId, t.seq),
    index('messages_untriaged_idx').on(t.createdAt).where(sql`direction = 'in' and triaged_at is null`),
    index('messages_undialogued_idx').on(t.triagedAt).where(sql`direction = 'in' and dialogued_at is null`),
    index('messages_undelivered_idx')
      .on(t.createdAt)
      .where(sql`direction = 'out' and delivery_state in ('pending', 'sending')`),
  ],
);

/** One row per triage run of an inbound message: what the worker decided and with which engine. */
export const triageRuns = pgTable('triage_runs', {
  messageId: uuid('message_id')
    .primaryKey()
    .references(() => messages.id),
  conversationId: conversationRef(),
  engine: text('engine').notNull(),
  /** The conversation's triage once this message was read (what the conversation was set to). */
  result: jsonb('result').$type<Triage>().notNull(),
  /**
   * This message's own triage, analysed once and kept, so that later messages combine it
   * instead of analysing its text again (null: not a text message, or a run from before).
   */
  messageTriage: jsonb('message_triage').$type<Triage>(),
  createdAt: createdAt(),
});

/** Every read of personal data by staff, and every change they make (who, what, when). */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    agencyId: agencyRef(),
    actorId: uuid('actor_id').references(() => staff.id),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    /** A list or search read: the conversations it returned (their previews were shown). */
    conversationIds: uuid('conversation_ids').array(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('audit_subject_idx').on(t.subjectType, t.subjectId),
    index('audit_conversation_ids_idx').using('gin', t.conversationIds),
  ],
);

/**
 * Consent records (同意), append-only: a change or a withdrawal is a new row, nothing is
 * overwritten. `textVersion` names the exact wording the person agreed to.
 */
export const consents = pgTable(
  'consents',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    conversationId: conversationRef(),
    agencyId: agencyRef(),
    scope: text('scope', { enum: CONSENT_SCOPES }).notNull(),
    answer: text('answer', { enum: CONSENT_ANSWERS }).notNull(),
    textVersion: text('text_version').notNull(),
    channel: text('channel', { enum: ['line', 'widget', 'staff'] }).notNull(),
    by: text('by', { enum: ['person', 'staff'] }).notNull(),
    staffId: uuid('staff_id').references(() => staff.id),
    /** The inbound message that carried the answer (idempotency for redelivered answers). */
    messageId: uuid('message_id').references(() => messages.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('consents_conversation_idx').on(t.conversationId, t.id),
    uniqueIndex('consents_message_scope_unique').on(t.messageId, t.scope),
  ],
);

/** Crisis alerts: loud in the inbox until a staff member acknowledges; escalated if nobody does. */
export const alerts = pgTable(
  'alerts',
  {
    id: id(),
    agencyId: agencyRef(),
    conversationId: conversationRef(),
    messageId: uuid('message_id')
      .notNull()
      .references(() => messages.id),
    urgency: text('urgency', { enum: ALERT_URGENCIES }).notNull(),
    reasons: jsonb('reasons').$type<string[]>().notNull(),
    createdAt: createdAt(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgedBy: uuid('acknowledged_by').references(() => staff.id),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    /** When the optional outgoing escalation webhook accepted the notice. */
    escalationNotifiedAt: timestamp('escalation_notified_at', { withTimezone: true }),
    /** When the escalation e-mail was accepted by the SMTP server. */
    escalationEmailedAt: timestamp('escalation_emailed_at', { withTimezone: true }),
    /**
     * Attempts to tell the escalation targets that were refused (an answer other than 2xx, no
     * answer, an SMTP error), the last one's time and codes (`webhook_503`, `webhook_unreachable`,
     * `email_ECONNREFUSED`; never an address or a word): the inbox shows that the on-call staff
     * were not reached, /readyz and a metric tell the operator.
     */
    escalationFailures: integer('escalation_failures').notNull().default(0),
    escalationFailedAt: timestamp('escalation_failed_at', { withTimezone: true }),
    escalationError: text('escalation_error'),
    /** When the person, told the on-call staff were being alerted, was told they were not reached. */
    personToldUnreachedAt: timestamp('person_told_unreached_at', { withTimezone: true }),
    /**
     * Who was on duty when the alert was raised, which is what the person was told: `staff` (an
     * inbox was open), `on_call` (nobody signed in; the on-call roster covered the hour), `nobody`.
     */
    duty: text('duty', { enum: DUTY_STATES }),
    /** When the alert goes to the escalation targets unless acknowledged (at once when nobody was signed in). */
    escalateAt: timestamp('escalate_at', { withTimezone: true }),
  },
  (t) => [
    index('alerts_agency_open_idx').on(t.agencyId, t.createdAt).where(sql`acknowledged_at is null`),
    // At most one open alert per conversation: a crisis that goes on is one alert, not many.
    uniqueIndex('alerts_conversation_open_unique').on(t.conversationId).where(sql`acknowledged_at is null`),
  ],
);

/**
 * The safety question (「今、あなたやほかの誰かの命に危険がありますか？」), asked when triage is
 * unsure (risk band `check`): a ledger like consents, append-only, one row when it was asked and
 * one when it was answered. `messageId` is the inbound message that led to asking, or that carried
 * the answer (unique per event: a redelivered answer counts once).
 */
export const safetyChecks = pgTable(
  'safety_checks',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    conversationId: conversationRef(),
    agencyId: agencyRef(),
    event: text('event', { enum: ['asked', 'answered'] }).notNull(),
    /** `unsure`: わからない (handled as yes). Null on `asked`. */
    answer: text('answer', { enum: SAFETY_ANSWERS }),
    channel: text('channel', { enum: CHANNELS }).notNull(),
    messageId: uuid('message_id')
      .notNull()
      .references(() => messages.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('safety_checks_conversation_idx').on(t.conversationId, t.id),
    uniqueIndex('safety_checks_message_event_unique').on(t.messageId, t.event),
  ],
);

/** Internal notes on a conversation: for staff only, never delivered to the person. */
export const notes = pgTable(
  'notes',
  {
    id: id(),
    conversationId: conversationRef(),
    agencyId: agencyRef(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => staff.id),
    text: text('text').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('notes_conversation_idx').on(t.conversationId, t.createdAt)],
);

/** 定型文: canned answers an agency maintains. */
export const cannedReplies = pgTable('canned_replies', {
  id: id(),
  agencyId: agencyRef(),
  title: text('title').notNull(),
  text: text('text').notNull(),
  createdBy: uuid('created_by').references(() => staff.id),
  createdAt: createdAt(),
});

/** Staff corrections of triage labels and status: who changed what, so triage can learn later. */
export const corrections = pgTable(
  'corrections',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    conversationId: conversationRef(),
    agencyId: agencyRef(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
    field: text('field', { enum: ['status', 'urgency', 'categories'] }).notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('corrections_conversation_idx').on(t.conversationId)],
);

// ─── Cases (issue 12): the formal support workflow after the inbox ───────────────────────────

const caseRef = () =>
  uuid('case_id')
    .notNull()
    .references(() => cases.id);
const staffRef = (name: string) => uuid(name).references(() => staff.id);

/** The last 相談番号 given per prefix (和暦 year, e.g. `R8`): numbers count up without gaps per year. */
export const caseNumberCounters = pgTable('case_number_counters', {
  prefix: text('prefix').primaryKey(),
  last: integer('last').notNull(),
});

/**
 * A case (ケース): one person's need in the formal workflow. `agencyId` is the agency working it
 * (the receiving agency once a referral is accepted); the person concerned (本人) is described
 * by a name or, when unknown, a description.
 */
export const cases = pgTable(
  'cases',
  {
    id: id(),
    /** 相談番号, e.g. `R8-000123`. */
    number: text('number').notNull().unique(),
    agencyId: agencyRef(),
    stage: text('stage', { enum: CASE_STAGES }).notNull().default('intake'),
    personName: text('person_name'),
    personDescription: text('person_description'),
    personAgeBand: text('person_age_band', { enum: AGE_BANDS }),
    personArea: text('person_area'),
    createdBy: staffRef('created_by'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [index('cases_agency_stage_idx').on(t.agencyId, t.stage, t.updatedAt.desc())],
);

/** The conversations a case holds (a neighbour's report and the person's own, for instance). */
export const caseConversations = pgTable(
  'case_conversations',
  {
    caseId: caseRef(),
    conversationId: conversationRef(),
    linkedBy: staffRef('linked_by'),
    linkedAt: timestamp('linked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.conversationId] }), index('case_conversations_conversation_idx').on(t.conversationId)],
);

/** The household (世帯): its members besides the person concerned, each with their own needs. */
export const householdMembers = pgTable(
  'household_members',
  {
    id: id(),
    caseId: caseRef(),
    relationship: text('relationship', { enum: RELATIONSHIPS }).notNull(),
    name: text('name'),
    description: text('description'),
    ageBand: text('age_band', { enum: AGE_BANDS }),
    needs: text('needs', { enum: CATEGORIES }).array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAt(),
  },
  (t) => [index('household_members_case_idx').on(t.caseId)],
);

/** Every stage change (and the opening): who, when, from, to, why; closing a coordination case names its meeting. */
export const caseTransitions = pgTable(
  'case_transitions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: caseRef(),
    fromStage: text('from_stage', { enum: CASE_STAGES }),
    toStage: text('to_stage', { enum: CASE_STAGES }).notNull(),
    byStaffId: staffRef('by_staff_id'),
    reason: text('reason'),
    meetingId: uuid('meeting_id').references(() => meetings.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_transitions_case_idx').on(t.caseId, t.id)],
);

/** What the share consent was when a referral was sent (the sheet prints it; access follows the ledger now). */
export interface ConsentSnapshot {
  share: string | null;
  contact: string | null;
  /** No conversation of the case is the person's own (an anonymous report about someone who has not written). */
  subjectNotWriting: boolean;
  at: string;
}

/** つなぎ: a case handed to another agency, with its つなぐシート. */
export const referrals = pgTable(
  'referrals',
  {
    id: id(),
    caseId: caseRef(),
    fromAgencyId: uuid('from_agency_id')
      .notNull()
      .references(() => agencies.id),
    toAgencyId: uuid('to_agency_id')
      .notNull()
      .references(() => agencies.id),
    state: text('state', { enum: REFERRAL_STATES }).notNull().default('sent'),
    summary: text('summary').notNull(),
    /** Messages quoted on the sheet, the person's own words, chosen by the counsellor. */
    quotes: uuid('quotes').array().notNull().default(sql`'{}'::uuid[]`),
    urgency: text('urgency', { enum: URGENCIES }),
    consentSnapshot: jsonb('consent_snapshot').$type<ConsentSnapshot>().notNull(),
    /** A referral without share consent goes only to an agency of this 支援会議. */
    meetingId: uuid('meeting_id').references(() => meetings.id),
    sentBy: staffRef('sent_by'),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
    answeredBy: staffRef('answered_by'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    returnReason: text('return_reason'),
  },
  (t) => [
    index('referrals_to_idx').on(t.toAgencyId, t.sentAt.desc()),
    index('referrals_from_idx').on(t.fromAgencyId, t.sentAt.desc()),
    index('referrals_case_idx').on(t.caseId),
    // One referral of a case to an agency waits for its answer at a time, even when two are sent at once.
    uniqueIndex('referrals_case_agency_sent_unique').on(t.caseId, t.toAgencyId).where(sql`state = 'sent'`),
  ],
);

/** A decision of a meeting; `closeCase` is the decision a coordination case needs to close. */
export interface MeetingDecision {
  caseId: string | null;
  text: string;
  closeCase?: boolean;
}

/** 重層的支援会議 (`jusou`) or 支援会議 (`shien`, art. 106-6). */
export const meetings = pgTable(
  'meetings',
  {
    id: id(),
    /** The agency that called it. */
    agencyId: agencyRef(),
    kind: text('kind', { enum: MEETING_KINDS }).notNull(),
    date: date('date').notNull(),
    decisions: jsonb('decisions').$type<MeetingDecision[]>().notNull().default(sql`'[]'::jsonb`),
    createdBy: staffRef('created_by'),
    createdAt: createdAt(),
  },
  (t) => [index('meetings_agency_idx').on(t.agencyId, t.date)],
);

/** Who takes part: a staff member or a whole agency; a 支援会議 participant acknowledges 守秘義務. */
export const meetingParticipants = pgTable(
  'meeting_participants',
  {
    id: id(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    staffId: staffRef('staff_id'),
    agencyId: uuid('agency_id').references(() => agencies.id),
    confidentialityAcknowledgedAt: timestamp('confidentiality_acknowledged_at', { withTimezone: true }),
  },
  (t) => [index('meeting_participants_meeting_idx').on(t.meetingId), index('meeting_participants_agency_idx').on(t.agencyId)],
);

export const meetingCases = pgTable(
  'meeting_cases',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    caseId: caseRef(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.caseId] }), index('meeting_cases_case_idx').on(t.caseId)],
);

export interface PlanAction {
  text: string;
  ownerAgencyId: string;
  due: string | null;
}

/** 支援プラン, versioned: a new agreement is a new row with the next version. */
export const plans = pgTable(
  'plans',
  {
    id: id(),
    caseId: caseRef(),
    version: integer('version').notNull(),
    meetingId: uuid('meeting_id').references(() => meetings.id),
    goals: jsonb('goals').$type<string[]>().notNull(),
    actions: jsonb('actions').$type<PlanAction[]>().notNull(),
    reviewDate: date('review_date'),
    createdBy: staffRef('created_by'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('plans_case_version_unique').on(t.caseId, t.version)],
);

/** アウトリーチ: a scheduled visit, call or letter; overdue ones remind the owner. */
export const followUps = pgTable(
  'follow_ups',
  {
    id: id(),
    caseId: caseRef(),
    agencyId: agencyRef(),
    kind: text('kind', { enum: FOLLOW_UP_KINDS }).notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => staff.id),
    note: text('note'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneBy: staffRef('done_by'),
    /** When the overdue reminder reached the owner's inbox (the sweeper re-queues open ones without). */
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    createdBy: staffRef('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    index('follow_ups_case_idx').on(t.caseId, t.dueAt),
    index('follow_ups_open_idx').on(t.dueAt).where(sql`done_at is null and reminded_at is null`),
  ],
);

/** 参加支援: an activity, place or employer the person is matched with, and how it goes. */
export const participations = pgTable(
  'participations',
  {
    id: id(),
    caseId: caseRef(),
    agencyId: agencyRef(),
    kind: text('kind', { enum: PARTICIPATION_KINDS }).notNull(),
    name: text('name').notNull(),
    startedOn: date('started_on'),
    outcome: text('outcome', { enum: PARTICIPATION_OUTCOMES }).notNull().default('ongoing'),
    note: text('note'),
    createdBy: staffRef('created_by'),
    createdAt: createdAt(),
  },
  (t) => [index('participations_case_idx').on(t.caseId)],
);

// ─── Retention and the person's rights (issue 12 item 9) ─────────────────────────────────────

/**
 * What was erased, never what it said: a retention purge (closed and older than RETENTION_DAYS)
 * or a deletion on the person's request. One row per agency per run; ids and counts only.
 */
export const erasures = pgTable(
  'erasures',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind', { enum: ['retention', 'request'] }).notNull(),
    agencyId: agencyRef(),
    /** The admin who carried out a request; null for the scheduled purge. */
    actorId: uuid('actor_id').references(() => staff.id),
    conversationIds: uuid('conversation_ids').array().notNull(),
    caseIds: uuid('case_ids').array().notNull(),
    contactIds: uuid('contact_ids').array().notNull(),
    /** Rows removed per table, e.g. `{ "messages": 12, "notes": 1 }`. */
    counts: jsonb('counts').$type<Record<string, number>>().notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('erasures_agency_idx').on(t.agencyId, t.at)],
);
