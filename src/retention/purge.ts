/**
 * The retention purge: closed conversations and closed cases are kept RETENTION_DAYS after they
 * last changed, then erased with everything hanging off them. A conversation still linked to a
 * case that is not itself due stays, and so does a case with a conversation that is still open
 * or recent: nothing in use disappears. Idempotent: a second run finds nothing left to do.
 * Each run writes one `erasures` row per agency with the ids and counts (no content).
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Db, type DbOrTx } from '../db/client';
import { eraseByAgency, type Erased } from './erase';

export interface PurgeResult {
  /** Per agency: what went. Empty when nothing was due. */
  erased: Erased[];
}

interface Due {
  id: string;
  agencyId: string;
}

/** What the purge would erase now (locked for update when `tx` is the purge's transaction). */
export async function findDue(tx: DbOrTx, opts: { now: Date; retentionDays: number }): Promise<{ conversations: Due[]; cases: Due[] }> {
  const cutoff = new Date(opts.now.getTime() - opts.retentionDays * 86_400_000).toISOString();
  // Last change of a closed conversation: its last message or its last status change (closing it).
  const dueConversations = await rowsOf<Due>(
    tx,
    sql`select c.id, c.agency_id as "agencyId" from conversations c
        where c.status = 'closed'
          and greatest(c.last_message_at, coalesce((select max(k.at) from corrections k where k.conversation_id = c.id and k.field = 'status'), c.last_message_at)) < ${cutoff}::timestamptz
        for update of c`,
  );
  const dueCases = await rowsOf<Due>(
    tx,
    sql`select k.id, k.agency_id as "agencyId" from cases k where k.stage = 'closed' and k.closed_at < ${cutoff}::timestamptz for update of k`,
  );
  const links = await rowsOf<{ caseId: string; conversationId: string }>(
    tx,
    sql`select case_id as "caseId", conversation_id as "conversationId" from case_conversations`,
  );
  const conversationDue = new Set(dueConversations.map((c) => c.id));
  // A case goes only when every conversation it holds is due; a conversation only when every case holding it goes.
  const casesGoing = new Set(dueCases.filter((k) => links.every((l) => l.caseId !== k.id || conversationDue.has(l.conversationId))).map((k) => k.id));
  return {
    conversations: dueConversations.filter((c) => links.every((l) => l.conversationId !== c.id || casesGoing.has(l.caseId))),
    cases: dueCases.filter((k) => casesGoing.has(k.id)),
  };
}

export async function purgeExpired(db: Db, opts: { now: Date; retentionDays: number }): Promise<PurgeResult> {
  return db.transaction(async (tx) => {
    const due = await findDue(tx, opts);
    return { erased: await eraseByAgency(tx, { kind: 'retention', actorId: null, ...due }) };
  });
}
