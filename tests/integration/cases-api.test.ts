/**
 * Cases through the API on a real database (PGlite and Postgres): opening a case from
 * conversations, stages (409 invalid_transition), agency isolation, and consent gating for each
 * path of issue 12 point 5 — share consent, none (支援会議 only, 守秘義務 first), an anonymous
 * report, and withdrawal after a referral. Every read of a case is audited.
 */
import { and, eq } from 'drizzle-orm';
import { auditLog, referrals } from '../../src/db/schema';
import { startTestApp, staffFetch, type TestApp } from '../helpers/app';
import { testDatabases } from '../helpers/databases';
import { addAgencyWithCounsellor, json, post, seedConversation, type OtherAgency } from '../helpers/cases';

describe.each(testDatabases())('cases API (%s)', (db) => {
  let app: TestApp;
  let houkatsu: OtherAgency; // 地域包括支援センター
  let shakyo: OtherAgency; // 社協

  beforeAll(async () => {
    app = await startTestApp({ db });
    houkatsu = await addAgencyWithCounsellor(app, 'elderly', '中央地域包括支援センター');
    shakyo = await addAgencyWithCounsellor(app, 'social_welfare_council', '市社会福祉協議会');
  });
  afterAll(async () => app?.close());

  const openCase = async (conversationIds: string[], extra: Record<string, unknown> = {}) => {
    const res = await post(app, '/api/cases', { conversationIds, ...extra });
    expect(res.status).toBe(201);
    return (await json(res)).case;
  };
  const move = (who: TestApp, id: string, body: Record<string, unknown>) => post(who, `/api/cases/${id}/transitions`, body);

  test('a counsellor opens a case from a conversation: 相談番号, person, household with its pattern', async () => {
    const conv = await seedConversation(app, { texts: ['80代の母と50代の兄のことで相談です'], share: 'yes' });
    const c = await openCase([conv.id], {
      person: { name: '山田 太郎', ageBand: '40-64', addressArea: '中央地区' },
      household: { members: [{ relationship: 'self', name: '山田 太郎', ageBand: '40-64', needs: ['hikikomori'] }, { relationship: 'parent', ageBand: '75plus', needs: ['elderly'] }] },
    });
    expect(c.number).toMatch(/^R\d+-\d{6}$/);
    expect(c).toMatchObject({ stage: 'intake', conversationIds: [conv.id], person: { name: '山田 太郎', addressArea: '中央地区' } });
    expect(c.household.patterns).toEqual(['8050']);
    // Triage's categories of the conversation and the household's needs, in the vocabulary's order.
    expect(c.needs).toEqual(['elderly', 'hikikomori']);
    const listed = await json(await staffFetch(app, `/api/cases?conversationId=${conv.id}`));
    expect(listed.cases.map((x: any) => x.id)).toEqual([c.id]);
    const second = await openCase([(await seedConversation(app, { texts: ['相談'] })).id]);
    expect(Number(second.number.split('-')[1])).toBe(Number(c.number.split('-')[1]) + 1);
  });

  test('bad input is 400 and changes nothing; another agency’s conversation is 404', async () => {
    expect((await post(app, '/api/cases', { conversationIds: [] })).status).toBe(400);
    expect((await post(app, '/api/cases', { conversationIds: ['x'] })).status).toBe(400);
    const theirs = await seedConversation(app, { texts: ['他機関の相談'], agencyId: houkatsu.id });
    const before = (await json(await staffFetch(app, '/api/cases'))).cases.length;
    const res = await post(app, '/api/cases', { conversationIds: [theirs.id] });
    expect(res.status).toBe(404);
    expect((await json(await staffFetch(app, '/api/cases'))).cases.length).toBe(before);
  });

  test('the person and the household are changed after the case is opened: patterns follow, bad input changes nothing, audited', async () => {
    const conv = await seedConversation(app, { texts: ['兄のことで相談です'] });
    const c = await openCase([conv.id], { person: { description: '50代の男性（名前は不明）' } });
    expect(c.household.patterns).toEqual([]);
    const edit = (who: TestApp, body: unknown) => staffFetch(who, `/api/cases/${c.id}`, { method: 'PATCH', body: JSON.stringify(body) });
    const household = { members: [{ relationship: 'self', ageBand: '40-64', needs: ['hikikomori'] }, { relationship: 'parent', name: '山田 ハル', ageBand: '75plus', needs: ['elderly'] }] };
    const res = await edit(app, { person: { name: '山田 次郎', ageBand: '40-64', addressArea: '北地区' }, household });
    expect(res.status).toBe(200);
    const changed = (await json(res)).case;
    // The person is replaced as a whole: the description given at opening is gone with the name known.
    expect(changed.person).toEqual({ name: '山田 次郎', description: null, ageBand: '40-64', addressArea: '北地区' });
    expect(changed.household.members.map((m: any) => [m.relationship, m.name, m.needs])).toEqual([
      ['self', null, ['hikikomori']],
      ['parent', '山田 ハル', ['elderly']],
    ]);
    expect(changed.household.patterns).toEqual(['8050']);
    // Only the household: the person stays.
    const later = (await json(await edit(app, { household: { members: [household.members[1]] } }))).case;
    expect(later.person.name).toBe('山田 次郎');
    expect(later.household.patterns).toEqual([]);
    // Bad input: 400, nothing changes.
    for (const bad of [{}, { person: { name: '' } }, { household: { members: [{ relationship: 'cousin' }] } }, { person: { name: 'x' }, stage: 'closed' }]) {
      const refused = await edit(app, bad);
      expect(refused.status).toBe(400);
      expect((await json(refused)).error.code).toBe('invalid_body');
    }
    const now = (await json(await staffFetch(app, `/api/cases/${c.id}`))).case;
    expect([now.person, now.household.members.length]).toEqual([later.person, 1]);
    // Another agency: 404, and the case is as it was.
    expect((await edit(houkatsu.as, { person: { name: '他機関' } })).status).toBe(404);
    const audits = await app.runtime.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectType, 'case'), eq(auditLog.subjectId, c.id), eq(auditLog.action, 'case.edit')));
    expect(audits.map((a) => a.actorId)).toEqual([app.staffId, app.staffId]);
  });

  test('stages follow the machine: forward, 409 invalid_transition, reasons, timeline', async () => {
    const c = await openCase([(await seedConversation(app, { texts: ['生活が苦しい'] })).id]);
    const skip = await move(app, c.id, { to: 'planning' });
    expect(skip.status).toBe(409);
    expect((await json(skip)).error.code).toBe('invalid_transition');
    expect((await move(app, c.id, { to: 'assessment' })).status).toBe(200);
    const back = await move(app, c.id, { to: 'intake' });
    expect(back.status).toBe(400);
    expect((await json(back)).error.code).toBe('reason_required');
    const moved = await json(await move(app, c.id, { to: 'intake', reason: '情報が足りない' }));
    expect(moved.case.stage).toBe('intake');
    expect(moved.case.history.map((h: any) => [h.from, h.to, h.reason])).toEqual([
      [null, 'intake', null],
      ['intake', 'assessment', null],
      ['assessment', 'intake', '情報が足りない'],
    ]);
    expect(moved.case.history[1].by).toBe(app.staffId);
    const timeline = moved.case.timeline.map((t: any) => t.type);
    expect(timeline).toContain('message');
    expect(timeline.filter((t: string) => t === 'transition')).toHaveLength(3);
  });

  test('closing a coordination case needs a meeting decision', async () => {
    const conv = await seedConversation(app, { texts: ['複合的な困りごと'], share: 'yes' });
    const c = await openCase([conv.id]);
    await move(app, c.id, { to: 'assessment' });
    expect((await move(app, c.id, { to: 'coordination' })).status).toBe(200);
    const refused = await move(app, c.id, { to: 'closed', reason: '支援終了' });
    expect(refused.status).toBe(409);
    expect((await json(refused)).error.code).toBe('meeting_decision_required');
    const meeting = await post(app, '/api/meetings', {
      kind: 'jusou',
      date: '2026-12-01',
      participants: [{ agency: houkatsu.code }],
      caseIds: [c.id],
      decisions: [{ caseId: c.id, text: '目標を達成したため終結', closeCase: true }],
    });
    expect(meeting.status).toBe(201);
    const { meeting: m } = await json(meeting);
    const closed = await move(app, c.id, { to: 'closed', reason: '支援終了', meetingId: m.id });
    expect(closed.status).toBe(200);
    expect((await json(closed)).case.history.at(-1)).toMatchObject({ from: 'coordination', to: 'closed', meetingId: m.id });
  });

  test('another agency cannot see a case (404), nor find it in its list, until it is referred or shared', async () => {
    const c = await openCase([(await seedConversation(app, { texts: ['誰にも言えない'] })).id]);
    expect((await staffFetch(houkatsu.as, `/api/cases/${c.id}`)).status).toBe(404);
    expect((await json(await staffFetch(houkatsu.as, '/api/cases'))).cases.map((x: any) => x.id)).not.toContain(c.id);
    expect((await move(houkatsu.as, c.id, { to: 'assessment' })).status).toBe(404);
  });

  test('with share consent: referral, accepted; the receiver works the case and reads the words, the sender keeps read access', async () => {
    const conv = await seedConversation(app, { texts: ['母の介護がもう限界です', '夜も眠れません'], share: 'yes' });
    const c = await openCase([conv.id], { person: { name: '佐藤 花子' } });
    const sent = await post(app, `/api/cases/${c.id}/referrals`, { toAgency: houkatsu.code, summary: '介護負担が大きい', quotes: [conv.messageIds[0]] });
    expect(sent.status).toBe(201);
    const { referral } = await json(sent);
    expect(referral).toMatchObject({ state: 'sent', consentSnapshot: { share: 'yes' } });
    const due = new Date(Date.now() + 86_400_000).toISOString();
    const scheduled = await post(app, `/api/cases/${c.id}/follow-ups`, { kind: 'call', dueAt: due });
    expect(scheduled.status).toBe(201);
    const followUpId = (await json(scheduled)).followUp.id;

    const incoming = await json(await staffFetch(houkatsu.as, '/api/referrals?direction=incoming'));
    expect(incoming.referrals.map((r: any) => r.id)).toContain(referral.id);
    // Before accepting, the receiver may read the case (to decide) but not change it.
    const seen = await json(await staffFetch(houkatsu.as, `/api/cases/${c.id}`));
    expect(seen.case).toMatchObject({ access: 'referred', canEdit: false, textsVisible: true });
    expect(seen.case.timeline.filter((t: any) => t.type === 'message').map((t: any) => t.text)).toEqual(['母の介護がもう限界です', '夜も眠れません']);
    expect(seen.case.conversations[0]).toMatchObject({ subject: null, anonymous: null });
    expect((await move(houkatsu.as, c.id, { to: 'assessment' })).status).toBe(403);

    expect((await post(app, `/api/referrals/${referral.id}/accept`, {})).status).toBe(404); // only the receiver answers
    const accepted = await post(houkatsu.as, `/api/referrals/${referral.id}/accept`, {});
    expect(accepted.status).toBe(200);
    expect((await json(accepted)).referral.state).toBe('accepted');
    expect((await post(houkatsu.as, `/api/referrals/${referral.id}/accept`, {})).status).toBe(409);

    expect((await move(houkatsu.as, c.id, { to: 'assessment' })).status).toBe(200);
    const sender = await json(await staffFetch(app, `/api/cases/${c.id}`));
    expect(sender.case).toMatchObject({ access: 'referrer', canEdit: false, stage: 'assessment', agencyId: houkatsu.id });
    expect((await move(app, c.id, { to: 'referral' })).status).toBe(403);
    // The open follow-up went with the case: the receiver owns and closes it, the sender no longer can.
    expect((await json(await staffFetch(houkatsu.as, '/api/follow-ups'))).followUps.map((f: any) => f.id)).toContain(followUpId);
    expect((await post(app, `/api/follow-ups/${followUpId}/done`, {})).status).toBe(404);
    expect((await post(houkatsu.as, `/api/follow-ups/${followUpId}/done`, {})).status).toBe(200);
    // A third agency still sees nothing.
    expect((await staffFetch(shakyo.as, `/api/cases/${c.id}`)).status).toBe(404);
  });

  test('withdrawal after a referral: the receiving agency loses the message texts (case view and sheet)', async () => {
    const conv = await seedConversation(app, { texts: ['借金の返済が苦しい'], share: 'yes' });
    const c = await openCase([conv.id]);
    const { referral } = await json(await post(app, `/api/cases/${c.id}/referrals`, { toAgency: shakyo.code, summary: '家計相談', quotes: conv.messageIds }));
    expect((await post(shakyo.as, `/api/referrals/${referral.id}/accept`, {})).status).toBe(200);
    const sheetBefore = await json(await staffFetch(shakyo.as, `/api/referrals/${referral.id}/sheet.json`));
    expect(sheetBefore.sheet.quotes.map((q: any) => q.text)).toEqual(['借金の返済が苦しい']);

    const withdrawn = await post(app, `/api/conversations/${conv.id}/consents`, { scope: 'share', answer: 'withdrawn' });
    expect(withdrawn.status).toBe(201);

    const after = await json(await staffFetch(shakyo.as, `/api/cases/${c.id}`));
    expect(after.case).toMatchObject({ shareConsent: 'withdrawn', textsVisible: false });
    expect(after.case.timeline.some((t: any) => t.type === 'message')).toBe(false);
    const sheetAfter = await json(await staffFetch(shakyo.as, `/api/referrals/${referral.id}/sheet.json`));
    expect(sheetAfter.sheet).toMatchObject({ quotes: [], quotesWithheld: true, consent: { share: 'yes', now: 'withdrawn' } });
    expect(JSON.stringify(sheetAfter)).not.toContain('借金の返済が苦しい');
    // The agency that holds the conversation still reads it.
    const own = await json(await staffFetch(app, `/api/cases/${c.id}`));
    expect(own.case.timeline.filter((t: any) => t.type === 'message').map((t: any) => t.text)).toEqual(['借金の返済が苦しい']);
  });

  test('without share consent: referral and 重層的支援会議 are 403 consent_required; a 支援会議 needs 守秘義務 from every participant', async () => {
    const conv = await seedConversation(app, { texts: ['家に閉じこもっている'], share: 'no' });
    const c = await openCase([conv.id]);
    const refused = await post(app, `/api/cases/${c.id}/referrals`, { toAgency: houkatsu.code, summary: '訪問をお願いしたい' });
    expect(refused.status).toBe(403);
    const body = await json(refused);
    expect(body.error.code).toBe('consent_required');
    expect(body.error.message).toContain('支援会議');

    const jusou = await post(app, '/api/meetings', { kind: 'jusou', date: '2026-12-02', participants: [{ agency: houkatsu.code }], caseIds: [c.id] });
    expect(jusou.status).toBe(403);
    expect((await json(jusou)).error.code).toBe('consent_required');

    const unacknowledged = await post(app, '/api/meetings', {
      kind: 'shien',
      date: '2026-12-02',
      participants: [{ agency: houkatsu.code, confidentialityAcknowledged: true }, { agency: shakyo.code }],
      caseIds: [c.id],
    });
    expect(unacknowledged.status).toBe(400);
    expect((await json(unacknowledged)).error.code).toBe('confidentiality_required');
    expect((await staffFetch(houkatsu.as, `/api/cases/${c.id}`)).status).toBe(404);

    const shien = await post(app, '/api/meetings', { kind: 'shien', date: '2026-12-02', participants: [{ agency: houkatsu.code, confidentialityAcknowledged: true }], caseIds: [c.id] });
    expect(shien.status).toBe(201);
    // The participant sees what the meeting needs: the case, not the words, not who wrote.
    const seen = await json(await staffFetch(houkatsu.as, `/api/cases/${c.id}`));
    expect(seen.case).toMatchObject({ access: 'meeting', canEdit: false, textsVisible: false });
    expect(seen.case.timeline.some((t: any) => t.type === 'message')).toBe(false);
    expect(JSON.stringify(seen)).not.toContain('家に閉じこもっている');
    expect((await staffFetch(shakyo.as, `/api/cases/${c.id}`)).status).toBe(404);

    // Within the 支援会議 the case may go to its participant, and to nobody else.
    expect((await post(app, `/api/cases/${c.id}/referrals`, { toAgency: shakyo.code, summary: '家計' })).status).toBe(403);
    const within = await post(app, `/api/cases/${c.id}/referrals`, { toAgency: houkatsu.code, summary: '訪問をお願いしたい', quotes: conv.messageIds });
    expect(within.status).toBe(201);
    const { referral } = await json(within);
    expect(referral.meetingId).toBe((await json(shien)).meeting.id);
    const sheet = await json(await staffFetch(houkatsu.as, `/api/referrals/${referral.id}/sheet.json`));
    expect(sheet.sheet).toMatchObject({ quotes: [], quotesWithheld: true });
  });

  test('an anonymous report about someone who has not written carries no consent of theirs; the person\'s own conversation, linked later, does', async () => {
    const report = await seedConversation(app, { texts: ['隣のおばあさんが心配です'], subject: 'neighbour', anonymous: true, share: 'yes' });
    const c = await openCase([report.id], { person: { description: '隣の高齢女性' } });
    expect(c.shareConsent).toBeNull();
    const refused = await post(app, `/api/cases/${c.id}/referrals`, { toAgency: houkatsu.code, summary: '見守り' });
    expect(refused.status).toBe(403);
    expect((await json(refused)).error.code).toBe('consent_required');

    const own = await seedConversation(app, { texts: ['近所の方に心配されたので連絡しました'], share: 'yes' });
    const theirs = await seedConversation(app, { texts: ['他機関'], agencyId: houkatsu.id });
    expect((await post(app, `/api/cases/${c.id}/conversations`, { conversationId: theirs.id })).status).toBe(404);
    const linked = await post(app, `/api/cases/${c.id}/conversations`, { conversationId: own.id });
    expect(linked.status).toBe(200);
    expect((await json(linked)).case).toMatchObject({ conversationIds: [report.id, own.id], shareConsent: 'yes' });
    expect((await post(app, `/api/cases/${c.id}/conversations`, { conversationId: own.id })).status).toBe(200); // twice: no change
    const sent = await post(app, `/api/cases/${c.id}/referrals`, { toAgency: houkatsu.code, summary: '見守り', quotes: [...report.messageIds, ...own.messageIds] });
    expect(sent.status).toBe(201);
    // The receiver reads the person's words, never the anonymous reporter's.
    const seen = await json(await staffFetch(houkatsu.as, `/api/cases/${c.id}`));
    const texts = seen.case.timeline.filter((t: any) => t.type === 'message').map((t: any) => t.text);
    expect(texts).toEqual(['近所の方に心配されたので連絡しました']);
    const sheet = await json(await staffFetch(houkatsu.as, `/api/referrals/${(await json(sent)).referral.id}/sheet.json`));
    expect(sheet.sheet.quotes.map((q: any) => q.text)).toEqual(['近所の方に心配されたので連絡しました']);
    expect(JSON.stringify(seen) + JSON.stringify(sheet)).not.toContain('隣のおばあさんが心配です');
  });

  test('the directory lists agencies; a category suggests the fields that serve it', async () => {
    const { agencies } = await json(await staffFetch(app, '/api/agencies?category=elderly'));
    expect(agencies[0]).toMatchObject({ code: houkatsu.code, field: 'elderly', suggested: true });
    expect(agencies.find((a: any) => a.code === shakyo.code).suggested).toBe(false);
    expect((await post(app, '/api/agencies', { code: 'nope', name: 'x', field: 'other' })).status).toBe(403);
  });

  test('a 支援プラン is agreed in a meeting on the case and versioned; 参加支援 is recorded; a meeting is seen by its participants only', async () => {
    const conv = await seedConversation(app, { texts: ['仕事を探したい'], share: 'yes' });
    const c = await openCase([conv.id]);
    const other = await openCase([(await seedConversation(app, { texts: ['別件'], share: 'yes' })).id]);
    const { meeting } = await json(await post(app, '/api/meetings', { kind: 'jusou', date: '2026-12-03', participants: [{ agency: houkatsu.code }, { staffId: app.staffId }], caseIds: [c.id] }));
    const plan = { meetingId: meeting.id, goals: ['週2回外出する'], actions: [{ text: '就労体験の紹介', ownerAgency: shakyo.code, due: '2027-01-31' }], reviewDate: '2027-02-15' };
    expect((await post(app, `/api/cases/${other.id}/plans`, plan)).status).toBe(400); // that meeting did not discuss it
    expect((await post(app, `/api/cases/${c.id}/plans`, { ...plan, actions: [{ text: 'x', ownerAgency: 'nope' }] })).status).toBe(400);
    const v1 = await post(app, `/api/cases/${c.id}/plans`, plan);
    expect(v1.status).toBe(201);
    expect((await json(v1)).plan).toMatchObject({ version: 1, goals: ['週2回外出する'], actions: [{ ownerAgencyId: shakyo.id, due: '2027-01-31' }], reviewDate: '2027-02-15' });
    expect((await json(await post(app, `/api/cases/${c.id}/plans`, { ...plan, goals: ['週3回外出する'] }))).plan.version).toBe(2);
    const { plans } = await json(await staffFetch(app, `/api/cases/${c.id}/plans`));
    expect(plans.map((p: any) => [p.version, p.goals[0]])).toEqual([
      [2, '週3回外出する'],
      [1, '週2回外出する'],
    ]);
    // The participant agency reads the case and its plans, but may not agree a plan.
    expect((await staffFetch(houkatsu.as, `/api/cases/${c.id}/plans`)).status).toBe(200);
    expect((await post(houkatsu.as, `/api/cases/${c.id}/plans`, plan)).status).toBe(403);

    const part = await post(app, `/api/cases/${c.id}/participations`, { kind: 'work', name: '市内の農園（就労体験）', startedOn: '2026-12-10' });
    expect(part.status).toBe(201);
    expect((await json(await staffFetch(app, `/api/cases/${c.id}/participations`))).participations).toMatchObject([{ kind: 'work', name: '市内の農園（就労体験）', outcome: 'ongoing' }]);

    expect((await staffFetch(houkatsu.as, `/api/meetings/${meeting.id}`)).status).toBe(200);
    expect((await staffFetch(shakyo.as, `/api/meetings/${meeting.id}`)).status).toBe(404);
    expect((await json(await staffFetch(app, `/api/cases/${c.id}/meetings`))).meetings.map((m: any) => m.id)).toEqual([meeting.id]);
  });

  test('two referrals of one case to the same agency at once: one is sent, the other is 409 referral_pending, nothing half-written', async () => {
    // Three cases, each sent twice at once: before the unique index most such pairs both got in.
    for (let round = 0; round < 3; round++) {
      const conv = await seedConversation(app, { texts: ['母の介護のことで'], share: 'yes' });
      const c = await openCase([conv.id]);
      const send = () => post(app, `/api/cases/${c.id}/referrals`, { toAgency: houkatsu.code, summary: '介護の相談をつなぎたい' });
      const answers = await Promise.all([send(), send()]);
      const rows = await app.runtime.ctx.db.select().from(referrals).where(eq(referrals.caseId, c.id));
      expect(rows).toHaveLength(1);
      const sends = await app.runtime.ctx.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.subjectType, 'case'), eq(auditLog.subjectId, c.id), eq(auditLog.action, 'referral.send')));
      expect(sends).toHaveLength(1);
      expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
      const refused = await json(answers.find((r) => r.status === 409)!);
      expect(refused.error).toMatchObject({ code: 'referral_pending', message: expect.stringContaining('返事を待って'), messageEn: expect.stringContaining('waiting') });
      if (round > 0) continue;
      // Another agency is not blocked by it, and once answered the same agency may be asked again.
      expect((await post(app, `/api/cases/${c.id}/referrals`, { toAgency: shakyo.code, summary: '家計' })).status).toBe(201);
      expect((await post(houkatsu.as, `/api/referrals/${rows[0].id}/return`, { reason: '担当地区外' })).status).toBe(200);
      expect((await send()).status).toBe(201);
    }
  });

  test('every read of a case by staff is audited', async () => {
    const c = await openCase([(await seedConversation(app, { texts: ['相談です'] })).id]);
    await staffFetch(app, `/api/cases/${c.id}`);
    const rows = await app.runtime.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectType, 'case'), eq(auditLog.subjectId, c.id), eq(auditLog.action, 'case.view')));
    expect(rows).toHaveLength(1);
    expect(rows[0].actorId).toBe(app.staffId);
  });
});
