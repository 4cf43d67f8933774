/**
 * Who may do what, from one table: every staff route and every staff socket room × role
 * (counsellor, supervisor, admin, operator) × whose data (the staff member's own agency, another
 * agency). Allowed answers its success status; refused answers 403 (role) or 404 (another
 * agency's id: it cannot even be confirmed to exist); another agency's case referred to us or
 * shared with us through a 支援会議 is read (200) but never changed (403); a list never shows
 * another agency's rows; nobody signed in gets 401; every allowed answer fits its documented
 * schema (the contract views). A staff route in the OpenAPI document without a row here fails
 * the coverage test. Over 300 lines: the one table needs its fixtures beside it to be read.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Socket } from 'socket.io-client';
import { alerts, cases as casesTable, conversations, messages } from '../../src/db/schema';
import { addAgency } from '../../src/agencies/add-agency';
import { addStaff } from '../../src/staff/add-staff';
import { addTeam } from '../../src/teams/teams';
import { addCanned } from '../../src/canned/add-canned';
import { buildOpenApiDocument } from '../../src/server/openapi';
import { presentConversation } from '../../src/presenters/conversation';
import { presentAlert } from '../../src/presenters/alert';
import { as, connectStaffSocket, eventually, login, staffFetch, startTestApp, waitForEvent, type TestApp } from '../helpers/app';
import { testDatabases } from '../helpers/databases';
import { z } from 'zod';
import { meResponse } from '../../src/server/routes/auth/schema';
import { conversationView, listConsentsResponse, listConversationsResponse, listStaffMessagesResponse, noteView } from '../../src/server/routes/conversations/schema';
import { alertResponse, listAlertsResponse } from '../../src/server/routes/alerts/schema';
import { listAuditResponse } from '../../src/server/routes/audit/schema';
import { cannedResponse, listCannedResponse } from '../../src/server/routes/canned/schema';
import { listColleaguesResponse } from '../../src/server/routes/staff/schema';
import { shiftResponse } from '../../src/server/routes/shift/schema';
import { listTeamsResponse } from '../../src/server/routes/teams/schema';
import { openWidgetSession, widgetSend } from '../helpers/widget';
import type { SessionStaff } from '../../src/auth/sessions';
import { seedConversation } from '../helpers/cases';
import { openCase } from '../../src/cases/open-case';
import { referCase } from '../../src/cases/refer';
import { holdMeeting } from '../../src/cases/hold-meeting';
import { scheduleFollowUp } from '../../src/cases/follow-ups';
import { referralSheetView } from '../../src/contracts';
import {
  caseDetailResponse,
  caseResponse,
  followUpResponse,
  followUpsResponse,
  listCasesResponse,
  meetingsResponse,
  participationResponse,
  participationsResponse,
  planResponse,
  plansResponse,
  referralResponse,
} from '../../src/server/routes/cases/schema';
import { listReferralsResponse } from '../../src/server/routes/referrals/referrals';
import { directoryResponse } from '../../src/server/routes/agencies/agencies';
import { meetingView } from '../../src/contracts';
import { monthlyReportResponse } from '../../src/server/routes/reports/schema';
import { erasePersonResponse, personExportResponse } from '../../src/server/routes/person-data/schema';

type Role = 'counsellor' | 'supervisor' | 'admin' | 'operator';
const ROLES: Role[] = ['counsellor', 'supervisor', 'admin', 'operator'];
type Expect = Record<Role, number>;

/** Ids of one agency's data the routes name. */
interface Ids {
  conversation: string;
  alert: string;
  outbound: string;
  canned: string;
  /** A 定型文 id that names nothing of this agency (deleting it answers 404 past every check). */
  cannedGone: string;
  /** A case (with the person's share consent), a meeting on it, a follow-up, a referral it sent. */
  case: string;
  /** A conversation of the agency with the share consent `yes`, linked to its cases. */
  caseConversation: string;
  meeting: string;
  followUp: string;
  referralSent: string;
  /** Per role, a case at intake of its own: moving and referring change it, so no role sees another's move. */
  caseFor: Record<Role, string>;
  /** Per role, a referral waiting for this agency's answer (accepting or returning answers it once). */
  referralToAccept: Record<Role, string>;
  referralToReturn: Record<Role, string>;
  /** A conversation of its own for the erase row: erasing takes the person's data away. */
  erasable: string;
}

/** Every agency role may; the system operator sees no consultation data. */
const inbox = (ok: number): Expect => ({ counsellor: ok, supervisor: ok, admin: ok, operator: 403 });
/** Supervisors and admins only. */
const supervisors = (ok: number): Expect => ({ counsellor: 403, supervisor: ok, admin: ok, operator: 403 });
/** Admins only. */
const admins = (ok: number): Expect => ({ counsellor: 403, supervisor: 403, admin: ok, operator: 403 });
/** Another agency's id: not found for agency staff (the operator is refused before looking). */
const hidden: Expect = { counsellor: 404, supervisor: 404, admin: 404, operator: 403 };

interface RouteRow {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** The path as the OpenAPI document names it (`{id}`). */
  route: string;
  /** The id this route names, from the agency whose data is used (some per role: see Ids). */
  id?: (ids: Ids, role: Role) => string;
  /** The query string (`{id}`: the row's id). */
  query?: string;
  body?: (me: { id: string }, ids: Ids) => unknown;
  own: Expect;
  /** The documented answer (src/contracts views via the route's schema.ts): every 2xx body must fit it. */
  answer?: z.ZodType;
  /** The same request naming another agency's data; lists instead must not contain it. */
  other?: Expect;
  /**
   * The same request naming another agency's case that was referred to this agency (waiting for
   * its answer) and shared with it through a 支援会議: it may read (200), never change (403).
   */
  shared?: Expect;
}

const conv = (ids: Ids) => ids.conversation;
const oneConversation = z.object({ conversation: conversationView });
const theCase = (ids: Ids) => ids.case;
/** A case another agency referred or shared: read, never changed. */
const readOnly: Expect = { counsellor: 403, supervisor: 403, admin: 403, operator: 403 };
const readable = inbox(200);
const ROUTES: RouteRow[] = [
  { method: 'GET', route: '/api/auth/me', answer: meResponse, own: { counsellor: 200, supervisor: 200, admin: 200, operator: 200 } },
  { method: 'GET', route: '/api/conversations', answer: listConversationsResponse, own: inbox(200) },
  { method: 'POST', route: '/api/conversations/bulk-assign', id: conv, body: (me) => ({ conversationIds: ['{id}'], staffId: me.id }), answer: listConversationsResponse, own: supervisors(200), other: { ...hidden, counsellor: 403 } },
  { method: 'GET', route: '/api/conversations/{id}', id: conv, answer: oneConversation, own: inbox(200), other: hidden },
  { method: 'PATCH', route: '/api/conversations/{id}', id: conv, body: () => ({ urgency: 'high' }), answer: oneConversation, own: inbox(200), other: hidden },
  { method: 'POST', route: '/api/conversations/{id}/assign', id: conv, body: (me) => ({ staffId: me.id }), answer: oneConversation, own: inbox(200), other: hidden },
  { method: 'GET', route: '/api/conversations/{id}/messages', id: conv, answer: listStaffMessagesResponse, own: inbox(200), other: hidden },
  { method: 'POST', route: '/api/conversations/{id}/read', id: conv, own: inbox(204), other: hidden },
  { method: 'POST', route: '/api/conversations/{id}/replies', id: conv, body: () => ({ text: 'お話を聞かせてください' }), own: inbox(202), other: hidden },
  { method: 'GET', route: '/api/conversations/{id}/notes', id: conv, answer: z.object({ notes: z.array(noteView) }), own: inbox(200), other: hidden },
  { method: 'POST', route: '/api/conversations/{id}/notes', id: conv, body: () => ({ text: '確認済み' }), answer: z.object({ note: noteView }), own: inbox(201), other: hidden },
  { method: 'GET', route: '/api/conversations/{id}/consents', id: conv, answer: listConsentsResponse, own: inbox(200), other: hidden },
  { method: 'POST', route: '/api/conversations/{id}/consents', id: conv, body: () => ({ scope: 'share', answer: 'later' }), own: inbox(201), other: hidden },
  // Only a failed delivery can be retried: 409 shows the request got past every check.
  { method: 'POST', route: '/api/messages/{id}/retry', id: (ids) => ids.outbound, own: inbox(409), other: hidden },
  { method: 'GET', route: '/api/alerts', answer: listAlertsResponse, own: inbox(200) },
  { method: 'POST', route: '/api/alerts/{id}/ack', id: (ids) => ids.alert, answer: alertResponse, own: inbox(200), other: hidden },
  { method: 'GET', route: '/api/audit', answer: listAuditResponse, own: supervisors(200) },
  { method: 'GET', route: '/api/canned-replies', answer: listCannedResponse, own: inbox(200) },
  { method: 'POST', route: '/api/canned-replies', body: () => ({ title: `定型 ${randomUUID().slice(0, 6)}`, text: 'ご相談ありがとうございます' }), answer: cannedResponse, own: supervisors(201) },
  { method: 'PATCH', route: '/api/canned-replies/{id}', id: (ids) => ids.canned, body: () => ({ title: '定型 改', text: '改めました' }), answer: cannedResponse, own: supervisors(200), other: { ...hidden, counsellor: 403 } },
  // Deleting: the own id names nothing, so 404 shows the request got past the role check.
  { method: 'DELETE', route: '/api/canned-replies/{id}', id: (ids) => ids.cannedGone, own: supervisors(404), other: { ...hidden, counsellor: 403 } },
  { method: 'GET', route: '/api/staff', answer: listColleaguesResponse, own: inbox(200) },
  { method: 'GET', route: '/api/shift', answer: shiftResponse, own: supervisors(200) },
  { method: 'GET', route: '/api/teams', answer: listTeamsResponse, own: inbox(200) },
  // Cases (issue 12). Another agency's case is 404; one referred or shared with us is read only.
  { method: 'POST', route: '/api/cases', id: (ids) => ids.caseConversation, body: () => ({ conversationIds: ['{id}'], person: { description: '権限テストの方' } }), answer: caseResponse, own: inbox(201), other: hidden },
  { method: 'GET', route: '/api/cases', answer: listCasesResponse, own: inbox(200) },
  { method: 'GET', route: '/api/cases/{id}', id: theCase, answer: caseDetailResponse, own: inbox(200), other: hidden, shared: readable },
  { method: 'PATCH', route: '/api/cases/{id}', id: theCase, body: () => ({ person: { description: '権限テストの方' }, household: { members: [{ relationship: 'self', needs: [] }] } }), answer: caseDetailResponse, own: inbox(200), other: hidden, shared: readOnly },
  { method: 'POST', route: '/api/cases/{id}/conversations', id: theCase, body: (_me, ids) => ({ conversationId: ids.caseConversation }), answer: caseDetailResponse, own: inbox(200), other: hidden, shared: readOnly },
  { method: 'POST', route: '/api/cases/{id}/transitions', id: (ids, role) => ids.caseFor[role], body: () => ({ to: 'assessment' }), answer: caseDetailResponse, own: inbox(200), other: hidden, shared: readOnly },
  { method: 'POST', route: '/api/cases/{id}/referrals', id: (ids, role) => ids.caseFor[role], body: () => ({ toAgency: 'third', summary: '権限テストのつなぎ' }), answer: referralResponse, own: inbox(201), other: hidden, shared: readOnly },
  { method: 'GET', route: '/api/cases/{id}/plans', id: theCase, answer: plansResponse, own: inbox(200), other: hidden, shared: readable },
  { method: 'POST', route: '/api/cases/{id}/plans', id: theCase, body: (_me, ids) => ({ meetingId: ids.meeting, goals: ['生活の立て直し'], actions: [{ text: '家計相談', ownerAgency: 'intake' }] }), answer: planResponse, own: inbox(201), other: hidden, shared: readOnly },
  { method: 'GET', route: '/api/cases/{id}/follow-ups', id: theCase, answer: followUpsResponse, own: inbox(200), other: hidden, shared: readable },
  { method: 'POST', route: '/api/cases/{id}/follow-ups', id: theCase, body: () => ({ kind: 'call', dueAt: new Date(Date.now() + 86_400_000).toISOString() }), answer: followUpResponse, own: inbox(201), other: hidden, shared: readOnly },
  { method: 'GET', route: '/api/cases/{id}/participations', id: theCase, answer: participationsResponse, own: inbox(200), other: hidden, shared: readable },
  { method: 'POST', route: '/api/cases/{id}/participations', id: theCase, body: () => ({ kind: 'activity', name: '地域の居場所' }), answer: participationResponse, own: inbox(201), other: hidden, shared: readOnly },
  { method: 'GET', route: '/api/cases/{id}/meetings', id: theCase, answer: meetingsResponse, own: inbox(200), other: hidden, shared: readable },
  { method: 'GET', route: '/api/agencies', answer: directoryResponse, own: inbox(200) },
  { method: 'POST', route: '/api/agencies', body: () => ({ code: 'matrix-added', name: '権限テストの機関', field: 'general' }), own: { counsellor: 403, supervisor: 403, admin: 201, operator: 403 } },
  { method: 'GET', route: '/api/referrals', answer: listReferralsResponse, own: inbox(200) },
  // Another agency's referral between two other agencies; ours to answer are per role.
  { method: 'POST', route: '/api/referrals/{id}/accept', id: (ids, role) => ids.referralToAccept[role], answer: referralResponse, own: inbox(200), other: hidden },
  { method: 'POST', route: '/api/referrals/{id}/return', id: (ids, role) => ids.referralToReturn[role], body: () => ({ reason: '当機関の対象外のため' }), answer: referralResponse, own: inbox(200), other: hidden },
  { method: 'GET', route: '/api/referrals/{id}/sheet.json', id: (ids) => ids.referralSent, answer: z.object({ sheet: referralSheetView }), own: inbox(200), other: hidden },
  { method: 'GET', route: '/api/referrals/{id}/sheet.pdf', id: (ids) => ids.referralSent, own: inbox(200), other: hidden },
  { method: 'POST', route: '/api/meetings', id: theCase, body: (me) => ({ kind: 'jusou', date: '2026-12-01', participants: [{ staffId: me.id }], caseIds: ['{id}'] }), answer: z.object({ meeting: meetingView }), own: inbox(201), other: hidden, shared: readOnly },
  { method: 'GET', route: '/api/meetings/{id}', id: (ids) => ids.meeting, answer: z.object({ meeting: meetingView }), own: inbox(200), other: hidden, shared: readable },
  { method: 'GET', route: '/api/follow-ups', answer: followUpsResponse, own: inbox(200) },
  { method: 'POST', route: '/api/follow-ups/{id}/done', id: (ids) => ids.followUp, answer: followUpResponse, own: inbox(200), other: hidden },
  // Figures (supervisors; their agency's) and a person's data on request (admins, their agency's).
  { method: 'GET', route: '/api/reports/monthly', query: 'from=2026-11&to=2026-12', answer: monthlyReportResponse, own: supervisors(200) },
  { method: 'GET', route: '/api/person-data', id: conv, query: 'conversationId={id}', answer: personExportResponse, own: admins(200), other: { ...hidden, counsellor: 403, supervisor: 403 } },
  { method: 'POST', route: '/api/person-data/erase', id: (ids) => ids.erasable, body: () => ({ conversationId: '{id}', confirm: true }), answer: erasePersonResponse, own: admins(200), other: { ...hidden, counsellor: 403, supervisor: 403 } },
  { method: 'GET', route: '/admin/queues', own: { counsellor: 403, supervisor: 403, admin: 403, operator: 200 } },
];

/** Logging in and out: covered by their own tests (login throttle, staff-sessions). */
const NOT_STAFF_ROUTES = ['/api/auth/login', '/api/auth/logout'];

describe.each(testDatabases())('access matrix on %s', (db) => {
  let app: TestApp;
  const cookies = {} as Record<Role, string>;
  const staffIds = {} as Record<Role, string>;
  let own: Ids;
  let other: Ids;
  /** Our data, but naming another agency's case referred to us and a 支援会議 that shares one with us. */
  let shared: Ids;
  let notOurMeeting: string;
  /** Everything of the other agency that must never appear in a list of ours. */
  let otherAgencyIds: string[];

  const newConversation = async (agency?: string) => {
    const s = await openWidgetSession(app.url, agency ? { agency } : {});
    await widgetSend(app.url, s, '権限テスト 近所づきあいのことで相談です');
    const [inbound] = await eventually(async () => {
      const rows = await app.runtime.ctx.db.select().from(messages).where(eq(messages.conversationId, s.conversationId));
      return rows.length ? rows : null;
    });
    return inbound;
  };
  const alertFor = async (m: { id: string; conversationId: string; agencyId: string }) =>
    (await app.runtime.ctx.db.insert(alerts).values({ agencyId: m.agencyId, conversationId: m.conversationId, messageId: m.id, urgency: 'high', reasons: ['テスト'] }).returning())[0];

  beforeAll(async () => {
    app = await startTestApp({ db });
    const ctxDb = app.runtime.ctx.db;
    await addAgency(ctxDb, { code: 'other', name: '他の機関' });
    cookies.counsellor = app.staffCookie;
    staffIds.counsellor = app.staffId;
    for (const role of ['supervisor', 'admin', 'operator'] as const) {
      const email = `${role}${randomUUID().slice(0, 8)}@example.jp`;
      const s = await addStaff(ctxDb, { email, name: `${role} 権限`, password: 'matrix long password', role, agencyCode: 'intake' });
      staffIds[role] = s.id;
      cookies[role] = await login(app.url, email, 'matrix long password');
    }
    const theirEmail = `other${randomUUID().slice(0, 8)}@example.jp`;
    const theirs = await addStaff(ctxDb, { email: theirEmail, name: '他機関 相談員', password: 'matrix long password', role: 'supervisor', agencyCode: 'other' });
    const theirCookie = await login(app.url, theirEmail, 'matrix long password');

    const ownInbound = await newConversation();
    const otherInbound = await newConversation('other');
    expect(otherInbound.agencyId).not.toBe(ownInbound.agencyId);
    const reply = async (cookie: string, conversationId: string) =>
      ((await (await staffFetch(as(app, cookie), `/api/conversations/${conversationId}/replies`, { method: 'POST', body: JSON.stringify({ text: '準備' }) })).json()) as { messageId: string }).messageId;
    const team = await addTeam(ctxDb, { agencyCode: 'other', name: '他機関の班', memberEmails: [theirEmail] });
    const canned = await addCanned(ctxDb, { id: theirs.id, email: theirEmail, name: '他機関 相談員', role: 'supervisor', agencyId: otherInbound.agencyId }, { title: '他機関の定型文', text: '他機関' });
    const ownCanned = await addCanned(ctxDb, { id: staffIds.supervisor, email: 'sv@example.jp', name: '定型 作成', role: 'supervisor', agencyId: ownInbound.agencyId }, { title: '自機関の定型文', text: '自機関' });
    own = { conversation: ownInbound.conversationId, alert: (await alertFor(ownInbound)).id, outbound: await reply(cookies.counsellor, ownInbound.conversationId), canned: ownCanned.id, cannedGone: randomUUID() } as Ids;
    other = { conversation: otherInbound.conversationId, alert: (await alertFor(otherInbound)).id, outbound: await reply(theirCookie, otherInbound.conversationId), canned: canned.id, cannedGone: canned.id } as Ids;
    otherAgencyIds = [other.conversation, other.alert, other.outbound, theirs.id, team.id, canned.id, otherInbound.id];

    // Cases, through the real commands: each agency has a case with the person's share consent, a
    // 重層的支援会議 on it, a follow-up and a referral to a third agency; the other agency also
    // refers cases to us (to accept, to return, to read) and shares one through a 支援会議.
    const ctx = app.runtime.ctx;
    await addAgency(ctxDb, { code: 'third', name: '第三の機関' });
    const ours = (role: Role): SessionStaff => ({ id: staffIds[role], email: `${role}@example.jp`, name: role, role, agencyId: ownInbound.agencyId });
    const them: SessionStaff = { id: theirs.id, email: theirEmail, name: '他機関 相談員', role: 'supervisor', agencyId: otherInbound.agencyId };
    const caseRow = async (id: string) => (await ctxDb.select().from(casesTable).where(eq(casesTable.id, id)))[0];
    // The person's own conversation, with their consent to share (as the cases tests seed it).
    const consented = async (staff: SessionStaff) => (await seedConversation(app, { texts: ['生活のことで相談したいです'], share: 'yes', agencyId: staff.agencyId })).id;
    const date = '2026-12-01';
    const dueAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const caseData = async (staff: SessionStaff) => {
      const caseConversation = await consented(staff);
      const open = () => openCase(ctx, staff, { conversationIds: [caseConversation] });
      const id = await open();
      const meeting = await holdMeeting(ctx, staff, { kind: 'jusou', date, participants: [{ staffId: staff.id }], caseIds: [id], decisions: [] });
      const followUp = (await scheduleFollowUp(ctx, staff, await caseRow(id), { kind: 'visit', dueAt })).id;
      const referralSent = await referCase(ctx, staff, await caseRow(id), { toAgency: 'third', summary: '第三の機関へ' });
      return { caseConversation, open, case: id, meeting, followUp, referralSent };
    };
    const o = await caseData(ours('counsellor'));
    const t = await caseData(them);
    const toUs = async () => referCase(ctx, them, await caseRow(await t.open()), { toAgency: 'intake', summary: '貴機関へおつなぎします' });
    const perRole = async (make: () => Promise<string>, operator: string) =>
      ({ counsellor: await make(), supervisor: await make(), admin: await make(), operator }) as Record<Role, string>;
    Object.assign(own, {
      erasable: await consented(ours('admin')),
      case: o.case, caseConversation: o.caseConversation, meeting: o.meeting, followUp: o.followUp, referralSent: o.referralSent,
      caseFor: await perRole(o.open, o.case),
      // The operator is refused before anything is looked up: any id will do.
      referralToAccept: await perRole(toUs, o.referralSent),
      referralToReturn: await perRole(toUs, o.referralSent),
    });
    const all = (id: string) => ({ counsellor: id, supervisor: id, admin: id, operator: id });
    Object.assign(other, {
      erasable: await consented(them),
      case: t.case, caseConversation: t.caseConversation, meeting: t.meeting, followUp: t.followUp, referralSent: t.referralSent,
      caseFor: all(t.case), referralToAccept: all(t.referralSent), referralToReturn: all(t.referralSent),
    });
    // Referred to us and waiting for our answer; and another case shared with us only through a 支援会議.
    const referredCase = await t.open();
    await referCase(ctx, them, await caseRow(referredCase), { toAgency: 'intake', summary: '貴機関へおつなぎします' });
    const sharedMeeting = await holdMeeting(ctx, them, {
      kind: 'shien', date, decisions: [], caseIds: [await t.open()],
      participants: [{ staffId: theirs.id, confidentialityAcknowledged: true }, { agency: 'intake', confidentialityAcknowledged: true }],
    });
    shared = { ...own, case: referredCase, caseFor: all(referredCase), meeting: sharedMeeting };
    // A 支援会議 on the case referred to us that we take no part in: its 守秘義務 does not reach us.
    notOurMeeting = await holdMeeting(ctx, them, { kind: 'shien', date, decisions: [{ caseId: referredCase, text: '会議内でのみ共有する判断' }], caseIds: [referredCase], participants: [{ staffId: theirs.id, confidentialityAcknowledged: true }] });
    otherAgencyIds.push(t.case, t.meeting, t.followUp, t.referralSent);
  });
  afterAll(() => app?.close());

  const call = (row: RouteRow, role: Role | null, ids: Ids) => {
    const id = row.id?.(ids, role ?? 'counsellor') ?? '';
    const path = row.route.replace('{id}', id) + (row.query ? `?${row.query.replace('{id}', id)}` : '');
    const body = row.body ? JSON.stringify(row.body({ id: role ? staffIds[role] : randomUUID() }, ids)).replace('"{id}"', JSON.stringify(id)) : undefined;
    const headers: Record<string, string> = { 'content-type': 'application/json', origin: app.url };
    if (role) headers.cookie = cookies[role];
    return fetch(`${app.url}${path}`, { method: row.method, headers, body });
  };

  const cases = ROUTES.flatMap((row) => ROLES.map((role) => [`${row.method} ${row.route}`, role, row] as const));

  test.each(cases)('%s as %s: own agency as the table says; another agency refused or absent', async (_name, role, row) => {
    const res = await call(row, role, own);
    const text = await res.text();
    expect({ role, status: res.status }).toEqual({ role, status: row.own[role] });
    if (row.answer && res.status < 300) {
      const fits = row.answer.safeParse(JSON.parse(text));
      expect({ role, answerFitsContract: fits.success || fits.error.issues.slice(0, 3) }).toEqual({ role, answerFitsContract: true });
    }
    if (row.other) {
      const refused = await call(row, role, other);
      expect({ role, otherAgency: refused.status }).toEqual({ role, otherAgency: row.other[role] });
    }
    if (row.shared) {
      const res2 = await call(row, role, shared);
      expect({ role, sharedWithUs: res2.status }).toEqual({ role, sharedWithUs: row.shared[role] });
    } else if (res.status === 200) {
      // A list: nothing of the other agency in it.
      for (const id of otherAgencyIds) expect({ role, leaked: text.includes(id) }).toEqual({ role, leaked: false });
    }
  });

  test.each(ROUTES.filter((r) => r.route !== '/admin/queues').map((r) => [`${r.method} ${r.route}`, r] as const))('%s with nobody signed in: 401', async (_name, row) => {
    expect((await call(row, null, own)).status).toBe(401);
  });

  test('the table covers every staff route of the OpenAPI document', () => {
    const documented = Object.entries(buildOpenApiDocument().paths ?? {}).flatMap(([p, ops]) =>
      Object.entries(ops as Record<string, { security?: Record<string, unknown>[] }>)
        .filter(([, op]) => op.security?.some((s) => 'staffCookie' in s))
        .map(([m]) => `${m.toUpperCase()} ${p}`),
    );
    expect(documented.length).toBeGreaterThan(15);
    const covered = new Set(ROUTES.map((r) => `${r.method} ${r.route}`));
    expect(documented.filter((r) => !covered.has(r) && !NOT_STAFF_ROUTES.some((p) => r.endsWith(` ${p}`)))).toEqual([]);
  });

  test.each(['counsellor', 'supervisor', 'admin'] as const)('a case referred to us: a meeting on it we take no part in is hidden from %s, alone and in the case\'s list', async (role) => {
    const alone = await call({ method: 'GET', route: '/api/meetings/{id}', id: () => notOurMeeting, own: inbox(404) }, role, shared);
    const list = await call({ method: 'GET', route: '/api/cases/{id}/meetings', id: (ids) => ids.case, own: inbox(200) }, role, shared);
    expect({ alone: alone.status, list: list.status }).toEqual({ alone: 404, list: 200 });
    const text = await list.text();
    expect({ role, listed: text.includes(notOurMeeting), decision: text.includes('会議内でのみ共有する判断') }).toEqual({ role, listed: false, decision: false });
  });

  describe('socket rooms', () => {
    const sockets = {} as Record<Exclude<Role, 'operator'>, Socket>;
    const agencyRoles = ['counsellor', 'supervisor', 'admin'] as const;
    afterAll(() => Object.values(sockets).forEach((s) => s.disconnect()));

    test('the operator is refused the staff socket (no room at all); agency roles connect', async () => {
      await expect(connectStaffSocket(as(app, cookies.operator))).rejects.toThrow('forbidden');
      for (const role of agencyRoles) sockets[role] = await connectStaffSocket(as(app, cookies[role]));
    });

    // Each row: what is published, and which roles of our agency receive it. Another agency's
    // event is published first; our marker after it on the same Redis connection arrives later,
    // so by then anything leaked would have arrived.
    const ROOMS = [
      { room: 'agency', event: 'conversation:updated', receivers: agencyRoles },
      { room: 'supervisors', event: 'alert:escalated', receivers: ['supervisor', 'admin'] },
    ] as const;

    test.each(ROOMS.map((r) => [r.room, r] as const))('room %s: our agency\'s roles as the table says; never another agency\'s', async (_room, row) => {
      const [ownRow] = await app.runtime.ctx.db.select().from(conversations).where(eq(conversations.id, own.conversation));
      const [otherRow] = await app.runtime.ctx.db.select().from(conversations).where(eq(conversations.id, other.conversation));
      const [ownAlert] = await app.runtime.ctx.db.select().from(alerts).where(eq(alerts.id, own.alert));
      const [otherAlert] = await app.runtime.ctx.db.select().from(alerts).where(eq(alerts.id, other.alert));
      const got: Record<string, string[]> = { counsellor: [], supervisor: [], admin: [] };
      const listeners = agencyRoles.map((role) => {
        const fn = (p: { conversation?: { id: string }; id?: string }) => got[role].push(p.conversation?.id ?? p.id ?? '');
        sockets[role].on(row.event, fn);
        return () => sockets[role].off(row.event, fn);
      });
      const markerId = randomUUID();
      const marker = agencyRoles.map((role) => waitForEvent(sockets[role], 'alert:crisis', (p) => p.id === markerId));
      const publisher = app.runtime.ctx.publisher;
      if (row.room === 'agency') {
        publisher.conversationUpdated(presentConversation(otherRow));
        publisher.conversationUpdated(presentConversation(ownRow));
      } else {
        publisher.alertEscalated(otherRow.agencyId, presentAlert(otherAlert));
        publisher.alertEscalated(ownRow.agencyId, presentAlert(ownAlert));
      }
      // The marker: another event to our agency's room, published last.
      publisher.alertCrisis(ownRow.agencyId, { ...presentAlert(ownAlert), id: markerId });
      await Promise.all(marker);
      listeners.forEach((off) => off());
      const ownId = row.room === 'agency' ? own.conversation : own.alert;
      for (const role of agencyRoles) {
        const expected = (row.receivers as readonly string[]).includes(role) ? [ownId] : [];
        expect({ role, received: [...new Set(got[role])] }).toEqual({ role, received: expected });
      }
    });

    test('rooms per account: ending another account\'s sockets leaves ours; ending ours cuts only ours', async () => {
      const publisher = app.runtime.ctx.publisher;
      const cut = new Promise<void>((resolve) => sockets.counsellor.once('disconnect', () => resolve()));
      publisher.endStaffSockets(randomUUID());
      publisher.endStaffSockets(staffIds.counsellor);
      await cut;
      expect(sockets.supervisor.connected && sockets.admin.connected).toBe(true);
    });
  });
});
