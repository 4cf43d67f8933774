/**
 * Fault: a new person writes while triage has a backlog of returning people's messages. Their
 * message is triaged ahead (TriagePriority.newcomer, src/queues/index.ts): nobody has answered
 * them yet, and their first answer waits for triage. One triage job at a time, so the backlog is
 * real and the order is the queue's. A returning person's message is not put ahead.
 */
import { inArray, isNotNull, and } from 'drizzle-orm';
import { messages, triageRuns } from '../../../src/db/schema';
import { eventually } from '../../helpers/app';
import { testDatabases } from '../../helpers/databases';
import { inboundOf, lineAppForFaults, returningBacklog } from '../../helpers/burst';
import { fakeLineUserId } from '../../fixtures/fake-line-api';
import { postWebhook, textEvent, webhookBody } from '../../fixtures/line-events';

const SECRET = 'fault-newcomer-triage-secret';

describe.each(testDatabases())('a new person in a busy triage queue (%s)', (db) => {
  const parts = lineAppForFaults(db, SECRET, { TRIAGE_CONCURRENCY: '1' });

  const inbound = (userIds: string[]) => inboundOf(parts.app.runtime.ctx.db, userIds);

  test("a new person's message is triaged before most of the returning people's messages waiting", async () => {
    const { app, line } = parts;
    const { users, messages: burst } = await returningBacklog(parts, SECRET, { users: 12, perUser: 4 });
    // The backlog has started to move.
    await eventually(async () => (await app.runtime.ctx.db.select({ id: messages.id }).from(messages).where(and(inArray(messages.text, burst.map((m) => m.text)), isNotNull(messages.triagedAt)))).length > 0, 30_000, 20);

    const newcomer = fakeLineUserId();
    expect((await postWebhook(app.url, webhookBody([textEvent({ userId: newcomer, text: '家賃が払えなくて困っています', replyToken: line.issueReplyToken() })]), SECRET)).status).toBe(200);
    const [mine] = await eventually(async () => {
      const rows = await inbound([newcomer]);
      return rows[0]?.triagedAt ? rows : null;
    }, 60_000);
    const returning = await eventually(async () => {
      const rows = await inbound(users);
      return rows.length === 12 * 5 && rows.every((r) => r.triagedAt) ? rows : null;
    }, 90_000);

    // returning people's messages triaged after the newcomer wrote, and of those, before the newcomer's
    const later = returning.filter((r) => r.triagedAt! > mine.createdAt);
    const ahead = later.filter((r) => r.triagedAt! < mine.triagedAt!).length;
    // Only meaningful with a queue to jump: returning messages still waiting when the newcomer wrote.
    expect(later.length).toBeGreaterThanOrEqual(8);
    expect(`${ahead} of ${later.length}`).toBe(ahead < later.length / 2 ? `${ahead} of ${later.length}` : `fewer than half of ${later.length}`);
    // each message triaged once
    const runs = await app.runtime.ctx.db.select({ id: triageRuns.messageId }).from(triageRuns).where(inArray(triageRuns.messageId, returning.map((r) => r.id)));
    expect(runs).toHaveLength(12 * 5);
  }, 180_000);
});
