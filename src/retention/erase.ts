/**
 * Erases conversations and cases with everything hanging off them, inside the caller's
 * transaction, and says how many rows of each table went (never what they said). Used by the
 * retention purge and by a deletion on the person's request. A contact (the LINE user id or the
 * widget's anonymous id) goes too once none of its conversations is left.
 *
 * The audit log keeps its rows: they hold ids and actions, no content, and are the record that
 * the data existed and was read.
 */
import { and, eq, inArray, notExists, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import {
  alerts,
  caseConversations,
  cases,
  caseTransitions,
  consents,
  contacts,
  conversations,
  erasures,
  corrections,
  followUps,
  householdMembers,
  meetingCases,
  messages,
  notes,
  participations,
  plans,
  referrals,
  safetyChecks,
  triageRuns,
  widgetSessions,
} from '../db/schema';

export interface ErasedRows {
  conversationIds: string[];
  caseIds: string[];
  contactIds: string[];
  counts: Record<string, number>;
}

const inList = (ids: string[]) => sql.join(ids.map((id) => sql`${id}`), sql`, `);

export async function eraseRecords(tx: DbOrTx, target: { conversationIds: string[]; caseIds: string[] }): Promise<ErasedRows> {
  const { conversationIds, caseIds } = target;
  const counts: Record<string, number> = {};
  const count = async (name: string, rows: Promise<unknown[]>) => {
    const n = (await rows).length;
    if (n) counts[name] = (counts[name] ?? 0) + n;
  };

  if (caseIds.length) {
    await count('case_conversations', tx.delete(caseConversations).where(inArray(caseConversations.caseId, caseIds)).returning({ id: caseConversations.caseId }));
    await count('household_members', tx.delete(householdMembers).where(inArray(householdMembers.caseId, caseIds)).returning({ id: householdMembers.id }));
    await count('case_transitions', tx.delete(caseTransitions).where(inArray(caseTransitions.caseId, caseIds)).returning({ id: caseTransitions.id }));
    await count('referrals', tx.delete(referrals).where(inArray(referrals.caseId, caseIds)).returning({ id: referrals.id }));
    await count('meeting_cases', tx.delete(meetingCases).where(inArray(meetingCases.caseId, caseIds)).returning({ id: meetingCases.caseId }));
    await count('plans', tx.delete(plans).where(inArray(plans.caseId, caseIds)).returning({ id: plans.id }));
    await count('follow_ups', tx.delete(followUps).where(inArray(followUps.caseId, caseIds)).returning({ id: followUps.id }));
    await count('participations', tx.delete(participations).where(inArray(participations.caseId, caseIds)).returning({ id: participations.id }));
    // A meeting may have discussed other cases too: it stays, without its decisions about these.
    const aboutThese: SQL = sql`d ->> 'caseId' in (${inList(caseIds)})`;
    await tx.execute(sql`update meetings set decisions = coalesce((select jsonb_agg(d) from jsonb_array_elements(decisions) d where not coalesce(${aboutThese}, false)), '[]'::jsonb)
                         where exists (select 1 from jsonb_array_elements(decisions) d where ${aboutThese})`);
    await count('cases', tx.delete(cases).where(inArray(cases.id, caseIds)).returning({ id: cases.id }));
  }

  let contactIds: string[] = [];
  if (conversationIds.length) {
    const owners = await tx.selectDistinct({ id: conversations.contactId }).from(conversations).where(inArray(conversations.id, conversationIds));
    await count('case_conversations', tx.delete(caseConversations).where(inArray(caseConversations.conversationId, conversationIds)).returning({ id: caseConversations.caseId }));
    await count('triage_runs', tx.delete(triageRuns).where(inArray(triageRuns.conversationId, conversationIds)).returning({ id: triageRuns.messageId }));
    await count('consents', tx.delete(consents).where(inArray(consents.conversationId, conversationIds)).returning({ id: consents.id }));
    await count('alerts', tx.delete(alerts).where(inArray(alerts.conversationId, conversationIds)).returning({ id: alerts.id }));
    await count('safety_checks', tx.delete(safetyChecks).where(inArray(safetyChecks.conversationId, conversationIds)).returning({ id: safetyChecks.id }));
    await count('notes', tx.delete(notes).where(inArray(notes.conversationId, conversationIds)).returning({ id: notes.id }));
    await count('corrections', tx.delete(corrections).where(inArray(corrections.conversationId, conversationIds)).returning({ id: corrections.id }));
    await count('widget_sessions', tx.delete(widgetSessions).where(inArray(widgetSessions.conversationId, conversationIds)).returning({ id: widgetSessions.tokenHash }));
    await count('messages', tx.delete(messages).where(inArray(messages.conversationId, conversationIds)).returning({ id: messages.id }));
    await count('conversations', tx.delete(conversations).where(inArray(conversations.id, conversationIds)).returning({ id: conversations.id }));
    const ownerIds = owners.map((o) => o.id);
    if (ownerIds.length) {
      const orphaned = and(
        inArray(contacts.id, ownerIds),
        notExists(tx.select({ one: sql`1` }).from(conversations).where(eq(conversations.contactId, contacts.id))),
        notExists(tx.select({ one: sql`1` }).from(widgetSessions).where(eq(widgetSessions.contactId, contacts.id))),
      );
      contactIds = (await tx.delete(contacts).where(orphaned).returning({ id: contacts.id })).map((r) => r.id);
      if (contactIds.length) counts.contacts = contactIds.length;
    }
  }
  return { conversationIds, caseIds, contactIds, counts };
}

export interface Erased {
  agencyId: string;
  conversationIds: string[];
  caseIds: string[];
  counts: Record<string, number>;
}

/**
 * Erases the given conversations and cases agency by agency and writes one `erasures` row per
 * agency (ids and counts), in the caller's transaction.
 */
export async function eraseByAgency(
  tx: DbOrTx,
  what: { kind: 'retention' | 'request'; actorId: string | null; conversations: { id: string; agencyId: string }[]; cases: { id: string; agencyId: string }[] },
): Promise<Erased[]> {
  const byAgency = new Map<string, { conversationIds: string[]; caseIds: string[] }>();
  const group = (agencyId: string) => byAgency.get(agencyId) ?? byAgency.set(agencyId, { conversationIds: [], caseIds: [] }).get(agencyId)!;
  for (const c of what.conversations) group(c.agencyId).conversationIds.push(c.id);
  for (const k of what.cases) group(k.agencyId).caseIds.push(k.id);
  const erased: Erased[] = [];
  for (const [agencyId, target] of byAgency) {
    const rows = await eraseRecords(tx, target);
    await tx.insert(erasures).values({ kind: what.kind, agencyId, actorId: what.actorId, ...rows });
    erased.push({ agencyId, conversationIds: rows.conversationIds, caseIds: rows.caseIds, counts: rows.counts });
  }
  return erased;
}
