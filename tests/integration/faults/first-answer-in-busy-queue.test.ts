/**
 * Fault: a new person writes while the front-door dialogue has a backlog of returning people's
 * turns. Their first turn goes ahead (DialoguePriority, src/queues/index.ts): nobody has answered
 * them yet. One dialogue job at a time, so the backlog is real and the order is the queue's.
 */
import { and, inArray, isNotNull } from 'drizzle-orm';
import { messages } from '../../../src/db/schema';
import { eventually } from '../../helpers/app';
import { testDatabases } from '../../helpers/databases';
import { inboundOf, lineAppForFaults, returningBacklog } from '../../helpers/burst';
import { fakeLineUserId } from '../../fixtures/fake-line-api';
import { postWebhook, textEvent, webhookBody } from '../../fixtures/line-events';

const SECRET = 'fault-first-answer-secret';

describe.each(testDatabases())('a new person in a busy dialogue queue (%s)', (db) => {
  const parts = lineAppForFaults(db, SECRET, { DIALOGUE_CONCURRENCY: '1' });

  const inbound = (userIds: string[]) => inboundOf(parts.app.runtime.ctx.db, userIds);

  test("a new person's first turn is taken before most of the returning people's turns waiting", async () => {
    const { app, line } = parts;
    // Returning people, each answered once, then four more messages each: a backlog of ordinary turns.
    const { users, messages: burst } = await returningBacklog(parts, SECRET, { users: 12, perUser: 4 });
    // The backlog has started to move.
    await eventually(async () => (await app.runtime.ctx.db.select({ id: messages.id }).from(messages).where(and(inArray(messages.text, burst.map((m) => m.text)), isNotNull(messages.dialoguedAt)))).length > 0, 30_000, 20);

    const newcomer = fakeLineUserId();
    expect((await postWebhook(app.url, webhookBody([textEvent({ userId: newcomer, text: '家賃が払えなくて困っています', replyToken: line.issueReplyToken() })]), SECRET)).status).toBe(200);
    const [mine] = await eventually(async () => {
      const rows = await inbound([newcomer]);
      return rows[0]?.dialoguedAt ? rows : null;
    }, 60_000);
    await eventually(async () => (await inbound(users)).every((r) => r.dialoguedAt), 90_000);

    // returning people's turns taken after the newcomer wrote, and of those, before the newcomer's
    const later = (await inbound(users)).filter((r) => r.dialoguedAt! > mine.createdAt);
    const ahead = later.filter((r) => r.dialoguedAt! < mine.dialoguedAt!).length;
    // Only meaningful with a queue to jump: returning turns still waiting when the newcomer wrote.
    expect(later.length).toBeGreaterThanOrEqual(8);
    expect(`${ahead} of ${later.length}`).toBe(ahead < later.length / 2 ? `${ahead} of ${later.length}` : `fewer than half of ${later.length}`);
  }, 180_000);
});
