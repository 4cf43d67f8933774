/** A supervisor adds a 定型文 to the agency's list; audited in the same transaction. */
import type { Db } from '../db/client';
import { cannedReplies } from '../db/schema';
import type { SessionStaff } from '../auth/sessions';
import type { CannedReplyView } from '../contracts';
import { recordAudit } from '../audit/record';

export function addCanned(db: Db, actor: SessionStaff, input: { title: string; text: string }): Promise<CannedReplyView> {
  return db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(cannedReplies)
      .values({ agencyId: actor.agencyId, title: input.title, text: input.text, createdBy: actor.id })
      .returning({ id: cannedReplies.id, title: cannedReplies.title, text: cannedReplies.text });
    await recordAudit(tx, { agencyId: actor.agencyId, actorId: actor.id, action: 'canned.add', subjectType: 'canned_reply', subjectId: inserted.id });
    return { ...inserted, starter: false };
  });
}
