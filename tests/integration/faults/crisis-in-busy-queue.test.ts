/**
 * Fault: a crisis in a busy queue. While a burst of ordinary messages is being answered by a slow
 * LINE API, one person writes that they want to die: their hotline reply must go out ahead of the
 * ordinary backlog (safety first), and the burst is still answered exactly once. Once it is
 * queued, it takes the first delivery slot to free: a job sending a conversation's answers one
 * batch after another gives way after its batch (workers/deliver.ts), so until the hotline job has
 * a slot each slot begins at most one ordinary call.
 */
import { and, asc, countDistinct, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../src/db/client';
import { contacts, conversations, messages } from '../../../src/db/schema';
import { jobId } from '../../../src/queues';
import { eventually } from '../../helpers/app';
import { testDatabases } from '../../helpers/databases';
import { deliveredTo, expectBurstExactlyOnce, planBurst, sendBurst, watchShown, lineAppForFaults } from '../../helpers/burst';
import { fakeLineUserId } from '../../fixtures/fake-line-api';
import { postWebhook, textEvent, webhookBody } from '../../fixtures/line-events';

const SECRET = 'fault-crisis-secret';

describe.each(testDatabases())('a crisis in a busy queue (%s)', (db) => {
  // Four deliveries at a time (the default runs more): with a slow LINE that builds a queue to jump.
  // Priority orders what waits; answers already being sent finish first.
  const SLOTS = 4;
  const parts = lineAppForFaults(db, SECRET, { DELIVER_CONCURRENCY: String(SLOTS) });

  test('the hotline reply takes the first delivery slot to free, ahead of the ordinary backlog', async () => {
    const { app, line, socket } = parts;
    // Sixteen people: more conversations with answers waiting than there are slots, so the queue
    // to jump is made of different conversations (one call each at least), not one person's batch.
    const burst = planBurst(line, { users: 16, perUser: 4 });
    const shown = watchShown(socket);
    line.answerAfter(1000); // four deliveries at a time, each waiting a second: a backlog builds up
    // each person writes again every 150 ms or so: their conversations keep having answers to send
    const sent = sendBurst(() => app.url, SECRET, burst.messages, { gapMs: 150 });
    const ordinary = new Set(burst.users);
    const ordinaryTokens = new Set(burst.messages.map((m) => m.replyToken));
    const isOrdinary = (c: (typeof line.calls)[number]) => ordinary.has(c.body?.to) || ordinaryTokens.has(c.body?.replyToken);
    // The backlog is real before the crisis is written: every slot is sending ordinary answers and
    // at least WAITING conversations have answers no job has taken yet. Each of those needs a call
    // of its own after this moment, and at most SLOTS calls can begin before the hotline reply's
    // (asserted below), so at least WAITING - SLOTS ordinary calls are overtaken. Waiting for this
    // state rather than for a time keeps the test meaningful on a slow machine.
    const WAITING = SLOTS + 8;
    await eventually(async () => line.calls.filter(isOrdinary).length >= SLOTS && (await conversationsWaiting(app.runtime.ctx.db, burst.users)) >= WAITING, 60_000, 20);

    const crisisUser = fakeLineUserId();
    const crisisToken = line.issueReplyToken();
    const res = await postWebhook(app.url, webhookBody([textEvent({ userId: crisisUser, text: 'もう疲れました。死にたいです。薬を全部飲もうと思っています', replyToken: crisisToken })]), SECRET);
    expect(res.status).toBe(200);
    const isHotline = (c: (typeof line.calls)[number]) => c.status === 200 && (c.body?.to === crisisUser || c.body?.replyToken === crisisToken);
    await eventually(async () => line.calls.some(isHotline), 60_000);
    expect(await sent).toEqual([]);

    await expectBurstExactlyOnce({ db: app.runtime.ctx.db, line, burst, shown, timeoutMs: 90_000 });
    const [hotline] = await app.runtime.ctx.db
      .select({ id: messages.id })
      .from(messages)
      .innerJoin(conversations, eq(conversations.id, messages.conversationId))
      .innerJoin(contacts, eq(contacts.id, conversations.contactId))
      .where(and(eq(contacts.externalId, crisisUser), eq(messages.direction, 'out')))
      .orderBy(asc(messages.seq))
      .limit(1);
    const hotlineJob = (await app.runtime.ctx.queues.deliver.getJob(jobId.deliver(hotline.id)))!;
    const began = (c: (typeof line.calls)[number]) => c.receivedAt.getTime();
    const hotlineBegan = began(line.calls.find(isHotline)!);
    // Ordinary calls LINE received after the hotline reply was queued: until its job got a slot,
    // and after its own call began.
    const whileWaiting = line.calls.filter((c) => isOrdinary(c) && began(c) > hotlineJob.timestamp && began(c) < hotlineJob.processedOn!).length;
    const overtaken = line.calls.filter((c) => isOrdinary(c) && began(c) > hotlineBegan).length;
    expect(overtaken).toBeGreaterThanOrEqual(WAITING - SLOTS); // the test is only meaningful with a queue to jump
    // It waited for one slot to end its call, not for conversations to drain: the first slot to
    // end a call after it was queued gives way to it, so until then each slot began at most one.
    expect(whileWaiting).toBeLessThanOrEqual(SLOTS);
    expect(deliveredTo(line, { users: [crisisUser], messages: [{ userId: crisisUser, text: '', body: '', replyToken: crisisToken }] }, crisisUser)[0]).toMatch(/いのち|電話|相談/);
  }, 150_000);
});

/** How many of these LINE users' conversations have answers that no delivery job has taken yet. */
async function conversationsWaiting(db: Db, userIds: string[]): Promise<number> {
  const [row] = await db
    .select({ n: countDistinct(messages.conversationId) })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .where(and(inArray(contacts.externalId, userIds), eq(messages.direction, 'out'), eq(messages.deliveryState, 'pending')));
  return Number(row.n);
}
