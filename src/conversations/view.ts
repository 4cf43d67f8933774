/**
 * A staff member looks up one conversation: the read is audited before the view leaves. It carries
 * the list's lines (latest and first words of the person), so a list item added live reads as
 * after a reload.
 */
import type { Db } from '../db/client';
import type { SessionStaff } from '../auth/sessions';
import { recordRead } from '../audit/record';
import { presentConversation, type ConversationView } from '../presenters/conversation';
import type { ConversationRow } from './find';
import { listLinesOf } from './list';

export async function viewConversation(db: Db, reader: SessionStaff, conversation: ConversationRow): Promise<ConversationView> {
  await recordRead(db, reader, 'conversation.view', conversation.id);
  const { preview, firstMessage } = await listLinesOf(db, conversation.id);
  return presentConversation({ ...conversation, listExtras: { firstMessage } }, preview);
}
