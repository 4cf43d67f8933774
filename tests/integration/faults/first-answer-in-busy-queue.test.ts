/**
 * Fault: a new person writes while returning people's turns wait: a backlog of their messages,
 * each triaged and then answered by its triage job (workers/dialogue.ts). The new person's first
 * turn is taken ahead: their triage goes ahead (TriagePriority.newcomer), and their first turn,
 * queued on its own because it asks LINE for their profile, goes ahead in the dialogue queue
 * (DialoguePriority): nobody has answered them yet; so does the delivery of its answer. One triage job at a time, so the backlog is real and the
 * order is the queue's.
 */
import { and, eq, gt, inArray } from 'drizzle-orm';
import { eventually } from '../../helpers/app';
import { messages } from '../../../src/db/schema';
import { jobId } from '../../../src/queues';
import { DeliveryPriority } from '../../../src/messages/queue-delivery';
import { testDatabases } from '../../helpers/databases';
import { expectJumpedQueue, inboundOf, lineAppForFaults, oneInbound, returningBacklog, untilMoving } from '../../helpers/burst';
import { fakeLineUserId } from '../../fixtures/fake-line-api';
import { postWebhook, textEvent, webhookBody } from '../../fixtures/line-events';

const SECRET = 'fault-first-answer-secret';

describe.each(testDatabases())('a new person while returning people wait for their turns (%s)', (db) => {
  const parts = lineAppForFaults(db, SECRET, { TRIAGE_CONCURRENCY: '1', DIALOGUE_CONCURRENCY: '1' });

  test("a new person's first turn is taken before most of the returning people's turns waiting", async () => {
    const { app, line } = parts;
    const database = app.runtime.ctx.db;
    // Returning people, each answered once, then four more messages each: a backlog of ordinary turns.
    const { users, messages: burst } = await returningBacklog(parts, SECRET, { users: 12, perUser: 4 });
    await untilMoving(database, burst.map((m) => m.text), 'dialoguedAt');

    const newcomer = fakeLineUserId();
    expect((await postWebhook(app.url, webhookBody([textEvent({ userId: newcomer, text: '家賃が払えなくて困っています', replyToken: line.issueReplyToken() })]), SECRET)).status).toBe(200);
    const mine = await oneInbound(database, newcomer, 'dialoguedAt');
    const returning = await eventually(async () => {
      const rows = await inboundOf(database, users);
      return rows.every((r) => r.dialoguedAt) ? rows : null;
    }, 90_000);

    expectJumpedQueue(returning, mine, 'dialoguedAt');

    // …and its answer is delivered ahead of returning people's answers (DeliveryPriority.ahead)
    // answers written together share one job, the first's (src/messages/queue-delivery.ts)
    const deliveryPriorities = async (rows: Array<{ id: string }>) => {
      const jobs = (await Promise.all(rows.map((r) => app.runtime.ctx.queues.deliver.getJob(jobId.deliver(r.id))))).filter((j) => j !== undefined);
      expect(jobs.length).toBeGreaterThan(0);
      return [...new Set(jobs.map((j) => j.opts.priority))];
    };
    const myAnswers = await database
      .select({ id: messages.id })
      .from(messages)
      .where(and(eq(messages.conversationId, mine.conversationId), eq(messages.direction, 'out')));
    expect(myAnswers.length).toBeGreaterThan(0);
    expect(await deliveryPriorities(myAnswers)).toEqual([DeliveryPriority.ahead]);
    // returning people's answers to their later messages (their first answers went ahead too)
    const later = await database
      .select({ id: messages.id })
      .from(messages)
      .where(and(inArray(messages.conversationId, [...new Set(returning.map((r) => r.conversationId))]), eq(messages.direction, 'out'), gt(messages.createdAt, mine.createdAt)));
    expect(later.length).toBeGreaterThan(0);
    expect(await deliveryPriorities(later)).toEqual([DeliveryPriority.ordinary]);
  }, 180_000);
});
