import { z } from 'zod';
import { MAX_TEXT } from '../widget/schema';

export const replyBody = z.object({ text: z.string().refine((t) => t.trim().length > 0, 'text must not be empty') }).strict();
export type ReplyBody = z.infer<typeof replyBody>;
export { MAX_TEXT };

export const triageView = z.object({
  categories: z.array(z.string()),
  urgency: z.enum(['emergency', 'high', 'normal', 'low']),
  reporter: z.enum(['self', 'family', 'neighbour', 'professional', 'unknown']),
  reasons: z.array(z.string()),
  /** Absent on results from before the learned model. */
  risk: z
    .object({
      score: z.number().min(0).max(1).describe('calibrated probability that life or safety is at risk now (learned model)'),
      band: z.enum(['clear', 'check', 'crisis']).describe('crisis: an emergency; check: unsure, someone should look or ask; clear'),
    })
    .optional(),
});

export const conversationView = z.object({
  id: z.uuid(),
  channel: z.enum(['line', 'widget']),
  status: z.enum(['new', 'open', 'waiting', 'closed']),
  agencyId: z.uuid(),
  assignee: z.uuid().nullable(),
  team: z.uuid().nullable(),
  lastMessageAt: z.iso.datetime(),
  unread: z.number().int(),
  preview: z.string().nullable(),
  triage: triageView.nullable(),
  subject: z.enum(['self', 'family', 'neighbour']).nullable(),
  anonymous: z.boolean(),
  frontDoor: z.string(),
});

export const consentView = z.object({
  scope: z.enum(['contact', 'share']),
  answer: z.enum(['yes', 'no', 'later', 'withdrawn']),
  textVersion: z.string(),
  channel: z.enum(['line', 'widget', 'staff']),
  by: z.enum(['person', 'staff']),
  at: z.iso.datetime(),
});
export const listConsentsResponse = z.object({ consents: z.array(consentView) });
export const recordConsentBody = z.object({ scope: z.enum(['contact', 'share']), answer: z.enum(['yes', 'no', 'later', 'withdrawn']) }).strict();
export const listConversationsResponse = z.object({ conversations: z.array(conversationView) });

export const staffMessageView = z.object({
  id: z.uuid(),
  direction: z.enum(['in', 'out']),
  kind: z.string(),
  text: z.string(),
  createdAt: z.iso.datetime(),
  author: z.object({ type: z.enum(['person', 'bot', 'staff']), staffId: z.uuid().optional(), name: z.string().optional() }),
  deliveryState: z.enum(['pending', 'sending', 'sent', 'failed']).nullable().optional(),
  deliveryError: z.string().nullable().optional(),
});
export const listStaffMessagesResponse = z.object({ messages: z.array(staffMessageView) });

/**
 * `staffId`: a colleague (your own id claims it; null unassigns). `teamId`: hand it to a team
 * (null: no team). Give either or both.
 */
const assignee = { staffId: z.uuid().nullable().optional(), teamId: z.uuid().nullable().optional() };
const atLeastOne = (b: { staffId?: unknown; teamId?: unknown }) => b.staffId !== undefined || b.teamId !== undefined;
export const assignBody = z.object(assignee).strict().refine(atLeastOne, 'give staffId or teamId');
export const bulkAssignBody = z
  .object({ conversationIds: z.array(z.uuid()).min(1).max(500), ...assignee })
  .strict()
  .refine(atLeastOne, 'give staffId or teamId');
export const noteBody = z.object({ text: z.string().refine((t) => t.trim().length > 0, 'text must not be empty') }).strict();
export const noteView = z.object({ id: z.uuid(), text: z.string(), authorId: z.uuid(), authorName: z.string(), createdAt: z.iso.datetime() });
