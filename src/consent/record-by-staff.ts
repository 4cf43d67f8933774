/**
 * Staff record what the person said elsewhere (e.g. a withdrawal by phone): a new record, by
 * staff, with its audit row in the same transaction. Colleagues see the standing contact consent
 * change (e.g. the warning above the reply box).
 */
import { eq } from 'drizzle-orm';
import type { Context } from '../context';
import type { SessionStaff } from '../auth/sessions';
import { conversations } from '../db/schema';
import { recordAudit } from '../audit/record';
import { presentConversation } from '../presenters/conversation';
import { recordConsent, type ConsentAnswer, type ConsentScope } from './record';

export async function recordConsentByStaff(
  ctx: Context,
  actor: SessionStaff,
  conversation: { id: string; agencyId: string },
  said: { scope: ConsentScope; answer: ConsentAnswer },
): Promise<void> {
  const updated = await ctx.db.transaction(async (tx) => {
    await recordConsent(tx, { conversationId: conversation.id, agencyId: conversation.agencyId, ...said, channel: 'staff', by: 'staff', staffId: actor.id });
    await recordAudit(tx, { agencyId: conversation.agencyId, actorId: actor.id, action: `consent.${said.answer}`, subjectType: 'conversation', subjectId: conversation.id });
    const [row] = await tx.select().from(conversations).where(eq(conversations.id, conversation.id));
    return row;
  });
  ctx.publisher.conversationUpdated(presentConversation(updated));
}
