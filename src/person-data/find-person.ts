/**
 * Everything held about one person (the one who wrote a given conversation), within a scope:
 * their contact records, every conversation they wrote in the scope, and the cases holding those
 * conversations. A case is "ours to erase" only when its agency is in the scope; one another
 * agency now works stays there and is named, so the admin can ask that agency.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { caseConversations, cases, contacts, conversations } from '../db/schema';
import { AppError } from '../errors';
import { inScope, type PersonDataScope } from '../policies/person-data';

export interface PersonRecords {
  contactId: string;
  conversationIds: string[];
  conversations: { id: string; agencyId: string }[];
  /** Cases holding the person's conversations, with the agency working each. */
  cases: { id: string; agencyId: string }[];
}

export async function findPerson(db: Db, scope: PersonDataScope, conversationId: string): Promise<PersonRecords> {
  if (!/^[0-9a-f-]{36}$/i.test(conversationId)) throw new AppError('not_found');
  const [start] = await db.select().from(conversations).where(eq(conversations.id, conversationId));
  if (!start || !inScope(scope, start.agencyId)) throw new AppError('not_found');
  const [contact] = await db.select({ id: contacts.id }).from(contacts).where(eq(contacts.id, start.contactId));
  const theirs = await db
    .select({ id: conversations.id, agencyId: conversations.agencyId })
    .from(conversations)
    .where(eq(conversations.contactId, contact.id));
  const inside = theirs.filter((c) => inScope(scope, c.agencyId));
  const conversationIds = inside.map((c) => c.id);
  const linked = await db
    .selectDistinct({ id: cases.id, agencyId: cases.agencyId })
    .from(caseConversations)
    .innerJoin(cases, eq(cases.id, caseConversations.caseId))
    .where(inArray(caseConversations.conversationId, conversationIds));
  return { contactId: contact.id, conversationIds, conversations: inside, cases: linked };
}
