/** A conversation as staff see it in the list and in socket events. The contact's channel id never appears. */
import { z } from 'zod';
import { channelSchema, consentAnswerSchema, conversationStatusSchema, subjectSchema } from './enums';
import { triageView } from './triage';

export const conversationView = z.object({
  id: z.uuid(),
  channel: channelSchema,
  status: conversationStatusSchema,
  agencyId: z.uuid(),
  assignee: z.uuid().nullable(),
  /** The team the conversation is with (GET /api/teams), if any. */
  team: z.uuid().nullable(),
  lastMessageAt: z.iso.datetime(),
  unread: z.number().int(),
  /** The start of the latest message, for the list. */
  preview: z.string().nullable(),
  /**
   * The list and GET /api/conversations/{id}: the start of the person's first message, what the
   * conversation is about. Absent where it was not looked up (socket events, other answers): keep what you had.
   */
  firstMessage: z.string().nullable().optional(),
  /** A search only: the words around the first place the search matched (≤ 80 characters). */
  match: z.string().nullable().optional(),
  triage: triageView.nullable(),
  /** Who is writing about whom, as the person told the bot (null until known). */
  subject: subjectSchema.nullable(),
  /** An anonymous report: nothing identifying the reporter is shown. */
  anonymous: z.boolean(),
  /** The bot's place in the front-door conversation; `staff` once a counsellor answered. */
  frontDoor: z.string(),
  /**
   * The list's lane: `emergency` first, then `check` (triage unsure, risk band `check`, with
   * something the person wrote still unread: until a staff member looks), then `rest`.
   */
  lane: z.enum(['emergency', 'check', 'rest']),
  /** The contact consent that stands now (null: never asked); `withdrawn` → warn above the reply box. */
  contactConsent: consentAnswerSchema.nullable(),
  /**
   * Raised by every change to the conversation. Live events from several processes may arrive
   * out of order: of two views of one conversation, keep the one with the higher version.
   */
  version: z.number().int().nonnegative(),
});
export type ConversationView = z.infer<typeof conversationView>;
