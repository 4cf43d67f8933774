/** Internal notes: staff-only remarks on a conversation; never delivered to the person. */
import type { Context } from '../context';
import type { SessionStaff } from '../auth/sessions';
import { notes } from '../db/schema';
import { recordAudit } from '../audit/record';
import type { NoteView } from '../contracts';

export type { NoteView };

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
