/**
 * 開示請求 and deletion on request: an admin exports everything held about the person who wrote
 * a conversation (their other conversations in scope, the cases holding them) and erases it;
 * other people's data and other agencies' stay; roles and agencies are enforced; both audited.
 */
import { randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { addAgency, findAgencyByCode } from '../../src/agencies/add-agency';
import { addStaff } from '../../src/staff/add-staff';
import { agencies, auditLog, caseConversations, cases, conversations, erasures, householdMembers, messages } from '../../src/db/schema';
import { addLoggedInStaff, eventually, login, staffFetch, startTestApp, type TestApp } from '../helpers/app';
import { testDatabases } from '../helpers/databases';
import { seedConversation, triage } from '../helpers/seed';

describe.each(testDatabases())('person data (開示請求) on %s', (db) => {
  let app: TestApp;
  const cookies: Record<string, string> = {};
  const ids: Record<string, string> = {};
  let widgetToken: string;

  const as = (who: string, path: string, init: RequestInit = {}) => staffFetch({ ...app, staffCookie: cookies[who] }, path, init);
  const exportOf = (who: string, conversationId: string) => as(who, `/api/person-data?conversationId=${conversationId}`);
  const erase = (who: string, body: unknown) => as(who, '/api/person-data/erase', { method: 'POST', body: JSON.stringify(body) });

  beforeAll(async () => {
    app = await startTestApp({ db, withSweeper: false });
    const d = app.runtime.ctx.db;
    const intake = (await findAgencyByCode(d, 'intake'))!.id;
    const kodomo = (await addAgency(d, { code: 'kodomo', name: 'こども家庭センター' })).id;
    const tagen = (await addAgency(d, { code: 'tagen', name: '多機関協働事業者' })).id;
    await d.update(agencies).set({ coordinating: true }).where(eq(agencies.id, tagen));
    Object.assign(ids, { intake, kodomo, tagen });
    for (const [who, role, agencyCode] of [
      ['admin', 'admin', 'intake'],
      ['kodomoAdmin', 'admin', 'kodomo'],
      ['tagenAdmin', 'admin', 'tagen'],
    ] as const) {
      const email = `${who.toLowerCase()}${randomUUID().slice(0, 6)}@example.jp`;
      ids[who] = (await addStaff(d, { email, name: who, password: 'person data password', role, agencyCode })).id;
      cookies[who] = await login(app.url, email, 'person data password');
    }
    cookies.supervisor = (await addLoggedInStaff(app, 'supervisor')).cookie;
    cookies.counsellor = app.staffCookie;

    // P writes through the widget (the real intake path) …
    const session = await (await fetch(`${app.url}/api/widget/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json();
    widgetToken = session.sessionToken;
    ids.P1 = session.conversationId;
    const sent = await fetch(`${app.url}/api/widget/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${widgetToken}` },
      body: JSON.stringify({ text: '家賃が払えなくて困っています', clientMessageId: randomUUID() }),
    });
    expect(sent.status).toBe(202);
    const [p1] = await eventually(() => d.select().from(conversations).where(eq(conversations.id, ids.P1)).then((r) => (r.length ? r : null)));
    ids.contact = p1.contactId;
    // … and wrote before (closed, intake) and at kodomo; Q is someone else
    ids.P2 = (await seedConversation(d, { agencyId: intake, contactId: p1.contactId, status: 'closed', createdAt: new Date('2026-01-05T00:00:00Z'), triage: triage(['poverty'], 'normal', 'self'), messages: [{ after: 0, by: 'person', text: '以前の相談 P2' }] })).conversation.id;
    ids.P3 = (await seedConversation(d, { agencyId: kodomo, contactId: p1.contactId, createdAt: new Date('2026-02-05T00:00:00Z'), messages: [{ after: 0, by: 'person', text: 'こどもの相談 P3' }] })).conversation.id;
    ids.Q = (await seedConversation(d, { agencyId: intake, createdAt: new Date('2026-01-04T00:00:00Z'), messages: [{ after: 0, by: 'person', text: '近所の人の通報 Q' }] })).conversation.id;
    // K1 (intake) holds Q's report and P's own conversation; K2 is now kodomo's and holds P1
    const [k1] = await d.insert(cases).values({ number: 'R8-000001', agencyId: intake, personName: '山田 花子' }).returning();
    await d.insert(caseConversations).values([{ caseId: k1.id, conversationId: ids.Q }, { caseId: k1.id, conversationId: ids.P2 }]);
    await d.insert(householdMembers).values({ caseId: k1.id, relationship: 'parent', description: '80代の母', needs: ['elderly'] });
    const [k2] = await d.insert(cases).values({ number: 'R8-000002', agencyId: kodomo, personName: '山田 花子' }).returning();
    await d.insert(caseConversations).values({ caseId: k2.id, conversationId: ids.P1 });
    Object.assign(ids, { K1: k1.id, K2: k2.id });
    // many argon2 hashes and inserts: slow on a busy machine
  }, 180_000);
  afterAll(() => app?.close());

  it('is for admins of the agency only: 403 for a supervisor or counsellor, 404 for another agency, 400 for a wrong id', async () => {
    expect((await exportOf('supervisor', ids.P1)).status).toBe(403);
    expect((await exportOf('counsellor', ids.P1)).status).toBe(403);
    expect((await exportOf('kodomoAdmin', ids.P1)).status).toBe(404);
    expect((await exportOf('admin', 'not-a-uuid')).status).toBe(400);
    expect((await exportOf('admin', randomUUID())).status).toBe(404);
    expect((await erase('kodomoAdmin', { conversationId: ids.P1, confirm: true })).status).toBe(404);
    expect((await erase('supervisor', { conversationId: ids.P1, confirm: true })).status).toBe(403);
  });

  it("exports everything held about the person in the admin's agency, and audits it", async () => {
    const res = await exportOf('admin', ids.P1);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(`tsunagu-person-${ids.contact}.json`);
    const body = await res.json();
    expect(body.exportedBy).toEqual({ id: ids.admin, name: 'admin' });
    expect(body.contacts.map((c: { id: string }) => c.id)).toEqual([ids.contact]);
    expect(body.conversations.map((c: { id: string }) => c.id).sort()).toEqual([ids.P1, ids.P2].sort());
    const texts = body.conversations.flatMap((c: { messages: { text: string }[] }) => c.messages.map((m) => m.text));
    expect(texts).toEqual(expect.arrayContaining(['家賃が払えなくて困っています', '以前の相談 P2']));
    expect(texts).not.toContain('近所の人の通報 Q');
    expect(texts).not.toContain('こどもの相談 P3');
    const k1 = body.cases.find((k: { id: string }) => k.id === ids.K1);
    expect(k1.conversationIds.sort()).toEqual([ids.Q, ids.P2].sort());
    expect(k1.household).toEqual([expect.objectContaining({ relationship: 'parent', description: '80代の母' })]);
    expect(body.cases.map((k: { id: string }) => k.id).sort()).toEqual([ids.K1, ids.K2].sort());
    expect(JSON.stringify(body)).not.toMatch(/lineReplyToken|retryKey/);
    const [audit] = await app.runtime.ctx.db.select().from(auditLog).where(and(eq(auditLog.actorId, ids.admin), eq(auditLog.action, 'person_data.export')));
    expect(audit).toMatchObject({ subjectType: 'contact', subjectId: ids.contact });
    expect(audit.conversationIds!.sort()).toEqual([ids.P1, ids.P2].sort());
  });

  it('gives the same export as a PDF in Japanese (text extracted with pdftotext)', async () => {
    const res = await exportOf('admin', `${ids.P1}&format=pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tsunagu-pdf-')), 'person.pdf');
    fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const words of ['保有個人情報の開示（開示請求）', '相談者：家賃が払えなくて困っています', '以前の相談P2', 'ケースR8-000001', '本人：山田花子', '世帯：親80代の母', '作成者admin']) expect(text).toContain(words);
    expect(text).not.toContain('近所の人の通報');
  });

  it("gives the coordinating agency's admin the person's conversations in every agency", async () => {
    const body = await (await exportOf('tagenAdmin', ids.P2)).json();
    expect(body.conversations.map((c: { id: string }) => c.id).sort()).toEqual([ids.P1, ids.P2, ids.P3].sort());
  });

  it('erases on request only with confirm: true; other people and other agencies keep theirs; audited and recorded without content', async () => {
    const d = app.runtime.ctx.db;
    const refused = await erase('admin', { conversationId: ids.P1 });
    expect(refused.status).toBe(400);
    expect((await d.select().from(conversations).where(eq(conversations.id, ids.P1))).length).toBe(1);

    const res = await erase('admin', { conversationId: ids.P1, confirm: true });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.keptCases).toEqual([{ id: ids.K2, agencyId: ids.kodomo }]);
    expect(body.erased).toHaveLength(1);
    expect(body.erased[0]).toMatchObject({ agencyId: ids.intake, caseIds: [ids.K1] });
    expect(body.erased[0].conversationIds.sort()).toEqual([ids.P1, ids.P2].sort());
    expect(body.erased[0].counts).toMatchObject({ conversations: 2, cases: 1, household_members: 1, widget_sessions: 1 });

    const left = (await d.select({ id: conversations.id }).from(conversations)).map((r) => r.id);
    expect(left).not.toContain(ids.P1);
    expect(left).not.toContain(ids.P2);
    expect(left).toEqual(expect.arrayContaining([ids.P3, ids.Q]));
    expect((await d.select().from(messages).where(eq(messages.conversationId, ids.Q))).map((m) => m.text)).toEqual(['近所の人の通報 Q']);
    expect((await d.select({ id: cases.id }).from(cases)).map((r) => r.id)).toEqual([ids.K2]);
    expect(await d.select().from(caseConversations).where(eq(caseConversations.caseId, ids.K2))).toEqual([]);
    // the widget session of the erased conversation ends
    const after = await fetch(`${app.url}/api/widget/messages`, { headers: { authorization: `Bearer ${widgetToken}` } });
    expect(after.status).toBe(401);

    const [row] = await d.select().from(erasures).where(eq(erasures.kind, 'request'));
    expect(row).toMatchObject({ actorId: ids.admin, agencyId: ids.intake, contactIds: [] });
    expect(JSON.stringify(row)).not.toMatch(/家賃|P2|山田|80代/);
    const [audit] = await d.select().from(auditLog).where(and(eq(auditLog.actorId, ids.admin), eq(auditLog.action, 'person_data.erase')));
    expect(audit).toMatchObject({ subjectType: 'contact', subjectId: ids.contact });
    // nothing left to export through the erased conversation; P3 (kodomo) is still there for kodomo's admin
    expect((await exportOf('admin', ids.P1)).status).toBe(404);
    expect((await (await exportOf('kodomoAdmin', ids.P3)).json()).conversations.map((c: { id: string }) => c.id)).toEqual([ids.P3]);
  });
});
