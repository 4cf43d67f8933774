/**
 * One deliver job sends a conversation's answers in turn (issue 13, workers/deliver.ts): a burst
 * of answers for one LINE conversation, each queued as it is written while LINE answers slowly,
 * reaches the person in order and once each, with about one deliver activation per answer (the
 * old way came back every 300 ms per waiting answer while an earlier one was being sent). And
 * when the job that took later answers died with them unsent, the sweeper brings that job back
 * and they are still delivered, once. One job's statements are counted too: sending one answer by
 * reply and finding nothing next costs the claim (with the reply token and what sending needs, no
 * load before it), the finish and the look for more; an answer behind an unfinished one claims
 * nothing, spends no token and is left to that one's job. A job gives way after its batch when a
 * hotline reply waits for a slot.
 */
import { randomUUID } from 'node:crypto';
import { Queue, Worker } from 'bullmq';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { contacts, conversations, messages } from '../../src/db/schema';
import { insertOutbound, type MessageRow } from '../../src/messages/write-outbound';
import { DeliveryPriority, queueDelivery } from '../../src/messages/queue-delivery';
import { sweepOnce } from '../../src/intake/sweeper';
import { jobId, QueueName, type DeliverJob } from '../../src/queues';
import { claimFirst } from '../../src/messages/claim-delivery';
import { createLineSender, type LineSender } from '../../src/channels/line';
import { createDeliverProcessor } from '../../workers/deliver';
import { ALWAYS_STAFFED, connectStaffSocket, eventually, startTestApp, type TestApp } from '../helpers/app';
import { testDatabases } from '../helpers/databases';
import { metricValue, scrape } from '../helpers/metrics';
import { fakeLineUserId, startFakeLineApi, type FakeLineApi } from '../fixtures/fake-line-api';
import { postWebhook, textEvent, webhookBody } from '../fixtures/line-events';
import { statementsSentBy } from '../helpers/statements';
import type { MessagesEventPayload } from '../../src/contracts/socket-events';

const SECRET = 'drain-secret';
const TOKEN = 'drain-token';

describe.each(testDatabases())('delivering a burst of answers in one LINE conversation (%s)', (db) => {
  let line: FakeLineApi;
  let app: TestApp;

  beforeAll(async () => {
    line = await startFakeLineApi({ channelAccessToken: TOKEN });
    app = await startTestApp({
      db,
      withSweeper: false,
      env: { METRICS_PORT: '0', MUNICIPALITY_FILE: ALWAYS_STAFFED, LINE_CHANNEL_SECRET: SECRET, LINE_CHANNEL_ACCESS_TOKEN: TOKEN, LINE_API_BASE_URL: line.url },
    });
  });
  afterAll(async () => {
    await app?.close();
    await line?.close();
  });

  /** A LINE conversation whose bot answers are all delivered and no delivery job runs, so nothing else is under way in it. */
  async function settledConversation(userId: string) {
    const { db: database } = app.runtime.ctx;
    expect((await postWebhook(app.url, webhookBody([textEvent({ userId, text: '家賃が払えなくて困っています' })]), SECRET)).status).toBe(200);
    const [conversation] = await eventually(() =>
      database
        .select({ id: conversations.id, agencyId: conversations.agencyId, channel: conversations.channel })
        .from(conversations)
        .innerJoin(contacts, eq(contacts.id, conversations.contactId))
        .where(eq(contacts.externalId, userId))
        .then((rows) => (rows.length ? rows : null)),
    );
    await eventually(async () => {
      const out = await database.select().from(messages).where(and(eq(messages.conversationId, conversation.id), eq(messages.direction, 'out')));
      const [inbound] = await database.select().from(messages).where(and(eq(messages.conversationId, conversation.id), eq(messages.direction, 'in')));
      // and the job that sent them has ended: after its batch it looks for more answers of the
      // conversation, and would take one a test writes meanwhile (seen once under a full CI run)
      return inbound?.dialoguedAt && out.length > 0 && out.every((m) => m.deliveryState === 'sent') && (await app.runtime.ctx.queues.deliver.getActiveCount()) === 0;
    }, 30_000);
    return conversation;
  }

  /** The person wrote again a moment ago: a fresh, unused reply token on the conversation's inbound message. */
  async function freshReplyToken(conversationId: string) {
    const { db: database } = app.runtime.ctx;
    const [inbound] = await database.select().from(messages).where(and(eq(messages.conversationId, conversationId), eq(messages.direction, 'in')));
    const replyToken = line.issueReplyToken();
    await database.update(messages).set({ lineReplyToken: replyToken, lineReplyTokenAt: new Date(), lineReplyTokenUsedAt: null }).where(eq(messages.id, inbound.id));
    return { inbound, replyToken };
  }

  const activations = async () => metricValue(await scrape(app.runtime.metricsUrl!), 'tsunagu_job_wait_seconds_count', { queue: 'deliver' });
  const pushedTexts = (userId: string) =>
    line
      .delivered()
      .filter((c) => c.path === '/v2/bot/message/push' && c.body?.to === userId)
      .flatMap((c) => (c.body.messages as { text: string }[]).map((m) => m.text))
      .filter((text) => text.startsWith('回答'));

  test('12 answers queued one after another while LINE is slow: in order, once each, about one activation per answer', async () => {
    const userId = fakeLineUserId();
    const conversation = await settledConversation(userId);
    const ctx = app.runtime.ctx;
    const before = await activations();
    line.answerAfter(300);
    try {
      const texts = Array.from({ length: 12 }, (_, i) => `回答${String(i + 1).padStart(2, '0')}`);
      for (const text of texts) {
        // as a counsellor's answers are written and queued, one by one
        const rows = await ctx.db.transaction((tx) => insertOutbound(tx, conversation, [{ text, authorType: 'staff' }]));
        await queueDelivery(ctx, rows);
      }
      // LINE records a push before its answer reaches the worker, which then marks the row sent:
      // wait for the rows, not the fake's log, or a busy machine sees the last one still `sending`.
      const sentRows = () =>
        ctx.db
          .select({ text: messages.text, state: messages.deliveryState })
          .from(messages)
          .where(and(eq(messages.conversationId, conversation.id), inArray(messages.text, texts)))
          .orderBy(asc(messages.seq));
      const rows = await eventually(async () => {
        const found = await sentRows();
        return found.length === texts.length && found.every((r) => r.state === 'sent') ? found : null;
      }, 30_000);
      expect(rows.map((r) => r.text)).toEqual(texts);
      expect(pushedTexts(userId)).toEqual(texts); // in order, each once
      // every job has finished by now (its answer is sent); a job activation is one `active` event
      await eventually(async () => (await activations()) - before >= texts.length, 10_000);
      expect((await activations()) - before).toBeLessThanOrEqual(texts.length + 2);
    } finally {
      line.answerAfter(0);
    }
  }, 90_000);

  test('answers written together (a bot turn): one deliver job for them all, one LINE call, in order', async () => {
    const userId = fakeLineUserId();
    const conversation = await settledConversation(userId);
    const ctx = app.runtime.ctx;
    const rows = await ctx.db.transaction((tx) => insertOutbound(tx, conversation, ['回答X1', '回答X2', '回答X3'].map((text) => ({ text, authorType: 'bot' as const }))));
    await queueDelivery(ctx, rows);
    await eventually(async () => {
      const found = await ctx.db.select().from(messages).where(inArray(messages.id, rows.map((r) => r.id)));
      return found.every((r) => r.deliveryState === 'sent');
    }, 30_000);
    expect(pushedTexts(userId)).toEqual(['回答X1', '回答X2', '回答X3']);
    expect(line.delivered().filter((c) => c.path === '/v2/bot/message/push' && c.body?.to === userId && c.body.messages[0].text.startsWith('回答'))).toHaveLength(1);
    // only the first's job was queued: the others' would each have loaded an answer already sent
    const jobs = await Promise.all(rows.map((r) => ctx.queues.deliver.getJob(jobId.deliver(r.id))));
    expect(jobs.map((j) => Boolean(j))).toEqual([true, false, false]);
  }, 60_000);

  test('a job died holding answers it took for later ones: the sweeper brings that job back, and they are delivered once', async () => {
    const userId = fakeLineUserId();
    const conversation = await settledConversation(userId);
    const ctx = app.runtime.ctx;
    // As the database is left when the job of answer A sent A, took B and C, and its worker died
    // during their push (and its job is gone): A sent, B and C `sending` in B's batch, sent by A's job.
    const [a, b, c] = await ctx.db.transaction((tx) =>
      insertOutbound(tx, conversation, ['回答A', '回答B', '回答C'].map((text) => ({ text, authorType: 'staff' as const }))),
    );
    await ctx.db.update(messages).set({ deliveryState: 'sent', deliveryBatch: a.id, deliveryMethod: 'push', deliveryAttempts: 1, deliveredAt: new Date() }).where(eq(messages.id, a.id));
    await ctx.db.update(messages).set({ deliveryState: 'sending', deliveryBatch: b.id, deliverySender: a.id, deliveryAttempts: 1 }).where(inArray(messages.id, [b.id, c.id]));

    const swept = await sweepOnce(ctx, { safetyCheck: async () => null }, 0);
    expect(swept.broughtBack.deliver).toBeGreaterThanOrEqual(1);
    await eventually(async () => {
      const rows = await ctx.db.select().from(messages).where(inArray(messages.id, [b.id, c.id]));
      return rows.every((r) => r.deliveryState === 'sent');
    }, 30_000);
    expect(pushedTexts(userId)).toEqual(['回答B', '回答C']);
    const pushes = line.delivered().filter((call) => call.path === '/v2/bot/message/push' && call.body?.to === userId && call.body.messages[0].text.startsWith('回答'));
    expect(pushes.map((p) => p.retryKey)).toEqual([b.retryKey]);
  }, 60_000);

  /** The deliver processor on its own (no queue: nothing else runs while a test counts), sending through `line`. */
  const deliverWith = (sender: LineSender) => {
    const deliver = createDeliverProcessor({ ctx: app.runtime.ctx, line: sender });
    return (messageId: string) => deliver({ data: { messageId }, opts: { attempts: 5 } } as never);
  };
  const lineSender = () => createLineSender({ channelAccessToken: TOKEN, apiBaseUrl: line.url });

  test('one answer sent by reply, nothing waiting after it: three statements (claim with the token and what sending needs, finish, look for more)', async () => {
    const userId = fakeLineUserId();
    const conversation = await settledConversation(userId);
    const ctx = app.runtime.ctx;
    const { inbound, replyToken } = await freshReplyToken(conversation.id);
    // a counsellor's answer: its view to staff carries the counsellor's name
    const [answer] = await ctx.db.transaction((tx) => insertOutbound(tx, conversation, [{ text: '回答R', authorType: 'staff', authorStaffId: app.staffId }]));
    // what staff see, on a real /staff socket
    const staff = await connectStaffSocket(app);
    const events: MessagesEventPayload[] = [];
    staff.on('message:updated', (e: MessagesEventPayload) => void (e.conversationId === conversation.id && events.push(e)));
    const deliver = deliverWith(lineSender());
    let outcome = '';
    try {
      expect(await statementsSentBy(async () => (outcome = await deliver(answer.id)))).toBe(3);
      await eventually(async () => events.length > 0);
      await new Promise((r) => setTimeout(r, 200));
    } finally {
      staff.disconnect();
    }
    expect(outcome).toBe('sent 1 by reply');
    const replies = line.delivered().filter((c) => c.path === '/v2/bot/message/reply' && c.body?.replyToken === replyToken);
    expect(replies.map((c) => c.body.messages.map((m: { text: string }) => m.text))).toEqual([['回答R']]);
    const [row] = await ctx.db.select().from(messages).where(eq(messages.id, answer.id));
    expect(row).toMatchObject({ deliveryState: 'sent', deliveryMethod: 'reply', deliveryAttempts: 1 });
    const [spent] = await ctx.db.select().from(messages).where(eq(messages.id, inbound.id));
    expect(spent.lineReplyTokenUsedAt).toBeInstanceOf(Date);
    expect(events.map((e) => e.messages.map((view) => [view.id, view.deliveryState, view.author]))).toEqual([[[answer.id, 'sent', { type: 'staff', staffId: app.staffId, name: '相談員 太郎' }]]]);
  }, 60_000);

  test('an answer behind an unfinished one: its job claims nothing, leaves the reply token unused, and the earlier job sends it after its own', async () => {
    const userId = fakeLineUserId();
    const conversation = await settledConversation(userId);
    const ctx = app.runtime.ctx;
    const { inbound, replyToken } = await freshReplyToken(conversation.id);
    const [earlier] = await ctx.db.transaction((tx) => insertOutbound(tx, conversation, [{ text: '回答E1', authorType: 'staff' }]));
    // the earlier answer's job has claimed it (without the token) and is sending it; then the later one is written
    expect((await claimFirst(ctx.db, earlier.id, null))?.batch.map((b) => b.id)).toEqual([earlier.id]);
    const [later] = await ctx.db.transaction((tx) => insertOutbound(tx, conversation, [{ text: '回答E2', authorType: 'staff' }]));
    const deliver = deliverWith(lineSender());
    let outcome = '';
    // the claim that takes nothing, then the load that says why
    expect(await statementsSentBy(async () => (outcome = await deliver(later.id)))).toBe(2);
    expect(outcome).toBe('after an earlier answer: its job sends this one');
    const [waiting] = await ctx.db.select().from(messages).where(eq(messages.id, later.id));
    expect(waiting).toMatchObject({ deliveryState: 'pending', deliveryBatch: null, deliveryAttempts: 0 });
    const [unspent] = await ctx.db.select().from(messages).where(eq(messages.id, inbound.id));
    expect(unspent.lineReplyTokenUsedAt).toBeNull();
    // the earlier job, run again (as after its worker died), resends its batch, then takes the later answer with the token
    expect(await deliver(earlier.id)).toBe('sent 1 by push; for later answers: sent 1 by reply');
    const replies = line.delivered().filter((c) => c.path === '/v2/bot/message/reply' && c.body?.replyToken === replyToken);
    expect(replies.map((c) => c.body.messages.map((m: { text: string }) => m.text))).toEqual([['回答E2']]);
  }, 60_000);

  test('answers written while a batch is being sent: the same job sends them next, in order, once each', async () => {
    const userId = fakeLineUserId();
    const conversation = await settledConversation(userId);
    const ctx = app.runtime.ctx;
    const [first] = await ctx.db.transaction((tx) => insertOutbound(tx, conversation, [{ text: '回答D1', authorType: 'staff' }]));
    // six more answers are written (and not queued: this job is to take them) while the first is pushed
    const later = ['回答D2', '回答D3', '回答D4', '回答D5', '回答D6', '回答D7'];
    const sender = lineSender();
    let written: MessageRow[] = [];
    const deliver = deliverWith({
      reply: (token, msgs) => sender.reply(token, msgs),
      push: async (to, msgs, retryKey) => {
        if (written.length === 0) written = await ctx.db.transaction((tx) => insertOutbound(tx, conversation, later.map((text) => ({ text, authorType: 'staff' as const }))));
        return sender.push(to, msgs, retryKey);
      },
    });
    const outcome = await deliver(first.id);
    // five in a batch (LINE's most per call), then the last
    expect(outcome).toBe(`sent 1 by push; for later answers: sent 5 by push; for later answers: sent 1 by push`);
    const pushes = line.delivered().filter((c) => c.path === '/v2/bot/message/push' && c.body?.to === userId && c.body.messages[0].text.startsWith('回答D'));
    expect(pushes.map((c) => c.body.messages.map((m: { text: string }) => m.text))).toEqual([['回答D1'], later.slice(0, 5), later.slice(5)]);
    const rows = await ctx.db.select().from(messages).where(inArray(messages.id, [first.id, ...written.map((w) => w.id)])).orderBy(asc(messages.seq));
    expect(rows.map((r) => [r.text, r.deliveryState, r.deliveryAttempts])).toEqual(['回答D1', ...later].map((text) => [text, 'sent', 1]));
  }, 60_000);

  test('a hotline reply waiting for a slot: the job gives way after its own batch; the next answers go on in a job of their own, at its priority', async () => {
    const userId = fakeLineUserId();
    const conversation = await settledConversation(userId);
    const ctx = app.runtime.ctx;
    // a deliver queue no worker reads: what waits in it stays waiting
    const prefix = `idle-${randomUUID()}`;
    const idle = new Queue<DeliverJob>(QueueName.deliver, { connection: ctx.redis, prefix });
    const fetcher = new Worker<DeliverJob>(QueueName.deliver, null, { connection: ctx.redis, prefix });
    try {
      const [first] = await ctx.db.transaction((tx) => insertOutbound(tx, conversation, [{ text: '回答G1', authorType: 'staff' }]));
      const sender = lineSender();
      let written: MessageRow[] = [];
      const deliver = createDeliverProcessor({
        ctx: { ...ctx, queues: { ...ctx.queues, deliver: idle } },
        line: {
          reply: (token, msgs) => sender.reply(token, msgs),
          push: async (to, msgs, retryKey) => {
            if (written.length === 0) {
              // while the first is pushed: two more answers, their own job running (it is about to
              // end, having seen the first unfinished), and someone's hotline reply queued
              written = await ctx.db.transaction((tx) => insertOutbound(tx, conversation, ['回答G2', '回答G3'].map((text) => ({ text, authorType: 'staff' as const }))));
              await idle.add('deliver', { messageId: written[0].id }, { jobId: jobId.deliver(written[0].id), priority: DeliveryPriority.ordinary });
              expect((await fetcher.getNextJob('test-token'))?.data.messageId).toBe(written[0].id);
              await idle.add('deliver', { messageId: randomUUID() }, { jobId: 'hotline', priority: DeliveryPriority.safety });
            }
            return sender.push(to, msgs, retryKey);
          },
        },
      });
      const run = (messageId: string) => deliver({ data: { messageId }, opts: { attempts: 5, priority: DeliveryPriority.ordinary } } as never);

      expect(await run(first.id)).toBe('sent 1 by push');
      // handed over to a job of their own, waiting at the job's priority (the answer's own is still running)
      const waiting = await idle.getJobs(['prioritized', 'waiting']);
      const handedOver = waiting.filter((j) => j.data.messageId === written[0].id);
      expect(handedOver.map((j) => [j.id, j.opts.priority])).toEqual([[jobId.deliverAfter(written[0].id, first.id), DeliveryPriority.ordinary]]);
      const rows = await ctx.db.select().from(messages).where(inArray(messages.id, written.map((w) => w.id)));
      expect(rows.map((w) => [w.deliveryState, w.deliveryBatch])).toEqual([
        ['pending', null],
        ['pending', null],
      ]);

      // the hotline reply has its slot; the handed-over job sends the rest, together
      await (await idle.getJob('hotline'))!.remove();
      expect(await run(written[0].id)).toBe('sent 2 by push');
      const pushes = line.delivered().filter((c) => c.path === '/v2/bot/message/push' && c.body?.to === userId && c.body.messages[0].text.startsWith('回答G'));
      expect(pushes.map((c) => c.body.messages.map((m: { text: string }) => m.text))).toEqual([['回答G1'], ['回答G2', '回答G3']]);
    } finally {
      await fetcher.close(true);
      await idle.obliterate({ force: true });
      await idle.close();
    }
  }, 60_000);

  test('the reply token is claimed with a batch only when the batch is: an answer another job took a moment ago leaves it unused', async () => {
    const userId = fakeLineUserId();
    const conversation = await settledConversation(userId);
    const ctx = app.runtime.ctx;
    const { inbound } = await freshReplyToken(conversation.id);
    const [answer] = await ctx.db.transaction((tx) => insertOutbound(tx, conversation, [{ text: '回答T', authorType: 'staff' }]));
    // another job claimed it (without the token) a moment ago
    expect((await claimFirst(ctx.db, answer.id, null))?.batch.map((b) => b.id)).toEqual([answer.id]);
    expect(await claimFirst(ctx.db, answer.id, new Date(Date.now() - 60_000))).toBeNull();
    const [token] = await ctx.db.select().from(messages).where(eq(messages.id, inbound.id));
    expect(token.lineReplyTokenUsedAt).toBeNull();
    const [row] = await ctx.db.select().from(messages).where(eq(messages.id, answer.id));
    expect(row).toMatchObject({ deliveryState: 'sending', deliveryMethod: null, deliveryAttempts: 1 });
  }, 60_000);
});
