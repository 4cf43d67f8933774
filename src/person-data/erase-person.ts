/**
 * Deletion on the person's request: erases what findPerson found — their conversations in the
 * scope and the cases in the scope that hold them — in one transaction with its audit row and
 * `erasures` rows (ids and counts). A case another agency works now is not erased here: it is
 * returned in `keptCases` so the admin can ask that agency (it loses the erased conversation).
 */
import type { Db } from '../db/client';
import { recordAudit } from '../audit/record';
import { eraseByAgency, type Erased } from '../retention/erase';
import { inScope, type PersonDataScope } from '../policies/person-data';
import type { PersonRecords } from './find-person';

export interface PersonErasure {
  erased: Erased[];
  keptCases: { id: string; agencyId: string }[];
}

export async function erasePerson(db: Db, scope: PersonDataScope, person: PersonRecords, actor: { id: string; agencyId: string }): Promise<PersonErasure> {
  const ours = person.cases.filter((k) => inScope(scope, k.agencyId));
  const keptCases = person.cases.filter((k) => !inScope(scope, k.agencyId));
  const erased = await db.transaction(async (tx) => {
    await recordAudit(tx, {
      agencyId: actor.agencyId,
      actorId: actor.id,
      action: 'person_data.erase',
      subjectType: 'contact',
      subjectId: person.contactId,
      conversationIds: person.conversationIds,
    });
    return eraseByAgency(tx, { kind: 'request', actorId: actor.id, conversations: person.conversations, cases: ours });
  });
  return { erased, keptCases };
}
