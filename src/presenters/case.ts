/**
 * Case views for one viewer. Another agency never learns who reported (subject and anonymity are
 * null) and reads the person's own words only while the share consent stands at `yes`.
 */
import type { SessionStaff } from '../auth/sessions';
import { CATEGORIES, type Category } from '../contracts/enums';
import type { CaseAccess, CaseDetailView, CaseHistoryEntry, CaseTimelineItem, CaseView, HouseholdView } from '../contracts';
import { mayEditCase, mayKnowReporter, mayReadTexts } from '../policies/case';
import { nextStages } from '../cases/stages';
import type { CaseBundle } from '../cases/load-case';

type Member = CaseBundle['members'][number];

/** Household patterns the inbox highlights: 8050, ダブルケア, ヤングケアラー. */
export function householdPatterns(members: Member[]): HouseholdView['patterns'] {
  const needs = (m: Member) => m.needs as string[];
  const elderly = (m: Member) => m.ageBand === '75plus' || m.ageBand === '65-74' || needs(m).includes('elderly');
  const child = (m: Member) => m.ageBand === 'under18' || needs(m).includes('child');
  const patterns: HouseholdView['patterns'] = [];
  if (members.some((m) => needs(m).includes('8050')) || (members.some(elderly) && members.some((m) => needs(m).includes('hikikomori')))) patterns.push('8050');
  const carers = members.filter((m) => needs(m).includes('carer'));
  if (carers.some((m) => m.ageBand !== 'under18') && members.some(elderly) && members.some((m) => child(m) && !needs(m).includes('carer'))) patterns.push('double_care');
  if (carers.some((m) => m.ageBand === 'under18')) patterns.push('young_carer');
  return patterns;
}

export const presentHistory = (h: CaseBundle['history'][number]): CaseHistoryEntry => ({
  from: h.fromStage,
  to: h.toStage,
  by: h.byStaffId,
  byName: h.byName,
  at: h.at.toISOString(),
  reason: h.reason,
  meetingId: h.meetingId,
});

export const presentHousehold = (members: Member[]): HouseholdView => ({
  members: members.map((m) => ({ id: m.id, relationship: m.relationship, name: m.name, description: m.description, ageBand: m.ageBand, needs: m.needs })),
  patterns: householdPatterns(members),
});

/** The needs of the case: triage's categories of its conversations and the household members' needs. */
export const caseNeeds = (b: CaseBundle): Category[] => {
  const all = new Set<string>([...b.conversations.flatMap((c) => c.categories), ...b.members.flatMap((m) => m.needs)]);
  return CATEGORIES.filter((c) => all.has(c));
};

export function presentCase(b: CaseBundle, access: CaseAccess): CaseView {
  const r = b.row;
  return {
    id: r.id,
    number: r.number,
    stage: r.stage,
    agencyId: r.agencyId,
    conversationIds: b.conversations.map((c) => c.id),
    person: { name: r.personName, description: r.personDescription, ageBand: r.personAgeBand, addressArea: r.personArea },
    household: presentHousehold(b.members),
    needs: caseNeeds(b),
    shareConsent: b.consent.share,
    access,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** The conversations whose texts this viewer reads (the query loads only their messages). */
export const readableConversations = (b: CaseBundle, staff: SessionStaff) => b.conversations.filter((c) => mayReadTexts(staff, c, b.consent.share)).map((c) => c.id);

export function presentCaseDetail(
  b: CaseBundle,
  staff: SessionStaff,
  access: CaseAccess,
  msgs: { id: string; conversationId: string; direction: 'in' | 'out'; authorType: 'person' | 'bot' | 'staff'; text: string; createdAt: Date }[],
): CaseDetailView {
  const readable = new Set(readableConversations(b, staff));
  const history = b.history.map(presentHistory);
  const timeline: CaseTimelineItem[] = [
    ...history.map((entry): CaseTimelineItem => ({ type: 'transition', at: entry.at, entry })),
    ...msgs
      .filter((m) => readable.has(m.conversationId))
      .map((m): CaseTimelineItem => ({
        type: 'message',
        at: m.createdAt.toISOString(),
        conversationId: m.conversationId,
        messageId: m.id,
        direction: m.direction,
        authorType: m.authorType,
        text: m.text,
      })),
  ].sort((x, y) => x.at.localeCompare(y.at));
  return {
    ...presentCase(b, access),
    history,
    timeline,
    conversations: b.conversations.map((c) => {
      const known = mayKnowReporter(staff, c.agencyId);
      return { id: c.id, channel: c.channel, subject: known ? c.subject : null, anonymous: known ? c.anonymous : null };
    }),
    nextStages: mayEditCase(access) ? nextStages(b.row.stage) : [],
    canEdit: mayEditCase(access),
    textsVisible: readable.size > 0,
  };
}
