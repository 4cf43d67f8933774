/**
 * Issue 13: a message's dialogue turn runs in its triage job, right after triage (workers/triage.ts,
 * src/triage/record-result.ts), instead of as a job of its own: one BullMQ job fewer per message.
 * Staff get one event from that job: the turn's answers with the conversation as the turn left
 * it, which holds the triage too (with intake's and the delivery's, three events for a message).
 * The dialogue queue still takes the turns that cannot run then, in the order the person wrote:
 * - an earlier message of the conversation still waits for its turn: the later one is queued,
 *   and runs after it;
 * - the turn fails: it is queued, and the dialogue job takes it (with its retries);
 * - a LINE person's first turn, which asks LINE for their profile: a triage job must not wait on
 *   LINE (the hotline reply waits for triage slots), so it is queued; their next turns are not.
 * The turn reads nothing of its own when nothing earlier waited at triage's load: that load serves it.
 * A turn that saw, at its load, a later message triaged and waiting takes that message's turn too,
 * once its own has committed: the later one's job (put back until then) finds it handled.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { conversations, messages } from '../../src/db/schema';
import { DialoguePriority, jobId, jobOptions } from '../../src/queues';
import { createTriageProcessor } from '../../workers/triage';
import { createDialogueTurn, LATER_TURN, type DialogueTurn } from '../../workers/dialogue';
import { statementsSentBy } from '../helpers/statements';
import type { MessagesCreatedPayload, MessagesEventPayload } from '../../src/contracts/socket-events';
import { connectStaffSocket, eventually, onConversationChange, startTestApp, type ConversationChange, type TestApp } from '../helpers/app';
import { testDatabases } from '../helpers/databases';
import { checkTriage, injectTriagedMessage } from '../helpers/triage-result';
import { openWidgetSession, widgetSend, type WidgetSession } from '../helpers/widget';
import { inboundOf } from '../helpers/burst';
import { fakeLineUserId, startFakeLineApi, type FakeLineApi } from '../fixtures/fake-line-api';
import { postWebhook, textEvent, webhookBody } from '../fixtures/line-events';

describe.each(testDatabases())('the dialogue turn after triage (%s)', (db) => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ db, withSweeper: false });
  });
  afterAll(async () => {
    await app?.close();
  });

  const message = async (id: string) => (await app.runtime.ctx.db.select().from(messages).where(eq(messages.id, id)))[0];
  /** A triage job's processor, run here, with a fixed analysis and the given turn. */
  const triageWith = (turn: DialogueTurn) =>
    createTriageProcessor({
      ctx: app.runtime.ctx,
      analyser: { engine: 'test', analyse: async () => checkTriage({ urgency: 'normal', categories: ['money'], risk: { score: 0.05, band: 'clear' } }) },
      turn,
    });
  const answers = async (conversationId: string) =>
    (await app.runtime.ctx.db.select().from(messages).where(eq(messages.conversationId, conversationId))).filter((m) => m.direction === 'out');

  test('a first message: triaged, answered, and no dialogue job was added for it', async () => {
    const s = await openWidgetSession(app.url);
    const id = await widgetSend(app.url, s, '母の介護のことで相談したいです');
    await eventually(async () => (await message(id)).dialoguedAt);
    expect((await message(id)).triagedAt).toBeInstanceOf(Date);
    expect((await answers(s.conversationId)).length).toBeGreaterThan(0);
    expect(await app.runtime.ctx.queues.dialogue.getJob(jobId.dialogue(id))).toBeUndefined();
  });

  test('staff get one event from the triage job, carrying the triage, the turn and its answers: three for the message in all', async () => {
    const socket = await connectStaffSocket(app);
    try {
      const s = await openWidgetSession(app.url);
      const views: ConversationChange[] = [];
      onConversationChange(socket, (c) => void (c.conversation.id === s.conversationId && views.push(c)));
      // every /staff event about this conversation
      const events: string[] = [];
      socket.onAny((name: string, e: { conversationId?: string; conversation?: { id: string } }) => void ((e?.conversationId ?? e?.conversation?.id) === s.conversationId && events.push(name)));
      const id = await widgetSend(app.url, s, '父が一人暮らしで心配です');
      await eventually(async () => (await message(id)).dialoguedAt);
      const [row] = await app.runtime.ctx.db.select().from(conversations).where(eq(conversations.id, s.conversationId));
      // the turn's view, with its answers: the conversation as the turn left it (its latest version), with the triage in it
      const fromTriage = await eventually(async () => views.find((u) => u.triagedMessageId === id) ?? null);
      expect(fromTriage.event).toBe('message:created');
      expect(fromTriage.conversation.version).toBe(row.version);
      expect(fromTriage.conversation.triage).toMatchObject({ urgency: expect.any(String) });
      await eventually(async () => events.includes('message:updated'));
      await new Promise((r) => setTimeout(r, 500));
      // intake's (the message and the conversation), the triage job's, the delivery's: nothing more
      // (five before: intake, triage and turn each sent the conversation apart from the messages)
      expect(views.map((v) => v.event)).toEqual(['message:created', 'message:created']);
      expect([...events].sort()).toEqual(['message:created', 'message:created', 'message:updated']);
    } finally {
      socket.disconnect();
    }
  });

  /**
   * A returning person's session (their first turn done, so a later turn of theirs is an ordinary
   * one: a first turn waiting would go ahead, and the earlier turn would wake its job instead),
   * with the dialogue queue paused once nothing is left in it from earlier tests (a held-back job
   * coming back would count as a more urgent turn waiting).
   */
  const returningPersonQueuePaused = async () => {
    const { queues } = app.runtime.ctx;
    const s = await openWidgetSession(app.url);
    const first = await widgetSend(app.url, s, 'こんにちは');
    await eventually(async () => (await message(first)).dialoguedAt);
    await eventually(async () => Object.values(await queues.dialogue.getJobCounts('wait', 'prioritized', 'delayed', 'active')).every((n) => n === 0));
    await queues.dialogue.pause();
    return s;
  };

  /**
   * With the dialogue queue paused: an earlier message, triaged, its turn waiting as a job, and a
   * later one sent after it, triaged, whose turn did not run ahead of the earlier one: it waits as
   * a job of its own.
   */
  const laterBehindEarlier = async (s: WidgetSession) => {
    const earlierId = await injectTriagedMessage(app, s.conversationId, '母の介護のことで相談したいです', checkTriage({ urgency: 'normal', risk: { score: 0.05, band: 'clear' } }));
    const laterId = await widgetSend(app.url, s, '夜も眠れていないようです');
    await eventually(async () => (await message(laterId)).triagedAt);
    await eventually(() => app.runtime.ctx.queues.dialogue.getJob(jobId.dialogue(laterId)));
    return { earlierId, laterId };
  };

  test("a message whose conversation has an earlier turn waiting: queued, and answered after the earlier one", async () => {
    const { ctx } = app.runtime;
    const s = await openWidgetSession(app.url);
    await ctx.queues.dialogue.pause();
    let earlierId: string, laterId: string;
    try {
      ({ earlierId, laterId } = await laterBehindEarlier(s));
      expect((await message(laterId)).dialoguedAt).toBeNull();
      expect((await message(earlierId)).dialoguedAt).toBeNull();
    } finally {
      await ctx.queues.dialogue.resume();
    }
    const later = await eventually(async () => (await message(laterId)).dialoguedAt);
    const earlier = (await message(earlierId)).dialoguedAt!;
    expect(earlier.getTime()).toBeLessThanOrEqual(later.getTime());
  });

  test("the earlier message's turn takes the later one's, after its own; the later one's job finds it handled", async () => {
    const { ctx } = app.runtime;
    const s = await returningPersonQueuePaused();
    let earlierId: string, laterId: string;
    try {
      ({ earlierId, laterId } = await laterBehindEarlier(s));
      // the earlier message's turn, as its job runs it (the queue still paused)
      const turned = await createDialogueTurn({ ctx, profileLanguage: null })(earlierId, { ahead: false });
      expect('done' in turned && turned.done).toContain(LATER_TURN);
      const earlier = (await message(earlierId)).dialoguedAt!;
      const later = (await message(laterId)).dialoguedAt!;
      expect(later).toBeInstanceOf(Date);
      expect(earlier.getTime()).toBeLessThanOrEqual(later.getTime());
    } finally {
      await ctx.queues.dialogue.resume();
    }
    const written = (await answers(s.conversationId)).length;
    expect(written).toBeGreaterThan(0);
    // both jobs run now: each finds its message handled, and nothing is answered twice
    for (const id of [earlierId, laterId]) await eventually(async () => (await ctx.queues.dialogue.getJob(jobId.dialogue(id)))?.returnvalue === 'already handled');
    expect((await answers(s.conversationId)).length).toBe(written);
  });

  test('between turns a more urgent job waiting for the slot goes first: the later turn is left to its own job, woken', async () => {
    const { ctx } = app.runtime;
    const s = await returningPersonQueuePaused();
    // someone's first turn, waiting for a dialogue slot
    const urgent = await ctx.queues.dialogue.add('dialogue', { messageId: randomUUID() }, { ...jobOptions.dialogue, jobId: `test-urgent-${randomUUID()}`, priority: DialoguePriority.ahead });
    let laterId: string;
    try {
      let earlierId: string;
      ({ earlierId, laterId } = await laterBehindEarlier(s));
      const turned = await createDialogueTurn({ ctx, profileLanguage: null })(earlierId, { ahead: false });
      expect('done' in turned && turned.done).toContain(`${LATER_TURN}its job woken`);
      expect((await message(laterId)).dialoguedAt).toBeNull();
    } finally {
      await urgent.remove();
      await ctx.queues.dialogue.resume();
    }
    await eventually(async () => (await message(laterId)).dialoguedAt);
  });

  test("a turn that went ahead (a person's first) leaves the later ordinary turn to its own job, woken at once", async () => {
    const { ctx } = app.runtime;
    const s = await openWidgetSession(app.url);
    await ctx.queues.dialogue.pause();
    let laterId: string;
    try {
      let earlierId: string;
      ({ earlierId, laterId } = await laterBehindEarlier(s));
      // the later one's job as a held-back job is: it would look again in a minute
      await (await ctx.queues.dialogue.getJob(jobId.dialogue(laterId)))!.remove();
      await ctx.queues.dialogue.add('dialogue', { messageId: laterId }, { ...jobOptions.dialogue, jobId: jobId.dialogue(laterId), delay: 60_000 });
      const turned = await createDialogueTurn({ ctx, profileLanguage: null })(earlierId, { ahead: true });
      expect('done' in turned && turned.done).toContain(`${LATER_TURN}its job woken`);
      expect((await message(laterId)).dialoguedAt).toBeNull();
      expect(await (await ctx.queues.dialogue.getJob(jobId.dialogue(laterId)))!.getState()).not.toBe('delayed');
    } finally {
      await ctx.queues.dialogue.resume();
    }
    // its job runs now, not in a minute
    await eventually(async () => (await message(laterId)).dialoguedAt);
  });

  test("a returning person's message: the turn reads nothing more, triage's load serves it, its write carries triage's, and with nothing later waiting it looks for no later turn (two statements in all)", async () => {
    const { ctx } = app.runtime;
    const s = await openWidgetSession(app.url);
    const first = await widgetSend(app.url, s, '母の介護のことで相談したいです');
    // the first message's work all done (its answers sent, the delivery job ended after its look
    // for more): nothing else sends statements meanwhile
    const sent = async () => ((rows) => rows.length > 0 && rows.every((m) => m.deliveryState === 'sent'))(await answers(s.conversationId));
    await eventually(async () => (await message(first)).dialoguedAt && (await sent()) && (await ctx.queues.deliver.getActiveCount()) === 0);
    await ctx.queues.triage.pause();
    let id: string;
    try {
      id = await widgetSend(app.url, s, '夜も眠れていないようです');
      const triage = triageWith(createDialogueTurn({ ctx, profileLanguage: null }));
      // the load (with what the turn needs), then triage's write and the turn's in one statement
      expect(await statementsSentBy(() => triage({ data: { messageId: id }, opts: {} } as never))).toBe(2);
      expect((await message(id)).dialoguedAt).toBeInstanceOf(Date);
      expect((await message(id)).triagedAt).toBeInstanceOf(Date);
    } finally {
      await ctx.queues.triage.resume();
    }
    expect(await ctx.queues.dialogue.getJob(jobId.dialogue(id))).toBeUndefined();
  });

  test('a turn that fails after triage is queued, and the dialogue job takes it', async () => {
    const { ctx } = app.runtime;
    const s = await openWidgetSession(app.url);
    await ctx.queues.triage.pause();
    let id: string;
    try {
      id = await widgetSend(app.url, s, '仕事を失って家賃が払えません');
      // the triage job of this message, run here with a turn that fails (the database gone for a moment)
      const triage = triageWith(() => Promise.reject(Object.assign(new Error('connection terminated'), { code: 'ECONNRESET' })));
      await triage({ data: { messageId: id }, opts: {} } as never);
      expect((await message(id)).triagedAt).toBeInstanceOf(Date);
      expect(await ctx.queues.dialogue.getJob(jobId.dialogue(id))).toBeDefined();
    } finally {
      await ctx.queues.triage.resume();
    }
    await eventually(async () => (await message(id)).dialoguedAt);
    expect((await answers(s.conversationId)).length).toBeGreaterThan(0);
  });
});

describe.each(testDatabases())('the first turn of a LINE person after triage (%s)', (db) => {
  const SECRET = 'turn-after-triage-secret';
  const TOKEN = 'turn-after-triage-token';
  let app: TestApp;
  let line: FakeLineApi;

  beforeAll(async () => {
    line = await startFakeLineApi({ channelAccessToken: TOKEN });
    app = await startTestApp({ db, withSweeper: false, env: { LINE_CHANNEL_SECRET: SECRET, LINE_CHANNEL_ACCESS_TOKEN: TOKEN, LINE_API_BASE_URL: line.url } });
  });
  afterAll(async () => {
    await app?.close();
    await line?.close();
  });

  test("the bot's answers to a message reach staff as one event when written and one when sent (one LINE call), in order", async () => {
    const { ctx } = app.runtime;
    const socket = await connectStaffSocket(app);
    try {
      const userId = fakeLineUserId();
      const created: MessagesCreatedPayload[] = [];
      const updated: MessagesEventPayload[] = [];
      socket.on('message:created', (e: MessagesCreatedPayload) => void created.push(e));
      socket.on('message:updated', (e: MessagesEventPayload) => void updated.push(e));
      expect((await postWebhook(app.url, webhookBody([textEvent({ userId, text: '父が一人暮らしで心配です', replyToken: line.issueReplyToken() })]), SECRET)).status).toBe(200);
      const [inbound] = await eventually(async () => ((rows) => (rows.length === 1 && rows[0].dialoguedAt ? rows : null))(await inboundOf(ctx.db, [userId])));
      const sent = await eventually(async () => {
        const rows = await ctx.db.select().from(messages).where(eq(messages.conversationId, inbound.conversationId));
        const out = rows.filter((m) => m.direction === 'out');
        return out.length >= 2 && out.every((m) => m.deliveryState === 'sent') ? out.sort((a, b) => a.seq - b.seq).map((m) => m.id) : null;
      });
      await eventually(async () => updated.some((e) => e.conversationId === inbound.conversationId));
      await new Promise((r) => setTimeout(r, 300));
      const mine = (list: MessagesEventPayload[]) => list.filter((e) => e.conversationId === inbound.conversationId).map((e) => e.messages.map((m) => m.id));
      // the person's message, then the turn's answers together, each with the conversation as it left it
      expect(mine(created)).toEqual([[inbound.id], sent]);
      const views = created.filter((e) => e.conversationId === inbound.conversationId).map((e) => e.conversation);
      expect(views.map((c) => [c?.id, c?.preview ?? null])).toEqual([
        [inbound.conversationId, '父が一人暮らしで心配です'],
        [inbound.conversationId, null],
      ]);
      // one LINE call for them, one event
      expect(mine(updated)).toEqual([sent]);
      expect(updated.flatMap((e) => e.messages).filter((m) => sent.includes(m.id)).every((m) => m.deliveryState === 'sent')).toBe(true);
    } finally {
      socket.disconnect();
    }
  });

  test('asks LINE for the profile in a dialogue job; the next turn runs in its triage job', async () => {
    const { ctx } = app.runtime;
    const userId = fakeLineUserId();
    const send = async (text: string) => expect((await postWebhook(app.url, webhookBody([textEvent({ userId, text, replyToken: line.issueReplyToken() })]), SECRET)).status).toBe(200);
    const turned = (n: number) => eventually(async () => ((rows) => (rows.length === n && rows.every((r) => r.dialoguedAt) ? rows : null))(await inboundOf(ctx.db, [userId])));

    await send('母の介護のことで相談したいです');
    const [first] = await turned(1);
    expect(await ctx.queues.dialogue.getJob(jobId.dialogue(first.id))).toBeDefined();

    await send('自分のことです');
    const rows = await turned(2);
    const second = rows.find((r) => r.id !== first.id)!;
    expect(await ctx.queues.dialogue.getJob(jobId.dialogue(second.id))).toBeUndefined();
  });
});
