/**
 * 開示請求: everything held about one person, as one JSON document — their contact records, each
 * conversation with its messages, consents, safety questions, alerts, triage corrections and
 * internal notes, and the cases holding those conversations with household, stage history,
 * referrals, plans, follow-ups and participation. Delivery internals (reply tokens, retry keys)
 * are left out: they are not about the person. Conversations of other people in the same case
 * (a neighbour's report) are named by id only.
 */
import { asc, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import {
  alerts,
  caseConversations,
  cases,
  caseTransitions,
  consents,
  contacts,
  conversations,
  corrections,
  followUps,
  householdMembers,
  messages,
  notes,
  participations,
  plans,
  referrals,
  safetyChecks,
} from '../db/schema';
import type { PersonRecords } from './find-person';

const groupBy = <T, K extends keyof T>(rows: T[], key: K) => {
  const m = new Map<T[K], Omit<T, K>[]>();
  for (const r of rows) {
    const { [key]: k, ...rest } = r;
    if (!m.has(k)) m.set(k, []);
    m.get(k)!.push(rest);
  }
  return (k: T[K]) => m.get(k) ?? [];
};

export async function exportPerson(db: Db, person: PersonRecords, exportedBy: { id: string; name: string }) {
  const convIds = person.conversationIds;
  const caseIds = person.cases.map((k) => k.id);
  const some = <T>(ids: string[], q: () => Promise<T[]>) => (ids.length ? q() : Promise.resolve([] as T[]));
  const [contactRows, convRows, messageRows, consentRows, safetyRows, alertRows, correctionRows, noteRows] = await Promise.all([
    db.select({ id: contacts.id, channel: contacts.channel, externalId: contacts.externalId, lang: contacts.lang, createdAt: contacts.createdAt }).from(contacts).where(inArray(contacts.id, [person.contactId])),
    some(convIds, () => db.select().from(conversations).where(inArray(conversations.id, convIds)).orderBy(asc(conversations.createdAt))),
    some(convIds, () =>
      db
        .select({ conversationId: messages.conversationId, id: messages.id, direction: messages.direction, authorType: messages.authorType, kind: messages.kind, text: messages.text, createdAt: messages.createdAt, deliveredAt: messages.deliveredAt })
        .from(messages)
        .where(inArray(messages.conversationId, convIds))
        .orderBy(asc(messages.seq)),
    ),
    some(convIds, () => db.select().from(consents).where(inArray(consents.conversationId, convIds)).orderBy(asc(consents.id))),
    some(convIds, () => db.select().from(safetyChecks).where(inArray(safetyChecks.conversationId, convIds)).orderBy(asc(safetyChecks.id))),
    some(convIds, () => db.select().from(alerts).where(inArray(alerts.conversationId, convIds)).orderBy(asc(alerts.createdAt))),
    some(convIds, () => db.select().from(corrections).where(inArray(corrections.conversationId, convIds)).orderBy(asc(corrections.id))),
    some(convIds, () => db.select().from(notes).where(inArray(notes.conversationId, convIds)).orderBy(asc(notes.createdAt))),
  ]);
  const [caseRows, links, members, transitions, referralRows, planRows, followUpRows, participationRows] = await Promise.all([
    some(caseIds, () => db.select().from(cases).where(inArray(cases.id, caseIds))),
    some(caseIds, () => db.select().from(caseConversations).where(inArray(caseConversations.caseId, caseIds))),
    some(caseIds, () => db.select().from(householdMembers).where(inArray(householdMembers.caseId, caseIds))),
    some(caseIds, () => db.select().from(caseTransitions).where(inArray(caseTransitions.caseId, caseIds)).orderBy(asc(caseTransitions.id))),
    some(caseIds, () => db.select().from(referrals).where(inArray(referrals.caseId, caseIds)).orderBy(asc(referrals.sentAt))),
    some(caseIds, () => db.select().from(plans).where(inArray(plans.caseId, caseIds)).orderBy(asc(plans.version))),
    some(caseIds, () => db.select().from(followUps).where(inArray(followUps.caseId, caseIds)).orderBy(asc(followUps.dueAt))),
    some(caseIds, () => db.select().from(participations).where(inArray(participations.caseId, caseIds))),
  ]);
  const of = {
    messages: groupBy(messageRows, 'conversationId'),
    consents: groupBy(consentRows, 'conversationId'),
    safetyChecks: groupBy(safetyRows, 'conversationId'),
    alerts: groupBy(alertRows, 'conversationId'),
    corrections: groupBy(correctionRows, 'conversationId'),
    notes: groupBy(noteRows, 'conversationId'),
    links: groupBy(links, 'caseId'),
    household: groupBy(members, 'caseId'),
    transitions: groupBy(transitions, 'caseId'),
    referrals: groupBy(referralRows, 'caseId'),
    plans: groupBy(planRows, 'caseId'),
    followUps: groupBy(followUpRows, 'caseId'),
    participations: groupBy(participationRows, 'caseId'),
  };
  return {
    exportedAt: new Date().toISOString(),
    exportedBy,
    contacts: contactRows,
    conversations: convRows.map(({ dialogue: _bot, isEmergency: _e, lane: _l, unread: _u, ...c }) => ({
      ...c,
      messages: of.messages(c.id),
      consents: of.consents(c.id),
      safetyChecks: of.safetyChecks(c.id),
      alerts: of.alerts(c.id),
      corrections: of.corrections(c.id),
      notes: of.notes(c.id),
    })),
    cases: caseRows.map((k) => ({
      ...k,
      conversationIds: of.links(k.id).map((l) => l.conversationId),
      household: of.household(k.id),
      transitions: of.transitions(k.id),
      referrals: of.referrals(k.id),
      plans: of.plans(k.id),
      followUps: of.followUps(k.id),
      participations: of.participations(k.id),
    })),
  };
}
export type PersonExport = Awaited<ReturnType<typeof exportPerson>>;
