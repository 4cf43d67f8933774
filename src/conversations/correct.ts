/**
 * Staff change a conversation's status or correct its triage (urgency, categories) in place.
 * Each change is recorded (who, what before, what after) so triage can later learn from it.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Context } from '../context';
import type { SessionStaff } from '../auth/sessions';
import { conversations, corrections, type Triage } from '../db/schema';
import { recordAudit } from '../audit/record';
import { presentConversation, type ConversationView } from '../presenters/conversation';
import { CATEGORIES, categorySchema, conversationStatusSchema, urgencySchema } from '../contracts';

export const correctionBody = z
  .object({
    status: conversationStatusSchema.optional(),
    urgency: urgencySchema.optional(),
    categories: z.array(categorySchema).min(1).max(CATEGORIES.length).optional(),
  })
  .strict()
  .refine((b) => b.status || b.urgency || b.categories, 'nothing to change');
export type CorrectionBody = z.infer<typeof correctionBody>;

const emptyTriage: Triage = { categories: ['other'], urgency: 'normal', reporter: 'unknown', reasons: [] };

export async function correctConversation(
  ctx: Context,
  actor: SessionStaff,
  conversation: typeof conversations.$inferSelect,
  body: CorrectionBody,
): Promise<ConversationView> {
  const updated = await ctx.db.transaction(async (tx) => {
    const set: Partial<typeof conversations.$inferInsert> = {};
    const log = (field: 'status' | 'urgency' | 'categories', before: unknown, after: unknown) =>
      tx.insert(corrections).values({ conversationId: conversation.id, agencyId: conversation.agencyId, staffId: actor.id, field, before, after });
    if (body.status && body.status !== conversation.status) {
      set.status = body.status;
      await log('status', conversation.status, body.status);
    }
    if (body.urgency || body.categories) {
      const triage = { ...(conversation.triage ?? emptyTriage) };
      const who = `職員による修正 (${actor.name})`;
      if (body.urgency && body.urgency !== triage.urgency) {
        await log('urgency', triage.urgency, body.urgency);
        triage.urgency = body.urgency;
        triage.reasons = [...triage.reasons, `${who}: urgency → ${body.urgency}`];
      }
      if (body.categories) {
        await log('categories', triage.categories, body.categories);
        triage.categories = body.categories;
        triage.reasons = [...triage.reasons, `${who}: categories → ${body.categories.join(', ')}`];
      }
      set.triage = triage;
    }
    if (Object.keys(set).length === 0) return conversation;
    const [row] = await tx.update(conversations).set(set).where(eq(conversations.id, conversation.id)).returning();
    await recordAudit(tx, { agencyId: conversation.agencyId, actorId: actor.id, action: 'conversation.correct', subjectType: 'conversation', subjectId: conversation.id });
    return row;
  });
  const view = presentConversation(updated);
  ctx.publisher.conversationUpdated(view);
  return view;
}
