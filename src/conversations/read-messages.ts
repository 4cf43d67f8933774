/**
 * A staff member reads a conversation's messages, oldest first. The read is audited before the
 * messages leave; it changes nothing else (marking it read is `markRead`, a POST).
 */
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { messages } from '../db/schema';
import type { SessionStaff } from '../auth/sessions';
import { recordRead } from '../audit/record';
import { presentManyForStaff, type StaffMessageView } from '../presenters/message';

export async function readMessages(db: DbOrTx, reader: SessionStaff, conversation: { id: string }): Promise<StaffMessageView[]> {
  const rows = await db.select().from(messages).where(eq(messages.conversationId, conversation.id)).orderBy(asc(messages.seq));
  await recordRead(db, reader, 'conversation.messages.read', conversation.id);
  return presentManyForStaff(db, rows);
}
