/** A staff member reads a conversation's consent records, oldest first; audited like message reads. */
import type { DbOrTx } from '../db/client';
import type { SessionStaff } from '../auth/sessions';
import { recordRead } from '../audit/record';
import { presentConsent, type ConsentView } from '../presenters/consent';
import { listConsents } from './record';

export async function readConsents(db: DbOrTx, reader: SessionStaff, conversation: { id: string }): Promise<ConsentView[]> {
  const rows = await listConsents(db, conversation.id);
  await recordRead(db, reader, 'conversation.consents.read', conversation.id);
  return rows.map(presentConsent);
}
