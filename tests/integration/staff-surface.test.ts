/**
 * The staff surface from outside: every cookie-authenticated write refuses a cross-site request
 * (and changes nothing), audited reads refuse one too, security headers are in place, cookies
 * are Secure in production, and the system operator runs the queue dashboard — read-only, no
 * consultation content in it — while seeing no agency's data anywhere else.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { io as ioClient } from 'socket.io-client';
import { agencies, auditLog, caseConversations, cases, caseTransitions, consents, conversations, followUps, meetings, messages, notes, participations, plans, referrals } from '../../src/db/schema';
import { addStaff } from '../../src/staff/add-staff';
import { addAgency } from '../../src/agencies/add-agency';
import type { SessionStaff } from '../../src/auth/sessions';
import { openCase } from '../../src/cases/open-case';
import { referCase } from '../../src/cases/refer';
import { holdMeeting } from '../../src/cases/hold-meeting';
import { scheduleFollowUp } from '../../src/cases/follow-ups';
import { seedConversation } from '../helpers/cases';
import { addLoggedInStaff, as, connectStaffSocket, eventually, login, staffFetch, startTestApp, type TestApp } from '../helpers/app';

const ROUTES_DIR = path.resolve(__dirname, '../../src/server/routes');
/** Route folders whose routes are not cookie-authenticated (bearer token, LINE signature). */
const NOT_COOKIE = ['widget', 'webhooks'];

/** Every write route the staff API declares, read from the route files: a new one cannot be forgotten below. */
function declaredWrites(): string[] {
  const mounts: Record<string, string> = {
    auth: '/api/auth',
    conversations: '/api/conversations',
    messages: '/api/messages',
    canned: '/api/canned-replies',
    alerts: '/api/alerts',
    cases: '/api/cases',
    referrals: '/api/referrals',
    meetings: '/api/meetings',
    agencies: '/api/agencies',
    'follow-ups': '/api/follow-ups',
    'person-data': '/api/person-data',
    reports: '/api/reports',
  };
  const found: string[] = [];
  for (const dir of fs.readdirSync(ROUTES_DIR).filter((d) => !NOT_COOKIE.includes(d))) {
    for (const file of fs.readdirSync(path.join(ROUTES_DIR, dir))) {
      const src = fs.readFileSync(path.join(ROUTES_DIR, dir, file), 'utf8');
      for (const m of src.matchAll(/router\.(post|patch|put|delete)\(\s*'([^']+)'/g)) found.push(`${m[1].toUpperCase()} ${mounts[dir] ?? `?${dir}`}${m[2] === '/' ? '' : m[2]}`);
    }
  }
  return found.sort();
}

describe('the staff surface', () => {
  let app: TestApp;
  let supervisor: Awaited<ReturnType<typeof addLoggedInStaff>>;
  let conversationId: string;
  /** An admin may make every write (adding an agency too): a refusal is the CSRF check's alone. */
  let admin: Awaited<ReturnType<typeof addLoggedInStaff>>;
  /** Real case data the writes name, so a write that got through would change something. */
  const real = { case: '', meeting: '', followUp: '', referral: '' };

  beforeAll(async () => {
    app = await startTestApp({ db: 'pglite' });
    supervisor = await addLoggedInStaff(app, 'supervisor');
    const s = await (await fetch(`${app.url}/api/widget/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json();
    await fetch(`${app.url}/api/widget/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${s.sessionToken}` },
      body: JSON.stringify({ text: 'もう死にたい。子どもが虐待されている', clientMessageId: randomUUID() }),
    });
    conversationId = s.conversationId;
    // Nobody has the inbox open, so the crisis escalates at once: let its audit row land before counting.
    await eventually(async () => (await app.runtime.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'alert.escalate'))).length > 0, 30_000);

    const ctx = app.runtime.ctx;
    admin = await addLoggedInStaff(app, 'admin');
    const ourAgency = (await (await staffFetch(as(app, admin.cookie), '/api/auth/me')).json()).staff.agencyId as string;
    const me: SessionStaff = { id: admin.id, email: admin.email, name: admin.name, role: 'admin', agencyId: ourAgency };
    real.case = await openCase(ctx, me, { conversationIds: [conversationId] });
    const caseRow = async (id: string) => (await ctx.db.select().from(cases).where(eq(cases.id, id)))[0];
    real.meeting = await holdMeeting(ctx, me, { kind: 'shien', date: '2026-12-01', participants: [{ staffId: admin.id, confidentialityAcknowledged: true }], caseIds: [real.case], decisions: [] });
    real.followUp = (await scheduleFollowUp(ctx, me, await caseRow(real.case), { kind: 'call', dueAt: new Date(Date.now() + 86_400_000).toISOString() })).id;
    // A referral from another agency, waiting for our answer.
    const other = await addAgency(ctx.db, { code: 'other', name: '他の機関' });
    const theirs = await addStaff(ctx.db, { email: `o${randomUUID().slice(0, 8)}@example.jp`, name: '他機関', password: 'other long password', role: 'counsellor', agencyCode: 'other' });
    const them: SessionStaff = { id: theirs.id, email: 'o@example.jp', name: '他機関', role: 'counsellor', agencyId: other.id };
    const theirConversation = (await seedConversation(app, { texts: ['相談です'], share: 'yes', agencyId: other.id })).id;
    const theirCase = await openCase(ctx, them, { conversationIds: [theirConversation] });
    real.referral = await referCase(ctx, them, await caseRow(theirCase), { toAgency: 'intake', summary: 'おつなぎします' });
  });
  afterAll(() => app?.close());

  test('CSRF: every cookie-authenticated write refuses cross-site requests (Origin or Sec-Fetch-Site, scheme included) and changes nothing', async () => {
    const c = conversationId;
    const id = randomUUID();
    const writes: [string, unknown][] = [
      [`POST /api/auth/login`, { email: app.staffEmail, password: app.staffPassword }],
      [`POST /api/auth/logout`, {}],
      [`POST /api/conversations/bulk-assign`, { conversationIds: [c], staffId: null }],
      [`PATCH /api/conversations/${c}`, { status: 'closed' }],
      [`POST /api/conversations/${c}/assign`, { staffId: app.staffId }],
      [`POST /api/conversations/${c}/read`, {}],
      [`POST /api/conversations/${c}/replies`, { text: '別サイトからの返信' }],
      [`POST /api/conversations/${c}/notes`, { text: '別サイトからのメモ' }],
      [`POST /api/conversations/${c}/consents`, { scope: 'share', answer: 'withdrawn' }],
      [`POST /api/messages/${id}/retry`, {}],
      [`POST /api/canned-replies`, { title: 't', text: 'x' }],
      [`PATCH /api/canned-replies/${id}`, { title: 't', text: 'x' }],
      [`DELETE /api/canned-replies/${id}`, {}],
      [`POST /api/alerts/${id}/ack`, {}],
      [`POST /api/cases`, { conversationIds: [c] }],
      [`PATCH /api/cases/${real.case}`, { person: { name: '別サイトからの変更' } }],
      [`POST /api/cases/${real.case}/conversations`, { conversationId: c }],
      [`POST /api/cases/${real.case}/transitions`, { to: 'assessment' }],
      [`POST /api/cases/${real.case}/referrals`, { toAgency: 'other', summary: '別サイトからのつなぎ' }],
      [`POST /api/cases/${real.case}/plans`, { meetingId: real.meeting, goals: ['別サイト'], actions: [] }],
      [`POST /api/cases/${real.case}/follow-ups`, { kind: 'visit', dueAt: new Date(Date.now() + 86_400_000).toISOString() }],
      [`POST /api/cases/${real.case}/participations`, { kind: 'activity', name: '別サイト' }],
      [`POST /api/agencies`, { code: 'evil', name: '別サイトの機関', field: 'other' }],
      [`POST /api/referrals/${real.referral}/accept`, {}],
      [`POST /api/referrals/${real.referral}/return`, { reason: '別サイトから' }],
      [`POST /api/meetings`, { kind: 'shien', date: '2026-12-02', participants: [{ staffId: admin.id, confidentialityAcknowledged: true }], caseIds: [real.case] }],
      [`POST /api/follow-ups/${real.followUp}/done`, {}],
      [`POST /api/person-data/erase`, { conversationId: c, confirm: true }],
    ];
    const shape = (w: string) => [c, id, ...Object.values(real)].reduce((s, x) => s.replace(x, ':id'), w);
    expect(writes.map(([w]) => shape(w)).sort()).toEqual(declaredWrites());
    const count_ = async () => [
      (await app.runtime.ctx.db.select({ n: count() }).from(auditLog))[0].n,
      (await app.runtime.ctx.db.select({ n: count() }).from(notes))[0].n,
      (await app.runtime.ctx.db.select({ n: count() }).from(consents))[0].n,
      ...(await Promise.all([cases, caseConversations, caseTransitions, referrals, meetings, plans, followUps, participations, agencies, conversations, messages].map(async (t) => (await app.runtime.ctx.db.select({ n: count() }).from(t))[0].n))),
      // Answering, completing or moving changes a row in place.
      JSON.stringify(await app.runtime.ctx.db.select({ stage: cases.stage, agencyId: cases.agencyId }).from(cases)),
      JSON.stringify(await app.runtime.ctx.db.select({ state: referrals.state }).from(referrals)),
      JSON.stringify(await app.runtime.ctx.db.select({ doneAt: followUps.doneAt }).from(followUps)),
    ];
    const before = await count_();
    const variants: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: app.url.replace('http://', 'https://') }, // same host, other scheme
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      {}, // neither: not provably ours
    ];
    for (const [w, body] of writes) {
      const [method, p] = w.split(' ');
      for (const headers of variants) {
        const res = await fetch(`${app.url}${p}`, { method, headers: { 'content-type': 'application/json', cookie: admin.cookie, ...headers }, body: JSON.stringify(body) });
        expect({ w, headers, status: res.status }).toEqual({ w, headers, status: 403 });
        expect((await res.json()).error.code).toBe('cross_origin');
      }
    }
    expect(await count_()).toEqual(before);
    expect((await staffFetch(as(app, admin.cookie), '/api/auth/me')).status).toBe(200); // logout did not happen
  });

  test('audited reads (cases and つなぐシート too) refuse a request another site set off (link, image), and write no audit row', async () => {
    const before = (await app.runtime.ctx.db.select({ n: count() }).from(auditLog))[0].n;
    const c = `/api/cases/${real.case}`;
    const caseReads = ['/api/cases', c, `${c}/plans`, `${c}/follow-ups`, `${c}/participations`, `${c}/meetings`, `/api/meetings/${real.meeting}`, '/api/referrals', `/api/referrals/${real.referral}/sheet.json`, `/api/referrals/${real.referral}/sheet.pdf`, '/api/follow-ups', '/api/reports/monthly?from=2026-11&to=2026-12', `/api/person-data?conversationId=${conversationId}`];
    for (const p of ['/api/conversations', `/api/conversations/${conversationId}`, `/api/conversations/${conversationId}/messages`, `/api/conversations/${conversationId}/notes`, `/api/conversations/${conversationId}/consents`, '/api/audit', ...caseReads]) {
      for (const headers of [{ 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'none' }, { origin: 'https://evil.example' }] as Record<string, string>[]) {
        const res = await fetch(`${app.url}${p}`, { headers: { cookie: admin.cookie, ...headers } });
        expect({ p, headers, status: res.status }).toEqual({ p, headers, status: 403 });
      }
    }
    expect((await app.runtime.ctx.db.select({ n: count() }).from(auditLog))[0].n).toBe(before);
    for (const p of [`/api/conversations/${conversationId}/messages`, c, `/api/referrals/${real.referral}/sheet.pdf`]) {
      const ok = await fetch(`${app.url}${p}`, { headers: { cookie: admin.cookie, 'sec-fetch-site': 'same-origin' } });
      expect({ p, status: ok.status }).toEqual({ p, status: 200 });
    }
  });

  test('the staff socket refuses a handshake from another origin', async () => {
    const socket = ioClient(`${app.url}/staff`, { transports: ['websocket'], extraHeaders: { cookie: app.staffCookie, origin: 'https://evil.example' }, reconnection: false });
    await expect(new Promise((resolve, reject) => (socket.once('connect', () => resolve('connected')), socket.once('connect_error', reject)))).rejects.toThrow('cross_origin');
    socket.disconnect();
  });

  test('security headers on the inbox page and on the API', async () => {
    for (const p of ['/inbox', '/api/auth/me']) {
      const res = await fetch(`${app.url}${p}`, { headers: { cookie: app.staffCookie } });
      const h = res.headers;
      const csp = h.get('content-security-policy') ?? '';
      expect({ p, csp }).toEqual({ p, csp: expect.stringContaining("default-src 'self'") });
      for (const d of ["script-src 'self'", "object-src 'none'", "frame-ancestors 'self'", "base-uri 'self'", "form-action 'self'", "script-src-attr 'none'"]) expect(csp).toContain(d);
      expect(h.get('x-content-type-options')).toBe('nosniff');
      expect(h.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(h.get('referrer-policy')).toBe('no-referrer');
      expect(h.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
      expect(h.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(h.get('x-powered-by')).toBeNull();
    }
  });

  test('the system operator: the queue dashboard, read-only, without consultation content; no staff API, no socket, no inbox', async () => {
    const email = `op${randomUUID().slice(0, 8)}@example.jp`;
    await addStaff(app.runtime.ctx.db, { email, name: '運用 担当', password: 'operator long password', role: 'operator', agencyCode: 'intake' });
    const op = as(app, await login(app.url, email, 'operator long password'));
    expect((await (await staffFetch(op, '/api/auth/me')).json()).staff.role).toBe('operator');
    for (const p of ['/api/conversations', `/api/conversations/${conversationId}`, `/api/conversations/${conversationId}/messages`, '/api/alerts', '/api/audit', '/api/staff', '/api/shift', '/api/teams', '/api/canned-replies']) {
      expect({ p, status: (await staffFetch(op, p)).status }).toEqual({ p, status: 403 });
    }
    expect((await staffFetch(op, `/api/conversations/${conversationId}/notes`, { method: 'POST', body: JSON.stringify({ text: 'x' }) })).status).toBe(403);
    await expect(connectStaffSocket(op)).rejects.toThrow('forbidden');
    // Not a colleague: not listed, cannot be assigned work.
    const colleagues = await (await staffFetch(as(app, supervisor.cookie), '/api/staff')).json();
    expect(colleagues.staff.map((s: { name: string }) => s.name)).not.toContain('運用 担当');

    const page = await staffFetch(op, '/admin/queues');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('tsunagu queues');
    const completed = await eventually(async () => {
      const r = await (await staffFetch(op, '/admin/queues/api/queues?activeQueue=triage&status=completed&page=1&jobsPerPage=50')).json();
      const triage = r.queues.find((q: { name: string }) => q.name === 'triage');
      return triage?.jobs?.length ? r : null;
    });
    const triage = completed.queues.find((q: { name: string }) => q.name === 'triage');
    expect(triage.readOnlyMode).toBe(true);
    expect(triage.jobs[0].returnValue).toBe('(hidden)');
    expect(triage.jobs[0].data).toEqual({ messageId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    const all = JSON.stringify(completed);
    for (const word of ['emergency', 'suicide', 'abuse', '死にたい', '虐待']) expect({ word, found: all.includes(word) }).toEqual({ word, found: false });
    // Read-only: no pausing the triage of every agency.
    const pause = await staffFetch(op, '/admin/queues/api/queues/triage/pause', { method: 'PUT' });
    expect(pause.status).toBe(405);
    expect((await staffFetch(op, '/admin/queues/api/queues/pause', { method: 'PUT' })).status).toBe(200); // nothing writable: a no-op
    expect(await app.runtime.ctx.queues.triage.isPaused()).toBe(false);
    // Agency staff, even admins, do not get the dashboard.
    const admin = await addLoggedInStaff(app, 'admin');
    expect((await staffFetch(as(app, admin.cookie), '/admin/queues/api/queues')).status).toBe(403);
  });
});

describe('queue dashboard actions when allowed, and production cookies', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ db: 'pglite', env: { QUEUE_DASHBOARD_ACTIONS: 'true', NODE_ENV: 'production', SESSION_SECRET: 'p'.repeat(40) } });
  });
  afterAll(() => app?.close());

  test('QUEUE_DASHBOARD_ACTIONS=true lets the operator pause and resume; production cookies are Secure', async () => {
    const email = `op${randomUUID().slice(0, 8)}@example.jp`;
    await addStaff(app.runtime.ctx.db, { email, name: '運用', password: 'operator long password', role: 'operator', agencyCode: 'intake' });
    const res = await fetch(`${app.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: app.url }, body: JSON.stringify({ email, password: 'operator long password' }) });
    const [set] = res.headers.getSetCookie();
    expect(set).toMatch(/; HttpOnly; Secure; SameSite=Strict$/);
    const op = as(app, set.split(';')[0]);
    expect((await staffFetch(op, '/admin/queues/api/queues/triage/pause', { method: 'PUT' })).status).toBe(200);
    expect(await app.runtime.ctx.queues.triage.isPaused()).toBe(true);
    expect((await staffFetch(op, '/admin/queues/api/queues/triage/resume', { method: 'PUT' })).status).toBe(200);
    expect(await app.runtime.ctx.queues.triage.isPaused()).toBe(false);
  });
});
