/**
 * A change and its audit row commit or roll back together. A deferred constraint trigger makes
 * the transaction fail at commit, after the audit row was inserted, for one audit action at a
 * time: the change must be gone with it (and the API answer 500, nothing half-done). With the
 * trigger off for that action, the same request stores both.
 */
import { count, eq, and, sql } from 'drizzle-orm';
import { auditLog, cannedReplies, consents, conversations, corrections, householdMembers, messages, notes } from '../../src/db/schema';
import { addLoggedInStaff, as, eventually, staffFetch, startTestApp, type TestApp } from '../helpers/app';
import { testDatabases } from '../helpers/databases';
import { openWidgetSession, widgetSend } from '../helpers/widget';

describe.each(testDatabases())('audit rows live in the transaction of their change on %s', (db) => {
  let app: TestApp;
  let supervisor: Awaited<ReturnType<typeof addLoggedInStaff>>;
  let conversationId: string;
  let caseId: string;
  const q = () => app.runtime.ctx.db;
  const failOn = (action: string | null) => q().execute(sql`update test_fail_audit set action = ${action}`);
  const auditRows = async (action: string) => (await q().select({ n: count() }).from(auditLog).where(eq(auditLog.action, action)))[0].n;

  beforeAll(async () => {
    app = await startTestApp({ db });
    supervisor = await addLoggedInStaff(app, 'supervisor');
    // Fires at COMMIT (deferred), i.e. after the audit insert and everything after it.
    await q().execute(sql`create table test_fail_audit (action text)`);
    await q().execute(sql`insert into test_fail_audit values (null)`);
    await q().execute(sql`create function test_fail_audit() returns trigger language plpgsql as $$
      begin
        if new.action = (select action from test_fail_audit) then raise exception 'forced failure after the audit row'; end if;
        return null;
      end $$`);
    await q().execute(sql`create constraint trigger test_fail_audit after insert on audit_log deferrable initially deferred for each row execute function test_fail_audit()`);
    const s = await openWidgetSession(app.url);
    await widgetSend(app.url, s, '監査と変更のテストです。母の介護のことで相談したいです');
    conversationId = s.conversationId;
    await eventually(async () => (await staffFetch(app, `/api/conversations/${conversationId}`)).status === 200);
    caseId = (await (await staffFetch(app, '/api/cases', { method: 'POST', body: JSON.stringify({ conversationIds: [conversationId] }) })).json()).case.id;
  });
  afterAll(() => app?.close());

  const rowsIn = {
    notes: async () => (await q().select({ n: count() }).from(notes).where(eq(notes.conversationId, conversationId)))[0].n,
    consents: async () => (await q().select({ n: count() }).from(consents).where(eq(consents.conversationId, conversationId)))[0].n,
    members: async () => (await q().select({ n: count() }).from(householdMembers).where(eq(householdMembers.caseId, caseId)))[0].n,
    corrections: async () => (await q().select({ n: count() }).from(corrections).where(eq(corrections.conversationId, conversationId)))[0].n,
  };

  const cases: { action: string; send: () => Promise<Response>; changes: () => Promise<number> }[] = [
    {
      action: 'note.add',
      send: () => staffFetch(app, `/api/conversations/${conversationId}/notes`, { method: 'POST', body: JSON.stringify({ text: '家族に連絡済み' }) }),
      changes: rowsIn.notes,
    },
    {
      action: 'consent.withdrawn',
      send: () => staffFetch(app, `/api/conversations/${conversationId}/consents`, { method: 'POST', body: JSON.stringify({ scope: 'share', answer: 'withdrawn' }) }),
      changes: rowsIn.consents,
    },
    {
      action: 'conversation.correct',
      send: () => staffFetch(app, `/api/conversations/${conversationId}`, { method: 'PATCH', body: JSON.stringify({ urgency: 'high' }) }),
      changes: rowsIn.corrections,
    },
    {
      action: 'conversation.claim',
      send: () => staffFetch(app, `/api/conversations/${conversationId}/assign`, { method: 'POST', body: JSON.stringify({ staffId: app.staffId }) }),
      changes: async () =>
        (await q().select({ n: count() }).from(conversations).where(and(eq(conversations.id, conversationId), eq(conversations.assigneeId, app.staffId))))[0].n,
    },
    {
      action: 'conversation.reply',
      send: () => staffFetch(app, `/api/conversations/${conversationId}/replies`, { method: 'POST', body: JSON.stringify({ text: 'お話を聞かせてください' }) }),
      changes: async () =>
        (await q().select({ n: count() }).from(messages).where(and(eq(messages.conversationId, conversationId), eq(messages.authorType, 'staff'))))[0].n,
    },
    {
      // Each edit sends one member more than the case holds: the household grows by one when stored.
      action: 'case.edit',
      send: async () => {
        const n = await rowsIn.members();
        const members = Array.from({ length: n + 1 }, () => ({ relationship: 'other', needs: [] }));
        return staffFetch(app, `/api/cases/${caseId}`, { method: 'PATCH', body: JSON.stringify({ person: { name: `本人 ${n}` }, household: { members } }) });
      },
      changes: rowsIn.members,
    },
    {
      action: 'canned.add',
      send: () => staffFetch(as(app, supervisor.cookie), '/api/canned-replies', { method: 'POST', body: JSON.stringify({ title: '受付', text: 'ご相談ありがとうございます' }) }),
      changes: async () => (await q().select({ n: count() }).from(cannedReplies))[0].n,
    },
  ];

  test.each(cases.map((c) => [c.action, c]))('%s: a failure after the audit insert rolls back the change too; without it both are stored', async (action, c) => {
    const before = { changes: await c.changes(), audit: await auditRows(action) };
    await failOn(action);
    try {
      const failed = await c.send();
      expect(failed.status).toBe(500);
      expect(await c.changes()).toBe(before.changes);
      expect(await auditRows(action)).toBe(before.audit);
    } finally {
      await failOn(null);
    }
    const ok = await c.send();
    expect(ok.status).toBeLessThan(300);
    expect(await c.changes()).toBe(before.changes + 1);
    expect(await auditRows(action)).toBe(before.audit + 1);
  });
});
