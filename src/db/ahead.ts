/**
 * Work that goes ahead of the rest at the embedded database, in this order:
 * - `inbound`: storing a person's message, which the webhook waits for (and LINE redelivers what
 *   is not answered in time);
 * - `urgent`: the workers' jobs a person is waiting on most — a message with a word of danger to
 *   life, a newcomer's first triage and turn, a safety reply's delivery (the queues' priorities);
 * - everything else.
 *
 * Only PGlite has one line for everything (./pglite-thread.ts keeps it, ./pglite-gate.ts orders
 * it); a Postgres server runs the statements of its pooled connections side by side, so there it
 * changes nothing.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export const DbTurn = { inbound: 0, urgent: 1, ordinary: 2 } as const;
export type DbTurn = (typeof DbTurn)[keyof typeof DbTurn];

const turn = new AsyncLocalStorage<DbTurn>();
/** Set when the embedded database opens: with a Postgres server there is no line to order, and
 * keeping an async context costs every promise of the process a little (Node 20). */
let ordering = false;

export function orderDbTurns(): void {
  ordering = true;
}

/** Runs `fn`; the embedded database serves its statements and transactions at this turn. */
export function aheadOfOtherWork<T>(at: DbTurn, fn: () => Promise<T>): Promise<T> {
  return ordering ? turn.run(at, fn) : fn();
}

export function currentDbTurn(): DbTurn {
  return turn.getStore() ?? DbTurn.ordinary;
}
