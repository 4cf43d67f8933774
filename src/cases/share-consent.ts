/**
 * The person's share consent for a case, from the consent ledger: the latest `share` record of
 * the conversations the person wrote themselves (subject `self`). A report by a neighbour or a
 * relative is not the person's consent: an anonymous report about someone who has not written
 * has none (null).
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { consents, conversations } from '../db/schema';
import type { ConsentAnswer } from '../contracts/enums';

export interface CaseConsent {
  share: ConsentAnswer | null;
  contact: ConsentAnswer | null;
  /** No linked conversation is the person's own. */
  subjectNotWriting: boolean;
}

export async function caseConsent(db: DbOrTx, conversationIds: string[]): Promise<CaseConsent> {
  if (conversationIds.length === 0) return { share: null, contact: null, subjectNotWriting: true };
  const own = await db
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(inArray(conversations.id, conversationIds), eq(conversations.subject, 'self')));
  if (own.length === 0) return { share: null, contact: null, subjectNotWriting: true };
  const latest = async (scope: 'share' | 'contact') => {
    const [row] = await db
      .select({ answer: consents.answer })
      .from(consents)
      .where(and(inArray(consents.conversationId, own.map((o) => o.id)), eq(consents.scope, scope)))
      .orderBy(desc(consents.at), desc(consents.id))
      .limit(1);
    return row?.answer ?? null;
  };
  return { share: await latest('share'), contact: await latest('contact'), subjectNotWriting: false };
}
