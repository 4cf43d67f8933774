/** The 定型文 (canned answers) of the staff member's agency, by title. */
import { asc } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { cannedReplies } from '../db/schema';
import type { SessionStaff } from '../auth/sessions';
import type { CannedReplyView } from '../contracts';
import { scopeCanned } from '../policies/canned';

export function listCanned(db: DbOrTx, viewer: SessionStaff): Promise<CannedReplyView[]> {
  return db
    .select({ id: cannedReplies.id, title: cannedReplies.title, text: cannedReplies.text })
    .from(cannedReplies)
    .where(scopeCanned(viewer))
    .orderBy(asc(cannedReplies.title));
}
