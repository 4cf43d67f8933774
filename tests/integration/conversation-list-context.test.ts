/**
 * What the list tells staff at a glance (issue 11 item 10): each conversation with the person's
 * first message (its subject) beside the latest, a search with the words around where it matched;
 * 定型文 with the municipality file's starters, which supervisors see but change only in the file,
 * and the agency's own, which supervisors edit and delete (counsellors may not; other agencies
 * cannot reach them; every change audited).
 */
import path from 'node:path';
import { addLoggedInStaff, as, eventually, staffFetch, startTestApp, type TestApp } from '../helpers/app';
import { testDatabases } from '../helpers/databases';
import { openWidgetSession, widgetSend } from '../helpers/widget';

const EXAMPLE = path.resolve(__dirname, '../../config/municipality.example.yaml');

describe.each(testDatabases())('list context and 定型文 on %s', (db) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ db, env: { MUNICIPALITY_FILE: EXAMPLE } });
  });
  afterAll(async () => {
    await app?.close();
  });

  const list = async (q = '') => {
    const r = await staffFetch(app, `/api/conversations${q ? `?q=${encodeURIComponent(q)}` : ''}`);
    expect(r.status).toBe(200);
    return (await r.json()).conversations as { id: string; preview: string | null; firstMessage?: string | null; match?: string | null }[];
  };

  test('each row has the first message and the latest; a search says where it matched', async () => {
    const s = await openWidgetSession(app.url);
    await widgetSend(app.url, s, '隣の家の前にゴミが山のようにたまっています。');
    await widgetSend(app.url, s, `最近はにおいもします。${'心配です。'.repeat(30)}窓ガラスも割れたままです。`);
    const row = await eventually(async () => (await list()).find((c) => c.id === s.conversationId && c.preview?.startsWith('最近は')));
    expect(row.firstMessage).toBe('隣の家の前にゴミが山のようにたまっています。');
    expect(row).not.toHaveProperty('match');

    const found = (await list('窓ガラス')).find((c) => c.id === s.conversationId)!;
    expect(found.match).toContain('窓ガラスも割れた');
    expect(found.match!.startsWith('…')).toBe(true);
    expect([...found.match!.replace(/…/g, '')].length).toBeLessThanOrEqual(80);
    // The person's words are searched first: the match is from their message, not the bot's.
    const first = (await list('ゴミ')).find((c) => c.id === s.conversationId)!;
    expect(first.match).toContain('ゴミが山のように');

    // A single conversation carries the list's lines (a row that arrived live fills itself from it);
    // no search snippet. Socket events leave them out: the inbox keeps its copy.
    const one = await (await staffFetch(app, `/api/conversations/${s.conversationId}`)).json();
    expect(one.conversation).toMatchObject({ firstMessage: row.firstMessage, preview: row.preview });
    expect(one.conversation).not.toHaveProperty('match');
  });

  test('starters from the municipality file come after the agency’s own and cannot be changed here', async () => {
    const supervisor = await addLoggedInStaff(app, 'supervisor');
    const sv = as(app, supervisor.cookie);
    const added = await staffFetch(sv, '/api/canned-replies', { method: 'POST', body: JSON.stringify({ title: '折り返しのご案内', text: '明日お電話します。' }) });
    expect(added.status).toBe(201);
    const mine = (await added.json()).cannedReply;
    expect(mine.starter).toBe(false);

    const all = (await (await staffFetch(app, '/api/canned-replies')).json()).cannedReplies as { id: string; title: string; starter: boolean }[];
    expect(all[0].id).toBe(mine.id);
    expect(all.filter((c) => c.starter).map((c) => c.id)).toEqual(['starter:first-night-reply', 'starter:welfare-check', 'starter:dv-safety']);

    expect((await staffFetch(sv, '/api/canned-replies/starter:dv-safety', { method: 'DELETE' })).status).toBe(404);
    expect((await staffFetch(sv, '/api/canned-replies/starter:dv-safety', { method: 'PATCH', body: JSON.stringify({ title: 'x', text: 'y' }) })).status).toBe(404);
  });

  test('supervisors edit and delete the agency’s own; counsellors may not; bad input changes nothing', async () => {
    const supervisor = await addLoggedInStaff(app, 'supervisor');
    const sv = as(app, supervisor.cookie);
    const { cannedReply } = await (await staffFetch(sv, '/api/canned-replies', { method: 'POST', body: JSON.stringify({ title: '編集前', text: '前の文' }) })).json();
    const url = `/api/canned-replies/${cannedReply.id}`;

    expect((await staffFetch(app, url, { method: 'PATCH', body: JSON.stringify({ title: 'counsellor', text: 'no' }) })).status).toBe(403);
    expect((await staffFetch(app, url, { method: 'DELETE' })).status).toBe(403);
    expect((await staffFetch(sv, url, { method: 'PATCH', body: JSON.stringify({ title: '', text: 'x' }) })).status).toBe(400);
    const still = (await (await staffFetch(app, '/api/canned-replies')).json()).cannedReplies.find((c: { id: string }) => c.id === cannedReply.id);
    expect(still.title).toBe('編集前');

    const edited = await staffFetch(sv, url, { method: 'PATCH', body: JSON.stringify({ title: '編集後', text: '新しい文' }) });
    expect(edited.status).toBe(200);
    expect((await edited.json()).cannedReply).toMatchObject({ id: cannedReply.id, title: '編集後', text: '新しい文', starter: false });
    expect((await staffFetch(sv, url, { method: 'DELETE' })).status).toBe(204);
    expect((await staffFetch(sv, url, { method: 'DELETE' })).status).toBe(404);
    const after = (await (await staffFetch(app, '/api/canned-replies')).json()).cannedReplies.map((c: { id: string }) => c.id);
    expect(after).not.toContain(cannedReply.id);

    const audit = await (await staffFetch(sv, '/api/audit')).json();
    const actions = (audit.entries as { subjectId?: string; action: string }[]).filter((e: { subjectId?: string }) => e.subjectId === cannedReply.id).map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['canned.add', 'canned.edit', 'canned.delete']));
  });
});
