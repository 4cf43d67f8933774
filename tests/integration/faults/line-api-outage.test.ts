/**
 * Fault: the LINE Messaging API answers 429 (rate limit) and then 500 for a few seconds while a
 * burst comes in. Every bot answer is retried and reaches the person exactly once, in order.
 */
import { testDatabases } from '../../helpers/databases';
import { expectBurstExactlyOnce, planBurst, sendBurst, watchShown, lineAppForFaults } from '../../helpers/burst';

const SECRET = 'fault-line-secret';

describe.each(testDatabases())('LINE API answering 429 then 500 for a while (%s)', (db) => {
  const parts = lineAppForFaults(db, SECRET);

  test('every answer is delivered once after LINE recovers', async () => {
    const { app, line, socket } = parts;
    const burst = planBurst(line, { users: 4, perUser: 3 });
    const shown = watchShown(socket);
    // Counted, not timed: on a loaded machine the first answer may come after a timed window.
    line.failNext(429, 5);
    line.failNext(500, 5);
    const refused = await sendBurst(() => app.url, SECRET, burst.messages);
    expect(refused).toEqual([]); // LINE being down is no reason to refuse the webhook

    await expectBurstExactlyOnce({ db: app.runtime.ctx.db, line, burst, shown, timeoutMs: 90_000 });
    // The outage was real: answers were refused before they went through (profile look-ups of
    // the bot share the injected failures, so which status each answer met varies).
    const refusedAnswers = line.calls.filter((c) => c.status === 429 || c.status === 500);
    expect(refusedAnswers.length).toBeGreaterThan(0);
  }, 120_000);
});
