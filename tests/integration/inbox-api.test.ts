/**
 * The staff inbox API on real parts: agencies never see each other's data (lists, search,
 * reads, writes, socket events); roles limit what counsellors can do; every read is audited;
 * the list filters, searches Japanese substrings and pages without gaps; claims, corrections,
 * notes, canned answers, typing, presence and delivery retry work and reach colleagues live.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { io as ioClient, type Socket } from 'socket.io-client';
import { corrections, messages } from '../../src/db/schema';
import { addAgency } from '../../src/agencies/add-agency';
import { addStaff } from '../../src/staff/add-staff';
import { addTeam } from '../../src/teams/teams';
import { addLoggedInStaff, as, connectStaffSocket, eventually, login, onConversationChange, staffFetch, startTestApp, waitForEvent, type ConversationChange, type TestApp } from '../helpers/app';
import { testDatabases } from '../helpers/databases';
import { fakeLineUserId, startFakeLineApi, type FakeLineApi } from '../fixtures/fake-line-api';
import { postWebhook, textEvent, webhookBody } from '../fixtures/line-events';
import type { MessagesCreatedPayload, MessagesEventPayload } from '../../src/contracts/socket-events';

const SECRET = 'inbox-secret';
const TOKEN = 'inbox-token';

interface Session {
  sessionToken: string;
  conversationId: string;
}

describe.each(testDatabases())('staff inbox API on %s', (db) => {
  let app: TestApp;
  let line: FakeLineApi;
  let other: TestApp; // a counsellor of another agency
  let supervisor: Awaited<ReturnType<typeof addLoggedInStaff>>;
  let admin: Awaited<ReturnType<typeof addLoggedInStaff>>;
  let colleague: Awaited<ReturnType<typeof addLoggedInStaff>>;

  const open = async (text: string, agency?: string): Promise<Session> => {
    const res = await fetch(`${app.url}/api/widget/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(agency ? { agency } : {}),
    });
    if (res.status !== 201) throw new Error(`session ${res.status}`);
    const s = (await res.json()) as Session;
    await say(s, text);
    return s;
  };
  const say = (s: Session, text: string) =>
    fetch(`${app.url}/api/widget/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${s.sessionToken}` },
      body: JSON.stringify({ text, clientMessageId: randomUUID() }),
    });
  const triaged = (s: Session) =>
    eventually(async () => (await (await staffFetch(app, `/api/conversations/${s.conversationId}`)).json()).conversation?.triage);
  const list = async (a: TestApp, query = '') => (await (await staffFetch(a, `/api/conversations${query}`)).json()) as { conversations: { id: string; triage?: { urgency: string } | null }[]; nextCursor: string | null };
  const ids = (r: { conversations: { id: string }[] }) => r.conversations.map((c) => c.id);

  beforeAll(async () => {
    line = await startFakeLineApi({ channelAccessToken: TOKEN });
    app = await startTestApp({ db, env: { LINE_CHANNEL_SECRET: SECRET, LINE_CHANNEL_ACCESS_TOKEN: TOKEN, LINE_API_BASE_URL: line.url } });
    await addAgency(app.runtime.ctx.db, { code: 'kodomo', name: 'こども家庭センター' });
    const email = `b${randomUUID().slice(0, 8)}@example.jp`;
    await addStaff(app.runtime.ctx.db, { email, name: '別機関 次郎', password: 'other agency password', role: 'supervisor', agencyCode: 'kodomo' });
    other = as(app, await login(app.url, email, 'other agency password'));
    supervisor = await addLoggedInStaff(app, 'supervisor', '主任 花子');
    admin = await addLoggedInStaff(app, 'admin', '管理者 一郎');
    colleague = await addLoggedInStaff(app, 'counsellor', '相談員 三郎');
  });
  afterAll(async () => {
    await app?.close();
    await line?.close();
  });

  test("another agency's conversation: absent from lists, search and sockets; every route answers 404", async () => {
    const mineSocket = await connectStaffSocket(app);
    const theirSocket = await connectStaffSocket(other);
    const leaked: string[] = [];
    mineSocket.onAny((name, payload) => leaked.push(JSON.stringify({ name, payload })));
    try {
      const theirs = waitForEvent<MessagesEventPayload>(theirSocket, 'message:created', (p) => p.messages.some((m) => m.text.includes('別機関だけの相談')));
      const s = await open('別機関だけの相談です。子どもの夜泣きがつらい', 'kodomo');
      await theirs;
      await eventually(async () => ids(await list(other)).includes(s.conversationId));
      expect(ids(await list(app))).not.toContain(s.conversationId);
      expect(ids(await list(app, `?q=${encodeURIComponent('別機関だけ')}`))).toEqual([]);
      expect(ids(await list(other, `?q=${encodeURIComponent('別機関だけ')}`))).toEqual([s.conversationId]);
      const c = s.conversationId;
      const attempts: [string, RequestInit?][] = [
        [`/api/conversations/${c}`],
        [`/api/conversations/${c}/messages`],
        [`/api/conversations/${c}/notes`],
        [`/api/conversations/${c}/consents`],
        [`/api/conversations/${c}/replies`, { method: 'POST', body: JSON.stringify({ text: 'x' }) }],
        [`/api/conversations/${c}/notes`, { method: 'POST', body: JSON.stringify({ text: 'x' }) }],
        [`/api/conversations/${c}/assign`, { method: 'POST', body: JSON.stringify({ staffId: app.staffId }) }],
        [`/api/conversations/${c}`, { method: 'PATCH', body: JSON.stringify({ status: 'closed' }) }],
      ];
      for (const [path, init] of attempts) expect({ path, status: (await staffFetch(app, path, init)).status }).toEqual({ path, status: 404 });
      const theirMessages = await app.runtime.ctx.db.select().from(messages).where(eq(messages.conversationId, c));
      expect(theirMessages.filter((m) => m.authorType === 'staff')).toHaveLength(0); // nothing was written
      await new Promise((r) => setTimeout(r, 300));
      expect(leaked.join('\n')).not.toContain(c);
      // The widget cannot name an agency that does not exist.
      const bad = await fetch(`${app.url}/api/widget/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ agency: 'nope' }) });
      expect(bad.status).toBe(400);
    } finally {
      mineSocket.disconnect();
      theirSocket.disconnect();
    }
  });

  test('roles: counsellors cannot read the audit log, add canned answers, see the shift, bulk-assign or open the queue dashboard', async () => {
    expect((await staffFetch(app, '/api/audit')).status).toBe(403);
    expect((await staffFetch(app, '/api/canned-replies', { method: 'POST', body: JSON.stringify({ title: 't', text: 'x' }) })).status).toBe(403);
    expect((await staffFetch(app, '/api/shift')).status).toBe(403);
    expect((await staffFetch(app, '/api/conversations/bulk-assign', { method: 'POST', body: JSON.stringify({ conversationIds: [randomUUID()], staffId: null }) })).status).toBe(403);
    expect((await staffFetch(app, '/admin/queues')).status).toBe(403);
    expect((await staffFetch(as(app, supervisor.cookie), '/admin/queues')).status).toBe(403);
    // The queues serve every agency: not even an agency's admin sees them (the operator does: staff-security.test.ts).
    expect((await staffFetch(as(app, admin.cookie), '/admin/queues')).status).toBe(403);
    expect((await fetch(`${app.url}/admin/queues`)).status).toBe(401);
  });

  test('every read of a conversation is audited, visible to supervisors', async () => {
    const s = await open('夫の暴力が怖いです');
    await triaged(s);
    await staffFetch(app, `/api/conversations/${s.conversationId}/messages`);
    const audit = await (await staffFetch(as(app, supervisor.cookie), `/api/audit?conversationId=${s.conversationId}`)).json();
    expect(audit.entries).toContainEqual(
      expect.objectContaining({ actorId: app.staffId, actorName: '相談員 太郎', action: 'conversation.messages.read', subjectType: 'conversation', subjectId: s.conversationId, at: expect.any(String) }),
    );
    expect((await staffFetch(as(app, supervisor.cookie), '/api/audit?conversationId=not-a-uuid')).status).toBe(400);
  });

  test('list: Japanese substring search from 2 characters, filters, and cursor paging without gaps or repeats', async () => {
    const gomi = await open('近所の家がゴミ屋敷になっていて、においがひどいです');
    const rent = await open('家賃を3か月滞納しています');
    const crisis = await open('もう死にたい');
    await Promise.all([gomi, rent, crisis].map(triaged));
    expect(ids(await list(app, `?q=${encodeURIComponent('ゴミ')}`))).toEqual([gomi.conversationId]);
    expect(ids(await list(app, `?q=${encodeURIComponent('屋敷')}`))).toEqual([gomi.conversationId]);
    expect((await staffFetch(app, `/api/conversations?q=${encodeURIComponent('ゴ')}`)).status).toBe(400);
    expect(ids(await list(app, `?q=${encodeURIComponent('100%')}`))).toEqual([]); // % is literal, not a wildcard
    expect((await staffFetch(app, '/api/conversations?status=bogus')).status).toBe(400);
    expect((await staffFetch(app, '/api/conversations?cursor=garbage')).status).toBe(400);

    const emergencies = ids(await list(app, '?urgency=emergency'));
    expect(emergencies).toContain(crisis.conversationId);
    expect(emergencies).not.toContain(rent.conversationId);
    expect(ids(await list(app, '?category=housing'))).toContain(rent.conversationId);
    expect(ids(await list(app, '?channel=line'))).not.toContain(rent.conversationId);

    // Page through everything two at a time: same set as one big page, same order, emergencies first.
    const all = await list(app, '?limit=200');
    expect((all.conversations.find((c) => c.id === rent.conversationId) as { preview?: string }).preview).toBeTruthy();
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await list(app, `?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      paged.push(...ids(page));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(ids(all));
    const firstNormal = all.conversations.findIndex((c: { triage?: { urgency: string } | null }) => c.triage?.urgency !== 'emergency');
    expect(all.conversations.slice(firstNormal).some((c: { triage?: { urgency: string } | null }) => c.triage?.urgency === 'emergency')).toBe(false);
  });

  test("triage's conversation view names the message it triaged (the inbox and the bench tell which message's triage finished)", async () => {
    const socket = await connectStaffSocket(app);
    const seen: ConversationChange[] = [];
    onConversationChange(socket, (c) => seen.push(c));
    try {
      const s = await open('夜になると不安で眠れません');
      await triaged(s);
      const inbound = (await app.runtime.ctx.db.select().from(messages).where(eq(messages.conversationId, s.conversationId))).find((m) => m.direction === 'in')!;
      const fromTriage = await eventually(async () => seen.find((p) => p.conversation.id === s.conversationId && p.triagedMessageId));
      expect(fromTriage.triagedMessageId).toBe(inbound.id);
      expect(fromTriage.conversation.triage).toBeTruthy();
    } finally {
      socket.close();
    }
  });

  test('a staff answer reaches staff as one event: the answer, with the conversation as it left it (opened, assigned to who answered)', async () => {
    const s = await open('家族のことで相談したいです');
    // the front door's work done: nothing but the answer changes the conversation below
    await eventually(async () => (await app.runtime.ctx.db.select().from(messages).where(eq(messages.conversationId, s.conversationId))).some((m) => m.direction === 'in' && m.dialoguedAt));
    const socket = await connectStaffSocket(app);
    const views: ConversationChange[] = [];
    onConversationChange(socket, (c) => void (c.conversation.id === s.conversationId && views.push(c)));
    try {
      const created = waitForEvent<MessagesCreatedPayload>(socket, 'message:created', (p) => p.messages.some((m) => m.text === '職員からの返事です'));
      const reply = await staffFetch(app, `/api/conversations/${s.conversationId}/replies`, { method: 'POST', body: JSON.stringify({ text: '職員からの返事です' }) });
      expect(reply.status).toBe(202);
      const event = await created;
      expect(event.conversation).toMatchObject({ id: s.conversationId, status: 'open', assignee: app.staffId, unread: 0 });
      await new Promise((r) => setTimeout(r, 300));
      // and no conversation:updated of its own (the bot's last events may still arrive: they assign no one)
      expect(views.filter((v) => v.conversation.assignee === app.staffId).map((v) => v.event)).toEqual(['message:created']);
    } finally {
      socket.disconnect();
    }
  });

  test('claim is seen by a colleague at once; assignee filters; supervisors reassign in bulk', async () => {
    const s = await open('仕事をクビになりました');
    const colleagueSocket = await connectStaffSocket(as(app, colleague.cookie));
    try {
      const seen = waitForEvent(colleagueSocket, 'conversation:updated', (p) => p.conversation.id === s.conversationId && p.conversation.assignee === app.staffId);
      const claim = await staffFetch(app, `/api/conversations/${s.conversationId}/assign`, { method: 'POST', body: JSON.stringify({ staffId: app.staffId }) });
      expect(claim.status).toBe(200);
      await seen;
      expect(ids(await list(app, '?assignee=me'))).toContain(s.conversationId);
      expect(ids(await list(as(app, colleague.cookie), '?assignee=me'))).not.toContain(s.conversationId);
      expect(ids(await list(app, '?assignee=none'))).not.toContain(s.conversationId);
      const otherAgencyStaff = await staffFetch(app, `/api/conversations/${s.conversationId}/assign`, { method: 'POST', body: JSON.stringify({ staffId: randomUUID() }) });
      expect(otherAgencyStaff.status).toBe(400);
      const bulk = await staffFetch(as(app, supervisor.cookie), '/api/conversations/bulk-assign', {
        method: 'POST',
        body: JSON.stringify({ conversationIds: [s.conversationId], staffId: colleague.id }),
      });
      expect(bulk.status).toBe(200);
      expect(ids(await list(as(app, colleague.cookie), '?assignee=me'))).toContain(s.conversationId);
      const shift = await (await staffFetch(as(app, supervisor.cookie), '/api/shift')).json();
      expect(shift.counsellors.find((c: { id: string }) => c.id === colleague.id)).toMatchObject({ name: '相談員 三郎', online: true, open: expect.any(Number) });
      expect(typeof shift.unacknowledgedAlerts).toBe('number');
    } finally {
      colleagueSocket.disconnect();
    }
  });

  test('a conversation open on screen is marked read without re-reading (and without an audit entry per message)', async () => {
    const s = await open('はじめまして');
    await say(s, 'もう少し話してもいいですか');
    const conv = async () => (await (await staffFetch(app, `/api/conversations/${s.conversationId}`)).json()).conversation;
    await eventually(async () => (await conv()).unread === 2);
    const auditCount = async () => (await (await staffFetch(as(app, supervisor.cookie), `/api/audit?conversationId=${s.conversationId}`)).json()).entries.length;
    const before = await auditCount();
    const read = await staffFetch(app, `/api/conversations/${s.conversationId}/read`, { method: 'POST' });
    expect(read.status).toBe(204);
    expect(await auditCount()).toBe(before);
    expect((await conv()).unread).toBe(0);
    expect((await staffFetch(other, `/api/conversations/${s.conversationId}/read`, { method: 'POST' })).status).toBe(404);
  });

  test('a conversation handed to a team: its members find it under “my teams”, others do not; teams stay within the agency', async () => {
    const team = await addTeam(app.runtime.ctx.db, { agencyCode: 'intake', name: `高齢・介護班 ${randomUUID().slice(0, 4)}`, memberEmails: [colleague.email] });
    const theirTeam = await addTeam(app.runtime.ctx.db, { agencyCode: 'kodomo', name: 'こども班' });
    const teamsSeen = await (await staffFetch(app, '/api/teams')).json();
    expect(teamsSeen.teams).toContainEqual({ id: team.id, name: team.name, members: [colleague.id] });
    expect(teamsSeen.teams.map((t: { id: string }) => t.id)).not.toContain(theirTeam.id);

    const s = await open('父が認知症で徘徊があります');
    const handed = await staffFetch(app, `/api/conversations/${s.conversationId}/assign`, { method: 'POST', body: JSON.stringify({ teamId: team.id }) });
    expect(handed.status).toBe(200);
    expect((await handed.json()).conversation).toMatchObject({ team: team.id, assignee: null });
    expect(ids(await list(as(app, colleague.cookie), '?team=mine'))).toContain(s.conversationId);
    expect(ids(await list(app, '?team=mine'))).not.toContain(s.conversationId);
    expect(ids(await list(app, `?team=${team.id}`))).toContain(s.conversationId);
    const foreign = await staffFetch(app, `/api/conversations/${s.conversationId}/assign`, { method: 'POST', body: JSON.stringify({ teamId: theirTeam.id }) });
    expect(foreign.status).toBe(400);
    expect((await staffFetch(app, `/api/conversations/${s.conversationId}/assign`, { method: 'POST', body: '{}' })).status).toBe(400);
    // A colleague of the team takes it: the team stays, the person is set.
    const claim = await staffFetch(as(app, colleague.cookie), `/api/conversations/${s.conversationId}/assign`, { method: 'POST', body: JSON.stringify({ staffId: colleague.id }) });
    expect((await claim.json()).conversation).toMatchObject({ team: team.id, assignee: colleague.id });
  });

  test("a correction stands when the person writes again: triage recombines with it, names who made it, and judges only the new words anew", async () => {
    const s = await open('母の介護で疲れました');
    await triaged(s);
    const res = await staffFetch(app, `/api/conversations/${s.conversationId}`, { method: 'PATCH', body: JSON.stringify({ urgency: 'high', categories: ['carer', 'isolation'] }) });
    expect(res.status).toBe(200);
    // the next message: a courtesy, triaged on its own as low; the correction holds for what came before
    await say(s, 'ありがとうございます');
    await eventually(async () => {
      const rows = await app.runtime.ctx.db.select().from(messages).where(and(eq(messages.conversationId, s.conversationId), eq(messages.text, 'ありがとうございます')));
      return rows[0]?.triagedAt;
    });
    const { conversation: after } = await (await staffFetch(app, `/api/conversations/${s.conversationId}`)).json();
    expect(after.triage).toMatchObject({ urgency: 'high', categories: expect.arrayContaining(['carer', 'isolation']) });
    expect(after.triage.reasons.join(' ')).toContain('職員による修正 (相談員 太郎)');
  });

  test('corrections of status and triage are applied in place and recorded', async () => {
    // a message triage reads as normal, so that correcting it to high is a change
    const s = await open('母の介護で疲れました');
    await triaged(s);
    const res = await staffFetch(app, `/api/conversations/${s.conversationId}`, {
      method: 'PATCH',
      body: JSON.stringify({ status: 'waiting', urgency: 'high', categories: ['health', 'isolation'] }),
    });
    expect(res.status).toBe(200);
    const { conversation } = await res.json();
    expect(conversation).toMatchObject({ status: 'waiting', triage: { urgency: 'high', categories: ['health', 'isolation'] } });
    const rows = await app.runtime.ctx.db.select().from(corrections).where(eq(corrections.conversationId, s.conversationId));
    expect(rows.map((r) => [r.field, r.after, r.staffId])).toEqual(
      expect.arrayContaining([
        ['status', 'waiting', app.staffId],
        ['urgency', 'high', app.staffId],
        ['categories', ['health', 'isolation'], app.staffId],
      ]),
    );
    expect(ids(await list(app, '?status=waiting'))).toContain(s.conversationId);
    expect((await staffFetch(app, `/api/conversations/${s.conversationId}`, { method: 'PATCH', body: JSON.stringify({ categories: ['nonsense'] }) })).status).toBe(400);
    expect((await staffFetch(app, `/api/conversations/${s.conversationId}`, { method: 'PATCH', body: '{}' })).status).toBe(400);
  });

  test('internal notes stay inside; canned answers per agency; typing and presence reach colleagues and the widget', async () => {
    const s = await open('母の介護に疲れました');
    const colleagueSocket = await connectStaffSocket(as(app, colleague.cookie));
    const widgetSocket: Socket = ioClient(`${app.url}/widget`, { auth: { token: s.sessionToken }, transports: ['websocket'], reconnection: false });
    await new Promise<void>((resolve, reject) => {
      widgetSocket.once('connect', () => resolve());
      widgetSocket.once('connect_error', reject);
    });
    try {
      const noteSeen = waitForEvent(colleagueSocket, 'note:created', (p) => p.conversationId === s.conversationId);
      const note = await staffFetch(app, `/api/conversations/${s.conversationId}/notes`, { method: 'POST', body: JSON.stringify({ text: '地域包括に連絡済み' }) });
      expect(note.status).toBe(201);
      expect((await noteSeen).note).toMatchObject({ text: '地域包括に連絡済み', authorName: '相談員 太郎' });
      const notes = await (await staffFetch(app, `/api/conversations/${s.conversationId}/notes`)).json();
      expect(notes.notes.map((n: { text: string }) => n.text)).toEqual(['地域包括に連絡済み']);
      const thread = await (await fetch(`${app.url}/api/widget/messages`, { headers: { authorization: `Bearer ${s.sessionToken}` } })).json();
      expect(JSON.stringify(thread)).not.toContain('地域包括に連絡済み');

      const canned = await staffFetch(as(app, supervisor.cookie), '/api/canned-replies', {
        method: 'POST',
        body: JSON.stringify({ title: '受付のお礼', text: 'ご相談ありがとうございます。担当からご連絡します。' }),
      });
      expect(canned.status).toBe(201);
      const cannedList = await (await staffFetch(app, '/api/canned-replies')).json();
      expect(cannedList.cannedReplies.map((c: { title: string }) => c.title)).toContain('受付のお礼');
      expect((await (await staffFetch(other, '/api/canned-replies')).json()).cannedReplies).toEqual([]);

      // Typing: a colleague and the person see it.
      const me = await connectStaffSocket(app);
      try {
        const colleagueSees = waitForEvent(colleagueSocket, 'conversation:typing', (p) => p.conversationId === s.conversationId);
        const personSees = waitForEvent(widgetSocket, 'typing');
        me.emit('typing', { conversationId: s.conversationId, active: true });
        expect(await colleagueSees).toMatchObject({ staffId: app.staffId, name: '相談員 太郎', active: true });
        expect(await personSees).toEqual({ active: true });
        const staffList = await (await staffFetch(app, '/api/staff')).json();
        expect(staffList.staff.filter((x: { online: boolean }) => x.online).map((x: { id: string }) => x.id).sort()).toEqual([app.staffId, colleague.id].sort());
        const presence = waitForEvent(colleagueSocket, 'presence', (p) => !p.staff.some((x: { id: string }) => x.id === app.staffId));
        me.disconnect();
        await presence;
      } finally {
        me.disconnect();
      }
    } finally {
      colleagueSocket.disconnect();
      widgetSocket.disconnect();
    }
  });

  test('a failed LINE delivery shows its reason and can be retried by staff', async () => {
    const userId = fakeLineUserId();
    const socket = await connectStaffSocket(app);
    const created = waitForEvent<MessagesEventPayload>(socket, 'message:created', (p) => p.messages.some((m) => m.text === '再送テスト'));
    await postWebhook(app.url, webhookBody([textEvent({ userId, text: '再送テスト', replyToken: 'z'.repeat(32), timestamp: Date.now() - 600_000 })]), SECRET);
    const { conversationId } = await created;
    socket.disconnect();
    // Wait for the bot's acknowledgement to be delivered first, so the failure below hits the staff answer.
    await eventually(async () => {
      const out = (await app.runtime.ctx.db.select().from(messages).where(eq(messages.conversationId, conversationId))).filter((m) => m.direction === 'out');
      return out.length > 0 && out.every((m) => m.deliveryState === 'sent');
    });
    line.failNext(400, 1); // not retryable: the delivery fails for staff to see
    const reply = await staffFetch(app, `/api/conversations/${conversationId}/replies`, { method: 'POST', body: JSON.stringify({ text: 'お返事です' }) });
    const messageId = (await reply.json()).messageId;
    const failed = await eventually(async () => {
      const view = await (await staffFetch(app, `/api/conversations/${conversationId}/messages`)).json();
      return view.messages.find((m: { id: string; deliveryState: string }) => m.id === messageId && m.deliveryState === 'failed');
    });
    expect(failed.deliveryError).toBe('bad_request');
    // Staff read what it means, not the code.
    expect(failed.deliveryErrorText).toEqual({ ja: 'LINE が内容を受け付けませんでした。', en: 'LINE did not accept the message.' });
    expect((await staffFetch(app, `/api/messages/${randomUUID()}/retry`, { method: 'POST' })).status).toBe(404);
    const retry = await staffFetch(app, `/api/messages/${messageId}/retry`, { method: 'POST' });
    expect(retry.status).toBe(202);
    await eventually(async () => (await app.runtime.ctx.db.select().from(messages).where(eq(messages.id, messageId)))[0].deliveryState === 'sent');
    expect(line.delivered().filter((c) => c.body.to === userId && c.body.messages[0].text === 'お返事です')).toHaveLength(1);
    expect((await staffFetch(app, `/api/messages/${messageId}/retry`, { method: 'POST' })).status).toBe(409);
  });
});
