/**
 * Over 300 lines on purpose: one seeded data set, and every table's expectations refer to it.
 *
 * Monthly figures against a seeded data set whose every number is worked out by hand (see the
 * comments at each conversation): months with nothing, the municipality's time zone at month
 * boundaries, agency isolation, the coordinating agency's admin, roles, CSV with BOM and in
 * Shift_JIS decoding back to the same rows, and the audit row of each read.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { agencies, alerts, auditLog, caseConversations, cases, caseTransitions, meetings, referrals } from '../../src/db/schema';
import { addAgency, findAgencyByCode } from '../../src/agencies/add-agency';
import { addStaff } from '../../src/staff/add-staff';
import { CASE_STAGES, CATEGORIES, type MonthlyReportView } from '../../src/contracts';
import { eventually, login, staffFetch, startTestApp, type TestApp } from '../helpers/app';
import { testDatabases } from '../helpers/databases';
import { seedConversation, triage } from '../helpers/seed';

type Expected = Record<string, Record<string, number | null>>;

const RANGE = 'from=2025-12&to=2026-03';
const MONTHS = ['2025-12', '2026-01', '2026-02', '2026-03'];

describe.each(testDatabases())('monthly report on %s', (db) => {
  let app: TestApp;
  const cookies: Record<string, string> = {};
  const ids: Record<string, string> = {};

  const get = (who: string, query: string) => staffFetch({ ...app, staffCookie: cookies[who] }, `/api/reports/monthly?${query}`);
  const report = async (who: string, query = RANGE) => {
    const res = await get(who, query);
    expect(res.status).toBe(200);
    return (await res.json()) as MonthlyReportView;
  };
  /** Every cell of the table: the expected value, or 0 (null for a median) where none is given. */
  const expectTable = (r: MonthlyReportView, id: string, keys: string[], expected: Expected, months = MONTHS) => {
    const table = r.tables.find((t) => t.id === id)!;
    expect(table.columns.map((c) => c.key)).toEqual(keys);
    expect(table.rows).toEqual(
      months.map((month) => ({ month, values: keys.map((k) => expected[month]?.[k] ?? (k.startsWith('median') ? null : 0)) })),
    );
  };
  const categoryKeys = [...CATEGORIES, 'untriaged', 'total'];
  const CRISIS_KEYS = ['raised', 'escalated', 'onCallRefused', 'unacknowledged', 'medianMinutes'];

  beforeAll(async () => {
    app = await startTestApp({ db, withSweeper: false });
    const d = app.runtime.ctx.db;
    const kodomo = await addAgency(d, { code: 'kodomo', name: 'こども家庭センター' });
    const tagen = await addAgency(d, { code: 'tagen', name: '多機関協働事業者' });
    await d.update(agencies).set({ coordinating: true }).where(eq(agencies.id, tagen.id));
    const intake = (await findAgencyByCode(d, 'intake'))!.id;
    Object.assign(ids, { intake, kodomo: kodomo.id, tagen: tagen.id });
    for (const [who, role, agencyCode] of [
      ['supervisor', 'supervisor', 'intake'],
      ['intakeAdmin', 'admin', 'intake'],
      ['kodomoSupervisor', 'supervisor', 'kodomo'],
      ['tagenAdmin', 'admin', 'tagen'],
      ['tagenSupervisor', 'supervisor', 'tagen'],
    ] as const) {
      const email = `${who.toLowerCase()}${randomUUID().slice(0, 6)}@example.jp`;
      const s = await addStaff(d, { email, name: who, password: 'report reader password', role, agencyCode });
      ids[who] = s.id;
      cookies[who] = await login(app.url, email, 'report reader password');
    }
    cookies.counsellor = app.staffCookie;
    const at = (iso: string) => new Date(iso);
    const seed = (agencyId: string, createdAt: string, rest: Omit<Parameters<typeof seedConversation>[1], 'agencyId' | 'createdAt'>) =>
      seedConversation(d, { agencyId, createdAt: at(createdAt), staffId: ids.supervisor, ...rest });
    // intake, January (JST): two consultations, answered after 5 and 10 minutes (median 7.5)
    const c1 = await seed(intake, '2026-01-10T01:00:00Z', { channel: 'widget', triage: triage(['elderly', '8050'], 'high', 'self'), messages: [{ after: 0, by: 'person' }, { after: 0, by: 'bot' }, { after: 5, by: 'staff' }] });
    const c2 = await seed(intake, '2026-01-20T03:00:00Z', { channel: 'line', triage: triage(['poverty'], 'normal', 'family'), messages: [{ after: 0, by: 'person' }, { after: 1, by: 'bot' }, { after: 2, by: 'person' }, { after: 10, by: 'staff' }, { after: 11, by: 'staff' }] });
    // 2026-01-31 15:30 UTC is 1 February 00:30 in Tokyo: a February consultation, answered after 30 minutes
    const c3 = await seed(intake, '2026-01-31T15:30:00Z', { channel: 'widget', triage: triage(['elderly'], 'emergency', 'neighbour'), messages: [{ after: 0, by: 'person' }, { after: 30, by: 'staff' }] });
    // February: not yet triaged, only the bot answered (unanswered by staff)
    await seed(intake, '2026-02-14T00:00:00Z', { channel: 'widget', triage: null, messages: [{ after: 0, by: 'person' }, { after: 1, by: 'bot' }] });
    // March: answered after 4 and 6 minutes (median 5)
    const c5 = await seed(intake, '2026-03-01T00:00:00Z', { channel: 'line', triage: triage(['child', 'abuse'], 'high', 'professional'), messages: [{ after: 0, by: 'person' }, { after: 4, by: 'staff' }] });
    const c6 = await seed(intake, '2026-03-05T00:00:00Z', { channel: 'widget', triage: triage(['child'], 'low', 'self'), messages: [{ after: 0, by: 'person' }, { after: 6, by: 'staff' }] });
    // outside the range in Tokyo time: 30 November 23:00, and 1 April 00:00
    await seed(intake, '2025-11-30T14:00:00Z', { triage: triage(['other'], 'normal', 'self') });
    await seed(intake, '2026-03-31T15:00:00Z', { triage: triage(['other'], 'normal', 'self') });
    // kodomo: January answered after 60 minutes; February an emergency nobody answered yet
    const k1 = await seed(kodomo.id, '2026-01-15T00:00:00Z', { channel: 'widget', triage: triage(['child'], 'normal', 'self'), messages: [{ after: 0, by: 'person' }, { after: 60, by: 'staff' }] });
    const k2 = await seed(kodomo.id, '2026-02-15T00:00:00Z', { channel: 'line', triage: triage(['dv'], 'emergency', 'self') });

    // Crisis alerts. intake, January: one acknowledged after 4 minutes; one escalated, refused
    // twice by the on-call target, acknowledged after 12 (median 8). February (c3: 00:30 on
    // 1 February in Tokyo): escalated, nobody acknowledged yet. kodomo, February: acknowledged after 3.
    const minutes = (iso: string, n: number) => new Date(at(iso).getTime() + n * 60_000);
    const alert = (c: Awaited<ReturnType<typeof seed>>, agencyId: string, createdAt: string, o: { ackAfter?: number; escalateAfter?: number; refused?: number }) =>
      d.insert(alerts).values({
        agencyId,
        conversationId: c.conversation.id,
        messageId: c.messageIds[0],
        urgency: 'emergency',
        reasons: [],
        createdAt: at(createdAt),
        acknowledgedAt: o.ackAfter === undefined ? null : minutes(createdAt, o.ackAfter),
        escalatedAt: o.escalateAfter === undefined ? null : minutes(createdAt, o.escalateAfter),
        escalationFailures: o.refused ?? 0,
      });
    await alert(c1, intake, '2026-01-10T01:00:00Z', { ackAfter: 4 });
    await alert(c2, intake, '2026-01-20T03:00:00Z', { ackAfter: 12, escalateAfter: 5, refused: 2 });
    await alert(c3, intake, '2026-01-31T15:30:00Z', { escalateAfter: 0 });
    await alert(k2, kodomo.id, '2026-02-15T00:00:00Z', { ackAfter: 3 });

    // Cases. K1 (c1, first message 2026-01-10 01:00Z): opened and assessed by intake in January,
    // referred to kodomo on 2026-02-02 00:00Z (551 hours later), accepted: the case is kodomo's now,
    // its stage moves still count for intake, whose staff made them.
    const houkatsu = await addAgency(d, { code: 'houkatsu', name: '地域包括支援センター' });
    const snapshot = { share: 'yes', contact: 'yes', subjectNotWriting: false, at: '2026-01-01T00:00:00Z' };
    let n = 0;
    const openCase = async (agencyId: string, conversationId: string, moves: [string | null, string, string, string][]) => {
      const [k] = await d.insert(cases).values({ number: `R8-${String(++n).padStart(6, '0')}`, agencyId, stage: moves[moves.length - 1][1] as never }).returning();
      await d.insert(caseConversations).values({ caseId: k.id, conversationId });
      for (const [from, to, when, by] of moves) await d.insert(caseTransitions).values({ caseId: k.id, fromStage: from as never, toStage: to as never, byStaffId: by, at: at(when) });
      return k.id;
    };
    const refer = (caseId: string, fromAgencyId: string, toAgencyId: string, sentAt: string, state: 'sent' | 'accepted' | 'returned') =>
      d.insert(referrals).values({ caseId, fromAgencyId, toAgencyId, state, summary: 'seeded', consentSnapshot: snapshot, sentAt: at(sentAt) });
    const s = ids.supervisor;
    const k1case = await openCase(kodomo.id, c1.conversation.id, [
      [null, 'intake', '2026-01-10T02:00:00Z', s],
      ['intake', 'assessment', '2026-01-12T00:00:00Z', s],
      ['assessment', 'referral', '2026-02-02T00:00:00Z', s],
    ]);
    await refer(k1case, intake, kodomo.id, '2026-02-02T00:00:00Z', 'accepted');
    // K2 (c5, 2026-03-01 00:00Z): returned by houkatsu after 12 hours, then sent to kodomo (awaiting)
    const k2case = await openCase(intake, c5.conversation.id, [[null, 'intake', '2026-03-01T01:00:00Z', s]]);
    await refer(k2case, intake, houkatsu.id, '2026-03-01T12:00:00Z', 'returned');
    await refer(k2case, intake, kodomo.id, '2026-03-03T00:00:00Z', 'sent');
    // K3 (c6, 2026-03-05 00:00Z): referred after 6 hours, accepted. March median: (12 + 6) / 2 = 9 hours
    const k3case = await openCase(intake, c6.conversation.id, [[null, 'intake', '2026-03-05T01:00:00Z', s]]);
    await refer(k3case, intake, kodomo.id, '2026-03-05T06:00:00Z', 'accepted');
    // kodomo's own case (k1, 2026-01-15 00:00Z), referred to intake after 24 hours, not yet answered
    const kk1 = await openCase(kodomo.id, k1.conversation.id, [[null, 'intake', '2026-01-15T01:00:00Z', ids.kodomoSupervisor]]);
    await refer(kk1, kodomo.id, intake, '2026-01-16T00:00:00Z', 'sent');
    // Meetings: intake calls a 重層的支援会議 in January and two 支援会議 in March (one in April is outside); kodomo one in February
    for (const [agencyId, kind, date] of [
      [intake, 'jusou', '2026-01-20'],
      [intake, 'shien', '2026-03-10'],
      [intake, 'shien', '2026-03-31'],
      [intake, 'shien', '2026-04-01'],
      [kodomo.id, 'jusou', '2026-02-10'],
    ] as const)
      await d.insert(meetings).values({ agencyId, kind, date });
    // many argon2 hashes and inserts: slow on a busy machine
  }, 180_000);
  afterAll(() => app?.close());

  const expectCaseTables = (r: MonthlyReportView, e: { stages: Expected; agencies: [string[], Expected]; outcomes: Expected; meetings: Expected; referral: Expected }) => {
    expectTable(r, 'casesByStage', [...CASE_STAGES], e.stages);
    expectTable(r, 'referralsByAgency', e.agencies[0], e.agencies[1]);
    expectTable(r, 'referralsByOutcome', ['sent', 'accepted', 'returned'], e.outcomes);
    expectTable(r, 'meetingsByKind', ['jusou', 'shien'], e.meetings);
    expectTable(r, 'timeToReferral', ['referred', 'medianHours'], e.referral);
  };

  it('counts only supervisors and admins in: 401 without a session, 403 for a counsellor, 400 for a wrong range', async () => {
    expect((await fetch(`${app.url}/api/reports/monthly?${RANGE}`)).status).toBe(401);
    expect((await get('counsellor', RANGE)).status).toBe(403);
    for (const bad of ['from=2026-03&to=2026-01', 'from=2026-13&to=2026-14', 'from=2026-01', 'from=2000-01&to=2026-01', `${RANGE}&format=xml`, `${RANGE}&encoding=latin1`, `${RANGE}&sort=1`]) {
      const res = await get('supervisor', bad);
      expect(res.status).toBe(400);
      expect((await res.json()).error.code).toBe('invalid_query');
    }
  });

  it("gives the supervisor every figure of their own agency, zeros for a month with nothing, in the municipality's time zone", async () => {
    const r = await report('supervisor');
    expect(r.months).toEqual(MONTHS);
    expect(r.scope).toEqual({ kind: 'agency', agency: 'intake' });
    expect(r.timeZone).toBe('Asia/Tokyo');
    expectTable(r, 'consultationsByCategory', categoryKeys, {
      '2026-01': { elderly: 1, '8050': 1, poverty: 1, total: 2 },
      '2026-02': { elderly: 1, untriaged: 1, total: 2 },
      '2026-03': { child: 2, abuse: 1, total: 2 },
    });
    expectTable(r, 'consultationsByChannel', ['line', 'widget', 'total'], {
      '2026-01': { line: 1, widget: 1, total: 2 },
      '2026-02': { widget: 2, total: 2 },
      '2026-03': { line: 1, widget: 1, total: 2 },
    });
    expectTable(r, 'consultationsByReporter', ['self', 'family', 'neighbour', 'professional', 'unknown', 'untriaged', 'total'], {
      '2026-01': { self: 1, family: 1, total: 2 },
      '2026-02': { neighbour: 1, untriaged: 1, total: 2 },
      '2026-03': { professional: 1, self: 1, total: 2 },
    });
    expectTable(r, 'consultationsByUrgency', ['emergency', 'high', 'normal', 'low', 'untriaged', 'total'], {
      '2026-01': { high: 1, normal: 1, total: 2 },
      '2026-02': { emergency: 1, untriaged: 1, total: 2 },
      '2026-03': { high: 1, low: 1, total: 2 },
    });
    expectTable(r, 'firstHumanReply', ['answered', 'unanswered', 'medianMinutes'], {
      '2026-01': { answered: 2, medianMinutes: 7.5 },
      '2026-02': { answered: 1, unanswered: 1, medianMinutes: 30 },
      '2026-03': { answered: 2, medianMinutes: 5 },
    });
    expectTable(r, 'crisisAlerts', CRISIS_KEYS, {
      '2026-01': { raised: 2, escalated: 1, onCallRefused: 1, medianMinutes: 8 },
      '2026-02': { raised: 1, escalated: 1, unacknowledged: 1 },
    });
    expectCaseTables(r, {
      stages: { '2026-01': { intake: 1, assessment: 1 }, '2026-02': { referral: 1 }, '2026-03': { intake: 2 } },
      agencies: [['houkatsu', 'kodomo'], { '2026-02': { kodomo: 1 }, '2026-03': { houkatsu: 1, kodomo: 2 } }],
      outcomes: { '2026-02': { accepted: 1 }, '2026-03': { returned: 1, sent: 1, accepted: 1 } },
      meetings: { '2026-01': { jusou: 1 }, '2026-03': { shien: 2 } },
      referral: { '2026-02': { referred: 1, medianHours: 551 }, '2026-03': { referred: 2, medianHours: 9 } },
    });
    expect(r.tables.find((t) => t.id === 'referralsByAgency')!.columns.map((c) => c.label.ja)).toEqual(['地域包括支援センター', 'こども家庭センター']);
  });

  it('keeps agencies apart: another agency and a non-coordinating admin see their own only', async () => {
    const k = await report('kodomoSupervisor');
    expect(k.scope).toEqual({ kind: 'agency', agency: 'kodomo' });
    expectTable(k, 'consultationsByCategory', categoryKeys, { '2026-01': { child: 1, total: 1 }, '2026-02': { dv: 1, total: 1 } });
    expectTable(k, 'firstHumanReply', ['answered', 'unanswered', 'medianMinutes'], { '2026-01': { answered: 1, medianMinutes: 60 }, '2026-02': { unanswered: 1 } });
    expectTable(k, 'crisisAlerts', CRISIS_KEYS, { '2026-02': { raised: 1, medianMinutes: 3 } });
    expectCaseTables(k, {
      stages: { '2026-01': { intake: 1 } },
      agencies: [['intake'], { '2026-01': { intake: 1 } }],
      outcomes: { '2026-01': { sent: 1 } },
      meetings: { '2026-02': { jusou: 1 } },
      referral: { '2026-01': { referred: 1, medianHours: 24 } },
    });
    const intakeAdmin = await report('intakeAdmin');
    expect(intakeAdmin.scope.kind).toBe('agency');
    expect(intakeAdmin.tables).toEqual((await report('supervisor')).tables);
    // the coordinating agency's supervisor (not admin) sees their own agency: nothing
    const ts = await report('tagenSupervisor');
    expect(ts.scope).toEqual({ kind: 'agency', agency: 'tagen' });
    for (const t of ts.tables) for (const row of t.rows) expect(row.values.every((v) => v === 0 || v === null)).toBe(true);
  });

  it('gives the coordinating agency’s admin the whole municipality', async () => {
    const r = await report('tagenAdmin');
    expect(r.scope).toEqual({ kind: 'municipality', agency: null });
    expectTable(r, 'consultationsByCategory', categoryKeys, {
      '2026-01': { elderly: 1, '8050': 1, poverty: 1, child: 1, total: 3 },
      '2026-02': { elderly: 1, dv: 1, untriaged: 1, total: 3 },
      '2026-03': { child: 2, abuse: 1, total: 2 },
    });
    expectTable(r, 'consultationsByChannel', ['line', 'widget', 'total'], {
      '2026-01': { line: 1, widget: 2, total: 3 },
      '2026-02': { line: 1, widget: 2, total: 3 },
      '2026-03': { line: 1, widget: 1, total: 2 },
    });
    expectTable(r, 'consultationsByUrgency', ['emergency', 'high', 'normal', 'low', 'untriaged', 'total'], {
      '2026-01': { high: 1, normal: 2, total: 3 },
      '2026-02': { emergency: 2, untriaged: 1, total: 3 },
      '2026-03': { high: 1, low: 1, total: 2 },
    });
    expectTable(r, 'firstHumanReply', ['answered', 'unanswered', 'medianMinutes'], {
      '2026-01': { answered: 3, medianMinutes: 10 },
      '2026-02': { answered: 1, unanswered: 2, medianMinutes: 30 },
      '2026-03': { answered: 2, medianMinutes: 5 },
    });
    expectTable(r, 'crisisAlerts', CRISIS_KEYS, {
      '2026-01': { raised: 2, escalated: 1, onCallRefused: 1, medianMinutes: 8 },
      '2026-02': { raised: 2, escalated: 1, unacknowledged: 1, medianMinutes: 3 },
    });
    expectCaseTables(r, {
      stages: { '2026-01': { intake: 2, assessment: 1 }, '2026-02': { referral: 1 }, '2026-03': { intake: 2 } },
      agencies: [['houkatsu', 'intake', 'kodomo'], { '2026-01': { intake: 1 }, '2026-02': { kodomo: 1 }, '2026-03': { houkatsu: 1, kodomo: 2 } }],
      outcomes: { '2026-01': { sent: 1 }, '2026-02': { accepted: 1 }, '2026-03': { returned: 1, sent: 1, accepted: 1 } },
      meetings: { '2026-01': { jusou: 1 }, '2026-02': { jusou: 1 }, '2026-03': { shien: 2 } },
      referral: { '2026-01': { referred: 1, medianHours: 24 }, '2026-02': { referred: 1, medianHours: 551 }, '2026-03': { referred: 2, medianHours: 9 } },
    });
  });

  it('counts a consultation that came in through the widget this month', async () => {
    const session = await (await fetch(`${app.url}/api/widget/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json();
    const sent = await fetch(`${app.url}/api/widget/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${session.sessionToken}` },
      body: JSON.stringify({ text: '母の介護のことで相談したいです', clientMessageId: randomUUID() }),
    });
    expect(sent.status).toBe(202);
    const month = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit' }).format(new Date());
    const r = await report('supervisor', `from=${month}&to=${month}`);
    const byChannel = r.tables.find((t) => t.id === 'consultationsByChannel')!;
    expect(byChannel.rows).toEqual([{ month, values: [0, 1, 1] }]);
  });

  it('writes each table as CSV: UTF-8 with a BOM, the same rows as the JSON', async () => {
    const json = await report('supervisor');
    const res = await get('supervisor', `${RANGE}&format=csv&table=consultationsByCategory`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="tsunagu-consultationsByCategory-2025-12_2026-03.csv"');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.includes(Buffer.from('\r\n'))).toBe(true);
    const rows = parse(bytes.subarray(3).toString('utf8')) as string[][];
    const table = json.tables.find((t) => t.id === 'consultationsByCategory')!;
    expect(rows[0]).toEqual(['月', ...table.columns.map((c) => c.label.ja)]);
    expect(rows[0]).toContain('高齢');
    expect(rows.slice(1)).toEqual(table.rows.map((r) => [r.month, ...r.values.map((v) => (v === null ? '' : String(v)))]));
  });

  it('writes every table in Shift_JIS that decodes back to the same rows (no BOM)', async () => {
    const json = await report('supervisor');
    const res = await get('supervisor', `${RANGE}&format=csv&encoding=shift_jis`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=Shift_JIS');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    // 「月」 is 0x8C 0x8E in Shift_JIS (E6 9C 88 in UTF-8)
    expect(bytes.includes(Buffer.from([0x8c, 0x8e]))).toBe(true);
    expect(bytes.includes(Buffer.from('月', 'utf8'))).toBe(false);
    const text = new TextDecoder('shift_jis', { fatal: true }).decode(bytes);
    const rows = parse(text, { relax_column_count: true, skip_empty_lines: true }) as string[][];
    const expected = json.tables.flatMap((t) => [
      [t.title.ja],
      ['月', ...t.columns.map((c) => c.label.ja)],
      ...t.rows.map((r) => [r.month, ...r.values.map((v) => (v === null ? '' : String(v)))]),
    ]);
    expect(rows).toEqual(expected);
    const en = await get('supervisor', `${RANGE}&format=csv&lang=en&table=firstHumanReply`);
    expect(parse((await en.text()).replace(/^\uFEFF/, ''))[0]).toEqual(['Month', 'Answered by staff', 'Not yet answered by staff', 'Median minutes to first staff reply']);
  });

  it('writes every read to the audit log, with its range and whether it was the whole municipality', async () => {
    await report('tagenAdmin', 'from=2026-01&to=2026-01');
    const rows = await eventually(async () => {
      const r = await app.runtime.ctx.db.select().from(auditLog).where(and(eq(auditLog.actorId, ids.tagenAdmin), eq(auditLog.action, 'report.monthly')));
      return r.length ? r : null;
    });
    expect(rows.map((r) => r.subjectId)).toContain('2026-01..2026-01 municipality');
    const csv = await app.runtime.ctx.db.select().from(auditLog).where(and(eq(auditLog.actorId, ids.supervisor), eq(auditLog.action, 'report.monthly.csv')));
    expect(csv.length).toBeGreaterThan(0);
  });
});
