/**
 * Fault: a redelivery storm. Every webhook event arrives three times, the copies interleaved with
 * other events and other people's (as LINE does after a slow answer): each message is stored,
 * triaged, shown and answered once, and each person's messages keep the order of their first
 * arrival.
 */
import { testDatabases } from '../../helpers/databases';
import { expectBurstExactlyOnce, planBurst, sendBurst, watchShown, type BurstMessage, lineAppForFaults } from '../../helpers/burst';

const SECRET = 'fault-storm-secret';

/** Each person's copies: e1 e2 e1 e3 e2 e1 … — every event 3×, first copies in order, later ones late. */
function storm(mine: BurstMessage[]): BurstMessage[] {
  const out: BurstMessage[] = [];
  for (let i = 0; i < mine.length + 2; i++) {
    for (let back = 0; back < 3; back++) if (mine[i - back]) out.push(mine[i - back]);
  }
  return out;
}

describe.each(testDatabases())('redelivery storm (%s)', (db) => {
  const parts = lineAppForFaults(db, SECRET);

  test('each event 3×, out of order: stored once, in order per person, answered once', async () => {
    const { app, line, socket } = parts;
    const burst = planBurst(line, { users: 5, perUser: 4 });
    const shown = watchShown(socket);
    const copies = burst.users.flatMap((u) => storm(burst.messages.filter((m) => m.userId === u)));
    expect(copies).toHaveLength(burst.messages.length * 3);
    // sendBurst keeps each person's sequence and runs people in parallel.
    expect(await sendBurst(() => app.url, SECRET, copies)).toEqual([]);
    await expectBurstExactlyOnce({ db: app.runtime.ctx.db, line, burst, shown });
  }, 120_000);
});
