/** A staff member reads a conversation's internal notes, oldest first; audited like message reads. */
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import type { SessionStaff } from '../auth/sessions';
import { notes, staff } from '../db/schema';
import { recordRead } from '../audit/record';
import type { NoteView } from '../contracts';

export async function readNotes(db: DbOrTx, reader: SessionStaff, conversation: { id: string }): Promise<NoteView[]> {
  const rows = await db
    .select({ n: notes, authorName: staff.name })
    .from(notes)
    .innerJoin(staff, eq(staff.id, notes.authorId))
    .where(eq(notes.conversationId, conversation.id))
    .orderBy(asc(notes.createdAt));
  await recordRead(db, reader, 'conversation.notes.read', conversation.id);
  return rows.map((r) => ({ id: r.n.id, text: r.n.text, authorId: r.n.authorId, authorName: r.authorName, createdAt: r.n.createdAt.toISOString() }));
}
