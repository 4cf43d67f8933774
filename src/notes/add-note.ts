/** Internal notes: staff-only remarks on a conversation; never delivered to the person. */
import { asc, eq } from 'drizzle-orm';
import type { Context } from '../context';
import type { SessionStaff } from '../auth/sessions';
import { notes, staff } from '../db/schema';
import { recordAudit } from '../audit/record';

export interface NoteView {
  id: string;
  text: string;
  authorId: string;
  authorName: string;
  createdAt: string;
}

export async function addNote(ctx: Context, actor: SessionStaff, conversation: { id: string; agencyId: string }, text: string): Promise<NoteView> {
  const row = await ctx.db.transaction(async (tx) => {
    const [inserted] = await tx.insert(notes).values({ conversationId: conversation.id, agencyId: conversation.agencyId, authorId: actor.id, text }).returning();
    await recordAudit(tx, { agencyId: conversation.agencyId, actorId: actor.id, action: 'note.add', subjectType: 'conversation', subjectId: conversation.id });
    return inserted;
  });
  const note = { id: row.id, text: row.text, authorId: actor.id, authorName: actor.name, createdAt: row.createdAt.toISOString() };
  ctx.publisher.noteCreated(conversation.agencyId, conversation.id, note);
  return note;
}

export async function listNotes(ctx: Context, conversationId: string): Promise<NoteView[]> {
  const rows = await ctx.db
    .select({ n: notes, authorName: staff.name })
    .from(notes)
    .innerJoin(staff, eq(staff.id, notes.authorId))
    .where(eq(notes.conversationId, conversationId))
    .orderBy(asc(notes.createdAt));
  return rows.map((r) => ({ id: r.n.id, text: r.n.text, authorId: r.n.authorId, authorName: r.authorName, createdAt: r.n.createdAt.toISOString() }));
}
