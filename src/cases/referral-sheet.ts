/**
 * つなぐシート: person, household, the needs (triage's categories and the household's), the
 * person's own words quoted by the counsellor, what has been done, urgency, consent, the contact
 * person. Built for one viewer: the quotes are left out for an agency that may not read the texts
 * (no share consent now, or a reporter's words), and the sheet says so.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { cases, messages, staff as staffTable } from '../db/schema';
import type { SessionStaff } from '../auth/sessions';
import type { ReferralSheetView } from '../contracts';
import { mayReadTexts } from '../policies/case';
import { caseNeeds, presentHistory, presentHousehold } from '../presenters/case';
import { agencyById } from '../agencies/directory';
import { loadCaseBundle } from './load-case';
import type { ReferralRecord } from './referrals';

export async function buildReferralSheet(db: Db, viewer: SessionStaff, record: ReferralRecord): Promise<ReferralSheetView> {
  const { ref } = record;
  const [row] = await db.select().from(cases).where(eq(cases.id, ref.caseId));
  const bundle = await loadCaseBundle(db, row);
  const readable = new Set(bundle.conversations.filter((c) => mayReadTexts(viewer, c, bundle.consent.share)).map((c) => c.id));
  const quoted = ref.quotes.length
    ? await db
        .select({ conversationId: messages.conversationId, text: messages.text, at: messages.createdAt })
        .from(messages)
        .where(inArray(messages.id, ref.quotes))
        .orderBy(asc(messages.createdAt))
    : [];
  const [sender] = ref.sentBy ? await db.select({ name: staffTable.name }).from(staffTable).where(eq(staffTable.id, ref.sentBy)) : [];
  const from = await agencyById(db, ref.fromAgencyId);
  const shown = quoted.filter((q) => readable.has(q.conversationId));
  return {
    referralId: ref.id,
    caseNumber: record.caseNumber,
    state: ref.state,
    fromAgency: { ...record.from, phone: from?.phone ?? null },
    toAgency: record.to,
    contactPerson: sender?.name ?? null,
    sentAt: ref.sentAt.toISOString(),
    urgency: ref.urgency,
    person: { name: row.personName, description: row.personDescription, ageBand: row.personAgeBand, addressArea: row.personArea },
    household: presentHousehold(bundle.members),
    needs: caseNeeds(bundle),
    quotes: shown.map((q) => ({ at: q.at.toISOString(), text: q.text })),
    quotesWithheld: shown.length < quoted.length,
    summary: ref.summary,
    done: bundle.history.map(presentHistory),
    consent: { ...(ref.consentSnapshot as ReferralSheetView['consent']), now: bundle.consent.share },
    meetingId: ref.meetingId,
  };
}
