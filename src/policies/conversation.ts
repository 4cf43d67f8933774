/**
 * Who may see a conversation: staff of the agency it belongs to. Anything else answers 404,
 * so another agency's conversations cannot even be confirmed to exist.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { conversations } from '../db/schema';
import type { SessionStaff } from '../auth/sessions';
import { AppError } from '../errors';

export const sameAgency = (staff: SessionStaff, agencyId: string) => staff.agencyId === agencyId;

export async function loadConversationFor(db: Db, staff: SessionStaff, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('not_found');
  const [row] = await db
    .select()
    .from(conversations)
    .where(and(eq(conversations.id, id), eq(conversations.agencyId, staff.agencyId)));
  if (!row) throw new AppError('not_found');
  return row;
}
