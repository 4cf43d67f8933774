/**
 * Fault: a crisis while triage has a backlog. One triage job at a time and a burst of ordinary
 * messages queued first; then someone writes that they will end their life. Its triage — which
 * raises the alert and queues the hotline reply — goes ahead of the ordinary messages still
 * waiting (TriagePriority, src/queues/index.ts; src/triage/crisis-hint.ts), and the burst is
 * still triaged, each once.
 */
import { eq, inArray } from 'drizzle-orm';
import { contacts, conversations, triageRuns } from '../../../src/db/schema';
import { eventually } from '../../helpers/app';
import { testDatabases } from '../../helpers/databases';
import { expectJumpedQueue, inboundOf, lineAppForFaults, oneInbound, planBurst, sendBurst } from '../../helpers/burst';
import { fakeLineUserId } from '../../fixtures/fake-line-api';
import { postWebhook, textEvent, webhookBody } from '../../fixtures/line-events';

const SECRET = 'fault-busy-triage-secret';

describe.each(testDatabases())('a crisis in a busy triage queue (%s)', (db) => {
  const parts = lineAppForFaults(db, SECRET, { TRIAGE_CONCURRENCY: '1' });

  test('its triage (and so its alert and hotline reply) comes before most of the ordinary backlog', async () => {
    const { app, line } = parts;
    const burst = planBurst(line, { users: 20, perUser: 3 });
    expect(await sendBurst(() => app.url, SECRET, burst.messages)).toEqual([]);

    const crisisUser = fakeLineUserId();
    const res = await postWebhook(app.url, webhookBody([textEvent({ userId: crisisUser, text: 'もう疲れました。今夜、首を吊ります', replyToken: line.issueReplyToken() })]), SECRET);
    expect(res.status).toBe(200);
    const mine = await oneInbound(app.runtime.ctx.db, crisisUser, 'triagedAt');
    const ordinary = await eventually(async () => {
      const rows = await inboundOf(app.runtime.ctx.db, burst.users);
      return rows.length === burst.messages.length && rows.every((r) => r.triagedAt) ? rows : null;
    }, 120_000);

    expectJumpedQueue(ordinary, mine, 'triagedAt');
    const [conversation] = await app.runtime.ctx.db
      .select({ triage: conversations.triage })
      .from(conversations)
      .innerJoin(contacts, eq(contacts.id, conversations.contactId))
      .where(eq(contacts.externalId, crisisUser));
    expect(conversation.triage?.urgency).toBe('emergency');
    // each message triaged once
    const runs = await app.runtime.ctx.db.select({ id: triageRuns.messageId }).from(triageRuns).where(inArray(triageRuns.messageId, ordinary.map((r) => r.id)));
    expect(runs).toHaveLength(burst.messages.length);
  }, 180_000);
});
