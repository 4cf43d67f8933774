/**
 * A supervisor edits or deletes one of the agency's own 定型文 (starters live in the municipality
 * file). Another agency's, or one that is gone, is not_found; audited in the same transaction.
 */
import type { Db } from '../db/client';
import { cannedReplies } from '../db/schema';
import type { SessionStaff } from '../auth/sessions';
import type { CannedReplyView } from '../contracts';
import { AppError } from '../errors';
import { recordAudit } from '../audit/record';
import { scopeOneCanned } from '../policies/canned';

export function editCanned(db: Db, actor: SessionStaff, id: string, input: { title: string; text: string }): Promise<CannedReplyView> {
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(cannedReplies)
      .set({ title: input.title, text: input.text })
      .where(scopeOneCanned(actor, id))
      .returning({ id: cannedReplies.id, title: cannedReplies.title, text: cannedReplies.text });
    if (!updated) throw new AppError('not_found', 'canned reply');
    await recordAudit(tx, { agencyId: actor.agencyId, actorId: actor.id, action: 'canned.edit', subjectType: 'canned_reply', subjectId: id });
    return { ...updated, starter: false };
  });
}

export function deleteCanned(db: Db, actor: SessionStaff, id: string): Promise<void> {
  return db.transaction(async (tx) => {
    const [deleted] = await tx.delete(cannedReplies).where(scopeOneCanned(actor, id)).returning({ id: cannedReplies.id });
    if (!deleted) throw new AppError('not_found', 'canned reply');
    await recordAudit(tx, { agencyId: actor.agencyId, actorId: actor.id, action: 'canned.delete', subjectType: 'canned_reply', subjectId: id });
  });
}
