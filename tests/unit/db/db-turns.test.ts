/**
 * Who goes first at the embedded database: the gate's order (src/db/pglite-gate.ts) and the turn
 * a queue's job gets from its priority (src/queues/urgent-at-database.ts).
 */
import type { Job } from 'bullmq';
import { currentDbTurn, DbTurn, orderDbTurns } from '../../../src/db/ahead';
import { PGliteGate } from '../../../src/db/pglite-gate';
import { urgentAtDatabase } from '../../../src/queues/urgent-at-database';
import { TriagePriority } from '../../../src/queues';

test('the gate lets in inbound work, then urgent, then the rest; first come first served within each', async () => {
  const gate = new PGliteGate();
  await gate.enter(DbTurn.ordinary); // held
  const order: string[] = [];
  const wait = (name: string, turn: DbTurn) => gate.enter(turn).then(() => {
    order.push(name);
    gate.leave();
  });
  const all = [wait('ordinary 1', DbTurn.ordinary), wait('urgent 1', DbTurn.urgent), wait('ordinary 2', DbTurn.ordinary), wait('inbound', DbTurn.inbound), wait('urgent 2', DbTurn.urgent)];
  gate.leave();
  await Promise.all(all);
  expect(order).toEqual(['inbound', 'urgent 1', 'urgent 2', 'ordinary 1', 'ordinary 2']);
  // free again: the next one goes straight in
  await gate.enter(DbTurn.ordinary);
});

test("a job the queue put ahead does its database work at the urgent turn; the others at the ordinary one", async () => {
  orderDbTurns();
  const turnSeen = urgentAtDatabase(TriagePriority.newcomer, async () => currentDbTurn());
  const job = (priority?: number) => ({ opts: { priority } }) as Job;
  expect(await turnSeen(job(TriagePriority.danger))).toBe(DbTurn.urgent);
  expect(await turnSeen(job(TriagePriority.newcomer))).toBe(DbTurn.urgent);
  expect(await turnSeen(job(TriagePriority.ordinary))).toBe(DbTurn.ordinary);
  expect(await turnSeen(job(undefined))).toBe(DbTurn.ordinary);
});
