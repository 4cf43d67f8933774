/**
 * Fault: a crisis in a busy queue. While a burst of ordinary messages is being answered by a slow
 * LINE API, one person writes that they want to die: their hotline reply must go out ahead of the
 * ordinary backlog (safety first), and the burst is still answered exactly once.
 */
import { eventually } from '../../helpers/app';
import { testDatabases } from '../../helpers/databases';
import { deliveredTo, expectBurstExactlyOnce, planBurst, sendBurst, watchShown, lineAppForFaults } from '../../helpers/burst';
import { fakeLineUserId } from '../../fixtures/fake-line-api';
import { postWebhook, textEvent, webhookBody } from '../../fixtures/line-events';

const SECRET = 'fault-crisis-secret';

describe.each(testDatabases())('a crisis in a busy queue (%s)', (db) => {
  // Four deliveries at a time (the default runs more): with a slow LINE that builds a queue to jump.
  // Priority orders what waits; answers already being sent finish first.
  const parts = lineAppForFaults(db, SECRET, { DELIVER_CONCURRENCY: '4' });

  test('the hotline reply is delivered before most of the ordinary backlog', async () => {
    const { app, line, socket } = parts;
    const burst = planBurst(line, { users: 16, perUser: 2 });
    const shown = watchShown(socket);
    line.answerAfter(300); // four deliveries at a time, each waiting: a backlog builds up
    expect(await sendBurst(() => app.url, SECRET, burst.messages)).toEqual([]);
    const ordinary = new Set(burst.users);
    const ordinaryTokens = new Set(burst.messages.map((m) => m.replyToken));
    const isOrdinary = (c: (typeof line.calls)[number]) => ordinary.has(c.body?.to) || ordinaryTokens.has(c.body?.replyToken);
    // The backlog is real: the ordinary answers have started to go out, most are still waiting.
    await eventually(async () => line.calls.some(isOrdinary), 30_000, 20);

    const crisisUser = fakeLineUserId();
    const crisisToken = line.issueReplyToken();
    const accepted = line.calls.length;
    const res = await postWebhook(app.url, webhookBody([textEvent({ userId: crisisUser, text: 'もう疲れました。死にたいです。薬を全部飲もうと思っています', replyToken: crisisToken })]), SECRET);
    expect(res.status).toBe(200);
    const isHotline = (c: (typeof line.calls)[number]) => c.status === 200 && (c.body?.to === crisisUser || c.body?.replyToken === crisisToken);
    await eventually(async () => line.calls.some(isHotline), 60_000);

    await expectBurstExactlyOnce({ db: app.runtime.ctx.db, line, burst, shown, timeoutMs: 90_000 });
    const after = line.calls.slice(accepted);
    const hotlineAt = after.findIndex(isHotline);
    const backlog = after.filter(isOrdinary).length;
    const ahead = after.slice(0, hotlineAt).filter(isOrdinary).length;
    expect(backlog).toBeGreaterThanOrEqual(8); // the test is only meaningful with a queue to jump
    // Ordinary answers that reached LINE before the hotline reply, of those after the crisis came in.
    expect(`${ahead} of ${backlog}`).toBe(ahead < backlog / 2 ? `${ahead} of ${backlog}` : `fewer than half of ${backlog}`);
    expect(deliveredTo(line, { users: [crisisUser], messages: [{ userId: crisisUser, text: '', body: '', replyToken: crisisToken }] }, crisisUser)[0]).toMatch(/いのち|電話|相談/);
  }, 150_000);
});
