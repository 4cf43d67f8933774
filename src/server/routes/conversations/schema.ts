import { z } from 'zod';
import { MAX_TEXT } from '../widget/schema';
import { listQuery } from '../../../conversations/list';
import { consentAnswerSchema, consentScopeSchema, consentView, conversationView, noteView, staffMessageView, triageView } from '../../../contracts';

export { consentView, conversationView, noteView, staffMessageView, triageView };

/** `/:id`: a conversation's id (anything else names nothing: 404). */
export const conversationParams = z.object({ id: z.uuid() });

/** GET / (filters, search, cursor): defined beside the query that uses it. */
export { listQuery };
export { correctionBody } from '../../../conversations/correct';

export const replyBody = z.object({ text: z.string().refine((t) => t.trim().length > 0, 'text must not be empty') }).strict();
export type ReplyBody = z.infer<typeof replyBody>;
export { MAX_TEXT };

export const listConsentsResponse = z.object({ consents: z.array(consentView) });
export const recordConsentBody = z.object({ scope: consentScopeSchema, answer: consentAnswerSchema }).strict();
export const listConversationsResponse = z.object({ conversations: z.array(conversationView) });

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
