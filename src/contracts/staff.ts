/** Staff members: the signed-in account, colleagues, teams, notes, consents, canned replies, shift, audit. */
import { z } from 'zod';
import { consentAnswerSchema, consentScopeSchema, roleSchema } from './enums';

export const staffView = z.object({ id: z.uuid(), email: z.string(), name: z.string(), role: roleSchema, agencyId: z.uuid() });
export type StaffView = z.infer<typeof staffView>;

export const colleagueView = z.object({ id: z.uuid(), name: z.string(), role: roleSchema, online: z.boolean() });
export type ColleagueView = z.infer<typeof colleagueView>;

export const teamView = z.object({ id: z.uuid(), name: z.string(), members: z.array(z.uuid()) });
export type TeamView = z.infer<typeof teamView>;

export const noteView = z.object({ id: z.uuid(), text: z.string(), authorId: z.uuid(), authorName: z.string(), createdAt: z.iso.datetime() });
export type NoteView = z.infer<typeof noteView>;

export const consentView = z.object({
  scope: consentScopeSchema,
  answer: consentAnswerSchema,
  /** The exact wording the person answered (versioned texts). */
  textVersion: z.string(),
  channel: z.enum(['line', 'widget', 'staff']),
  by: z.enum(['person', 'staff']),
  at: z.iso.datetime(),
});
export type ConsentView = z.infer<typeof consentView>;

export const cannedReplyView = z.object({
  /** A uuid, or `starter:<id>` for one from the municipality file. */
  id: z.string(),
  title: z.string(),
  text: z.string(),
  /** From the municipality file (`cannedReplies`): read-only in the inbox, changed in that file. */
  starter: z.boolean(),
});
export type CannedReplyView = z.infer<typeof cannedReplyView>;

export const shiftView = z.object({
  counsellors: z.array(
    z.object({ id: z.uuid(), name: z.string(), role: roleSchema, online: z.boolean(), open: z.number().int(), oldestUnansweredAt: z.iso.datetime().nullable() }),
  ),
  unacknowledgedAlerts: z.number().int(),
  unassigned: z.number().int(),
  /** Conversations in the "check now" lane (triage unsure, not yet looked at). */
  checkLane: z.number().int(),
});
export type ShiftView = z.infer<typeof shiftView>;

export const auditEntryView = z.object({
  actorId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  /** A list or search page: the conversations it showed. */
  conversationIds: z.array(z.uuid()).optional(),
  at: z.iso.datetime(),
});
export type AuditEntryView = z.infer<typeof auditEntryView>;

/** Who is connected to the inbox now (event `presence`). */
export const presenceView = z.object({ staff: z.array(z.object({ id: z.uuid(), name: z.string(), role: roleSchema })) });
export type PresenceView = z.infer<typeof presenceView>;
