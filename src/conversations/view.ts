/** A staff member opens one conversation: the read is audited before the view leaves. */
import type { DbOrTx } from '../db/client';
import type { SessionStaff } from '../auth/sessions';
import { recordRead } from '../audit/record';
import { presentConversation, type ConversationView } from '../presenters/conversation';
import type { ConversationRow } from './find';

export async function viewConversation(db: DbOrTx, reader: SessionStaff, conversation: ConversationRow): Promise<ConversationView> {
  await recordRead(db, reader, 'conversation.view', conversation.id);
  return presentConversation(conversation);
}
