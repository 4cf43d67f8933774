/**
 * The 定型文 (canned answers) of the staff member's agency, by title, then the municipality
 * file's starters (`cannedReplies`), which are the same for every agency and read-only here.
 */
import { asc } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { cannedReplies } from '../db/schema';
import type { SessionStaff } from '../auth/sessions';
import type { CannedReplyView } from '../contracts';
import type { Municipality } from '../municipality/schema';
import { scopeCanned } from '../policies/canned';

export async function listCanned(db: DbOrTx, viewer: SessionStaff, starters: Municipality['cannedReplies'] = []): Promise<CannedReplyView[]> {
  const own = await db
    .select({ id: cannedReplies.id, title: cannedReplies.title, text: cannedReplies.text })
    .from(cannedReplies)
    .where(scopeCanned(viewer))
    .orderBy(asc(cannedReplies.title));
  return [
    ...own.map((r) => ({ ...r, starter: false })),
    ...starters.map((c) => ({ id: `starter:${c.id}`, title: c.title, text: c.text, starter: true })),
  ];
}
