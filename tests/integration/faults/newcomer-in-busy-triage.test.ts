/**
 * Fault: a new person writes while triage has a backlog of returning people's messages. Their
 * message is triaged ahead (TriagePriority.newcomer, src/queues/index.ts): nobody has answered
 * them yet, and their first answer waits for triage. One triage job at a time, so the backlog is
 * real and the order is the queue's. A returning person's message is not put ahead.
 */
import { inArray } from 'drizzle-orm';
import { triageRuns } from '../../../src/db/schema';
import { eventually } from '../../helpers/app';
import { testDatabases } from '../../helpers/databases';
import { expectJumpedQueue, inboundOf, lineAppForFaults, oneInbound, returningBacklog, untilMoving } from '../../helpers/burst';
import { fakeLineUserId } from '../../fixtures/fake-line-api';
import { postWebhook, textEvent, webhookBody } from '../../fixtures/line-events';

const SECRET = 'fault-newcomer-triage-secret';

describe.each(testDatabases())('a new person in a busy triage queue (%s)', (db) => {
  const parts = lineAppForFaults(db, SECRET, { TRIAGE_CONCURRENCY: '1' });

  test("a new person's message is triaged before most of the returning people's messages waiting", async () => {
    const { app, line } = parts;
    const database = app.runtime.ctx.db;
    const { users, messages: burst } = await returningBacklog(parts, SECRET, { users: 12, perUser: 4 });
    await untilMoving(database, burst.map((m) => m.text), 'triagedAt');

    const newcomer = fakeLineUserId();
    expect((await postWebhook(app.url, webhookBody([textEvent({ userId: newcomer, text: '家賃が払えなくて困っています', replyToken: line.issueReplyToken() })]), SECRET)).status).toBe(200);
    const mine = await oneInbound(database, newcomer, 'triagedAt');
    const returning = await eventually(async () => {
      const rows = await inboundOf(database, users);
      return rows.length === 12 * 5 && rows.every((r) => r.triagedAt) ? rows : null;
    }, 90_000);

    expectJumpedQueue(returning, mine, 'triagedAt');
    // each message triaged once
    const runs = await database.select({ id: triageRuns.messageId }).from(triageRuns).where(inArray(triageRuns.messageId, returning.map((r) => r.id)));
    expect(runs).toHaveLength(12 * 5);
  }, 180_000);
});
