/** The counsellor has the conversation open and saw new messages arrive live: nothing unread. */
import { eq } from 'drizzle-orm';
import type { Context } from '../context';
import { conversations } from '../db/schema';
import { presentConversation } from '../presenters/conversation';
import type { ConversationRow } from './find';

export async function markRead(ctx: Context, conversation: ConversationRow): Promise<void> {
  if (conversation.unread === 0) return;
  const [updated] = await ctx.db.update(conversations).set({ unread: 0 }).where(eq(conversations.id, conversation.id)).returning();
  ctx.publisher.conversationUpdated(presentConversation(updated));
}
