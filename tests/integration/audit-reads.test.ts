/**
 * Every staff read of personal data leaves an audit row (lists and searches name the
 * conversations they showed; notes and consents like messages), a GET changes nothing else (it
 * does not mark read), and a conversation reaches the inbox with the person's first message.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { auditLog, consents, conversations, messages, notes } from '../../src/db/schema';
import { addLoggedInStaff, as, eventually, staffFetch, startTestApp, type TestApp } from '../helpers/app';
import { testDatabases } from '../helpers/databases';

describe.each(testDatabases())('audited reads and the inbox from the first message on %s', (db) => {
  let app: TestApp;
  let supervisor: Awaited<ReturnType<typeof addLoggedInStaff>>;
  const openSession = async () =>
    (await (await fetch(`${app.url}/api/widget/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json()) as { sessionToken: string; conversationId: string };
  const say = (s: { sessionToken: string }, text: string) =>
    fetch(`${app.url}/api/widget/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${s.sessionToken}` },
      body: JSON.stringify({ text, clientMessageId: randomUUID() }),
    });
  const rowsFor = (actorId: string, action: string) =>
    app.runtime.ctx.db.select().from(auditLog).where(and(eq(auditLog.actorId, actorId), eq(auditLog.action, action)));

  beforeAll(async () => {
    app = await startTestApp({ db });
    supervisor = await addLoggedInStaff(app, 'supervisor');
  });
  afterAll(() => app?.close());

  test('a list page and a search write one audit row each, naming the conversations returned; found again per conversation', async () => {
    const a = await openSession();
    await say(a, '監査テスト 近所のお年寄りが心配です');
    const b = await openSession();
    await say(b, '監査テスト 家賃が払えません');
    const c = await eventually(async () => {
      const r = await staffFetch(app, '/api/conversations?limit=200');
      const body = await r.json();
      return body.conversations.length >= 2 ? body : null;
    });
    const listed = c.conversations.map((x: { id: string }) => x.id);
    expect(listed).toEqual(expect.arrayContaining([a.conversationId, b.conversationId]));
    const lists = await rowsFor(app.staffId, 'conversations.list');
    expect(lists.at(-1)).toMatchObject({ subjectType: 'conversation_list', conversationIds: listed });

    const q = encodeURIComponent('家賃が払え');
    const found = await (await staffFetch(app, `/api/conversations?q=${q}`)).json();
    expect(found.conversations.map((x: { id: string }) => x.id)).toEqual([b.conversationId]);
    const searches = await rowsFor(app.staffId, 'conversations.search');
    expect(searches).toHaveLength(1);
    expect(searches[0].conversationIds).toEqual([b.conversationId]);
    expect(JSON.stringify(searches)).not.toContain('家賃'); // the search words are not kept

    const audit = await (await staffFetch(as(app, supervisor.cookie), `/api/audit?conversationId=${b.conversationId}`)).json();
    expect(audit.entries.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['conversations.search', 'conversations.list']));
    const forA = await (await staffFetch(as(app, supervisor.cookie), `/api/audit?conversationId=${a.conversationId}`)).json();
    expect(forA.entries.map((e: { action: string }) => e.action)).not.toContain('conversations.search');
  });

  test('reading notes, consents, a conversation and its messages is audited; the GET does not mark it read', async () => {
    const s = await openSession();
    await say(s, '相談があります');
    await say(s, 'もう一つあります');
    const unread = async () => (await app.runtime.ctx.db.select().from(conversations).where(eq(conversations.id, s.conversationId)))[0].unread;
    await eventually(async () => (await unread()) === 2);
    const reader = await addLoggedInStaff(app, 'counsellor');
    const r = as(app, reader.cookie);
    for (const p of ['', '/messages', '/notes', '/consents']) expect((await staffFetch(r, `/api/conversations/${s.conversationId}${p}`)).status).toBe(200);
    const actions = (await app.runtime.ctx.db.select().from(auditLog).where(eq(auditLog.actorId, reader.id))).map((x) => [x.action, x.subjectId]);
    expect(actions).toEqual(
      expect.arrayContaining([
        ['conversation.view', s.conversationId],
        ['conversation.messages.read', s.conversationId],
        ['conversation.notes.read', s.conversationId],
        ['conversation.consents.read', s.conversationId],
      ]),
    );
    expect(await unread()).toBe(2); // reading is not marking read
    expect((await staffFetch(r, `/api/conversations/${s.conversationId}/read`, { method: 'POST' })).status).toBe(204);
    expect(await unread()).toBe(0);
  });

  test('a change and its audit row are one transaction: when the row cannot be written, the change is not made', async () => {
    const s = await openSession();
    await say(s, '記録のテストです');
    await eventually(async () => (await staffFetch(app, `/api/conversations/${s.conversationId}`)).ok);
    const writer = await addLoggedInStaff(app, 'counsellor');
    const w = as(app, writer.cookie);
    const changes: [string, string, unknown, () => Promise<number>][] = [
      ['note.add', '/notes', { text: 'メモ' }, async () => (await app.runtime.ctx.db.select().from(notes).where(eq(notes.conversationId, s.conversationId))).length],
      ['consent.withdrawn', '/consents', { scope: 'share', answer: 'withdrawn' }, async () => (await app.runtime.ctx.db.select().from(consents).where(eq(consents.conversationId, s.conversationId))).length],
      ['conversation.reply', '/replies', { text: 'お返事です' }, async () => (await app.runtime.ctx.db.select().from(messages).where(and(eq(messages.conversationId, s.conversationId), eq(messages.authorType, 'staff')))).length],
    ];
    // The audit table refuses this actor's rows for a moment (a trigger), as a failing disk or constraint would.
    await app.runtime.ctx.db.execute(sql.raw(`create or replace function refuse_audit() returns trigger language plpgsql as $$ begin raise exception 'audit refused'; end $$`));
    await app.runtime.ctx.db.execute(sql.raw(`create trigger refuse_audit before insert on audit_log for each row when (new.actor_id = '${writer.id}') execute function refuse_audit()`));
    try {
      for (const [action, p, body, rows] of changes) {
        const before = await rows();
        const res = await staffFetch(w, `/api/conversations/${s.conversationId}${p}`, { method: 'POST', body: JSON.stringify(body) });
        expect({ action, status: res.status }).toEqual({ action, status: 500 });
        expect({ action, rows: await rows() }).toEqual({ action, rows: before });
      }
    } finally {
      await app.runtime.ctx.db.execute(sql.raw('drop trigger refuse_audit on audit_log'));
    }
    for (const [action, p, body, rows] of changes) {
      const before = await rows();
      expect((await staffFetch(w, `/api/conversations/${s.conversationId}${p}`, { method: 'POST', body: JSON.stringify(body) })).status).toBeLessThan(300);
      expect({ action, rows: await rows() }).toEqual({ action, rows: before + 1 });
    }
    const actions = (await app.runtime.ctx.db.select().from(auditLog).where(eq(auditLog.actorId, writer.id))).map((x) => x.action);
    expect(actions).toEqual(expect.arrayContaining(changes.map(([a]) => a)));
  });

  test('a widget opened but never written in is not in the inbox, nor counted in the shift view; the first message brings it', async () => {
    const shift = async () => (await (await staffFetch(as(app, supervisor.cookie), '/api/shift')).json()).unassigned as number;
    const listed = async () => (await (await staffFetch(app, '/api/conversations?limit=200')).json()).conversations.map((c: { id: string }) => c.id) as string[];
    const before = await shift();
    const s = await openSession();
    expect(await listed()).not.toContain(s.conversationId);
    expect(await shift()).toBe(before);
    expect((await staffFetch(app, '/api/conversations?status=new&limit=200').then((r) => r.json())).conversations.map((c: { id: string }) => c.id)).not.toContain(s.conversationId);
    await say(s, 'はじめて書きます');
    await eventually(async () => (await listed()).includes(s.conversationId));
    expect(await shift()).toBe(before + 1);
  });
});
