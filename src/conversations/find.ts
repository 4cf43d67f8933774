/**
 * One conversation as `staff` may see it: their own agency's, or 404 (another agency's
 * conversation cannot even be confirmed to exist). Reads nothing personal, so it is not audited.
 */
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { conversations } from '../db/schema';
import type { SessionStaff } from '../auth/sessions';
import { AppError } from '../errors';
import { scopeConversations } from '../policies/conversation';

export type ConversationRow = typeof conversations.$inferSelect;

/** `id` is a parsed UUID (the route's params schema). */
export async function findConversationFor(db: DbOrTx, staff: SessionStaff, id: string): Promise<ConversationRow> {
  const [row] = await db.select().from(conversations).where(and(eq(conversations.id, id), scopeConversations(staff)));
  if (!row) throw new AppError('not_found');
  return row;
}

/** Whether `staff` may see conversation `id` (socket events about it, e.g. typing). */
export async function conversationVisibleTo(db: DbOrTx, staff: SessionStaff, id: string): Promise<boolean> {
  const [row] = await db.select({ id: conversations.id }).from(conversations).where(and(eq(conversations.id, id), scopeConversations(staff)));
  return Boolean(row);
}
