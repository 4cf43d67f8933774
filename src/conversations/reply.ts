/**
 * A staff member answers a conversation: the answer is stored as an outbound message (pending)
 * and queued for delivery after commit. From the first staff answer on, the front-door bot
 * stays quiet (except for safety). Delivery is the deliver worker's job, so a slow LINE API
 * never holds up the counsellor. The audit row is written in the answer's transaction.
 */
import { eq, sql } from 'drizzle-orm';
import type { Context } from '../context';
import { conversations } from '../db/schema';
import { presentConversation } from '../presenters/conversation';
import { insertOutbound } from '../messages/write-outbound';
import { DeliveryPriority, queueDelivery } from '../messages/queue-delivery';
import { recordAudit } from '../audit/record';

export interface ReplyInput {
  conversationId: string;
  staffId: string;
  text: string;
}

export async function replyToConversation(ctx: Context, input: ReplyInput): Promise<{ messageId: string }> {
  const { message, conversation } = await ctx.db.transaction(async (tx) => {
    const [conv] = await tx
      .select({ id: conversations.id, agencyId: conversations.agencyId, channel: conversations.channel })
      .from(conversations)
      .where(eq(conversations.id, input.conversationId))
      .for('update');
    const [message] = await insertOutbound(tx, conv, [{ text: input.text, authorType: 'staff', authorStaffId: input.staffId }]);
    const [conversation] = await tx
      .update(conversations)
      .set({
        lastMessageAt: sql`now()`,
        unread: 0,
        status: sql`case when ${conversations.status} = 'new' then 'open' else ${conversations.status} end`,
        assigneeId: sql`coalesce(${conversations.assigneeId}, ${input.staffId}::uuid)`,
        staffEngagedAt: sql`coalesce(${conversations.staffEngagedAt}, now())`,
      })
      .where(eq(conversations.id, conv.id))
      .returning();
    await recordAudit(tx, { agencyId: conv.agencyId, actorId: input.staffId, action: 'conversation.reply', subjectType: 'message', subjectId: message.id });
    return { message, conversation };
  });
  // Preview stays the person's last words (null: the inbox keeps the one it has).
  await queueDelivery(ctx, [message], DeliveryPriority.ordinary, { conversation: presentConversation(conversation) });
  return { messageId: message.id };
}
