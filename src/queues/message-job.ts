/**
 * What every per-message worker (triage, dialogue, deliver) starts with, written once: load the
 * message with its conversation and contact, and hold the job back while an earlier message of
 * the same conversation is still unfinished, so a person's messages are handled in the order
 * they wrote them and answers reach them in the order they were written. (The deliver job
 * mostly ends instead: the earlier answer's job sends the later ones too, workers/deliver.ts.)
 *
 * The load and the look at earlier messages are one statement: one round trip instead of two,
 * and one snapshot, so a job never passes the check having loaded the conversation as it was
 * before the earlier message's work committed (it would then work from a stale state).
 */
import { DelayedError, type Job } from 'bullmq';
import { and, eq, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client';
import { prepareOnce } from '../db/prepare-once';
import { idsParams, idsWhere } from '../db/by-ids';
import { contacts, conversations, messages } from '../db/schema';
import { currentDbTurn, type DbTurn } from '../db/ahead';
import { groupCommit, type GroupCommit } from '../db/group-commit';

export type MessageRow = typeof messages.$inferSelect;

export interface LoadedMessage {
  message: MessageRow;
  conversation: typeof conversations.$inferSelect;
  contact: typeof contacts.$inferSelect;
}

/** Another message of the same conversation, for `unfinished` conditions (`earlier.deliveryState`, …). */
export const earlier = alias(messages, 'earlier');

export interface LoadOptions<E extends Record<string, SQL>> {
  /**
   * What makes an earlier message of the conversation unfinished (on `earlier`; `messages` is the
   * job's own). Given, `earlierUnfinished` says whether one is.
   */
  unfinished?: SQL;
  /** More values read in the same statement (scalar subqueries), returned as `extras`. */
  extras?: E;
}

export type LoadedForJob<E> = LoadedMessage & { earlierUnfinished: boolean; extras: { [K in keyof E]: E[K] extends SQL<infer T> ? T : never } };

/** The message with its conversation and contact, or null when it is gone or goes the other way. */
export async function loadMessageForJob<E extends Record<string, SQL> = Record<never, SQL>>(
  db: Db,
  messageId: string,
  direction: 'in' | 'out',
  opts: LoadOptions<E> = {},
): Promise<LoadedForJob<E> | null> {
  return (await messagesLoader(db, direction, opts)([messageId])).get(messageId) ?? null;
}

/**
 * The statement that loads several messages, each as `loadMessageForJob` gives it (absent: gone
 * or the other way), built once and prepared (issue 13: drizzle took about 0.35 ms to build this
 * statement, more than its round trip, and Postgres parsed it each time: ../db/prepare-once.ts).
 * One message, the usual case, has a statement of its own, whose plan Postgres keeps
 * (../db/by-ids.ts).
 */
function messagesLoader<E extends Record<string, SQL>>(db: Db, direction: 'in' | 'out', opts: LoadOptions<E>): (ids: string[]) => Promise<Map<string, LoadedForJob<E>>> {
  const unfinished = opts.unfinished
    ? sql<boolean>`exists (select 1 from ${messages} as ${earlier} where ${and(eq(earlier.conversationId, messages.conversationId), lt(earlier.seq, messages.seq), opts.unfinished)})`
    : sql<boolean>`false`;
  const fields = { message: messages, conversation: conversations, contact: contacts, earlierUnfinished: unfinished };
  const statement = (which: SQL) => {
    const query = db
      .select(opts.extras && Object.keys(opts.extras).length > 0 ? { ...fields, extras: opts.extras as Record<string, SQL> } : fields)
      .from(messages)
      .innerJoin(conversations, eq(conversations.id, messages.conversationId))
      .innerJoin(contacts, eq(contacts.id, conversations.contactId))
      .where(which);
    return prepareOnce(db, query.toSQL().sql, () => query);
  };
  const one = statement(idsWhere(messages.id, true));
  const many = statement(idsWhere(messages.id, false));
  return async (ids) => {
    const rows = await (ids.length === 1 ? one : many).execute(idsParams(ids));
    const loaded = new Map<string, LoadedForJob<E>>();
    for (const row of rows) {
      if (row.message.direction !== direction) continue;
      const extras = ('extras' in row ? row.extras : {}) as LoadedForJob<E>['extras'];
      loaded.set(row.message.id, { message: row.message, conversation: row.conversation, contact: row.contact, earlierUnfinished: Boolean(row.earlierUnfinished), extras });
    }
    return loaded;
  };
}

/** Most messages one batched load reads. */
const MAX_LOAD_BATCH = 100;

/**
 * `loadMessageForJob` for the jobs of one queue, batched: a job that asks while another job's load
 * is under way is loaded with every other such job in the next statement (src/db/group-commit.ts).
 * Under load one statement serves many jobs; alone, a job is loaded at once. Jobs that go ahead at
 * the embedded database (src/db/ahead.ts) are loaded in a line of their own, at their turn.
 */
export function batchedMessageLoader<E extends Record<string, SQL> = Record<never, SQL>>(
  db: Db,
  direction: 'in' | 'out',
  opts: LoadOptions<E> = {},
): (messageId: string) => Promise<LoadedForJob<E> | null> {
  const lines = new Map<DbTurn, GroupCommit<string, LoadedForJob<E> | null>>();
  const loadMany = messagesLoader(db, direction, opts);
  const load = async (ids: string[]) => {
    const loaded = await loadMany([...new Set(ids)]);
    return ids.map((id) => loaded.get(id) ?? null);
  };
  return async (messageId) => {
    const turn = currentDbTurn();
    let line = lines.get(turn);
    if (!line) lines.set(turn, (line = groupCommit(load, MAX_LOAD_BATCH)));
    return (await line.submit([messageId]))[0];
  };
}

/** How long a job waits before looking again at an earlier message of its conversation. */
const ORDER_RECHECK_MS = 300;

/**
 * Moves the job back to the delayed set (and ends this attempt) when the load found an earlier
 * message of the conversation unfinished; returns when it did not. BullMQ retries nothing for a
 * DelayedError: the same job runs again after the pause with its attempts intact.
 */
export async function holdBackBehindEarlier(job: Job, token: string | undefined, loaded: { earlierUnfinished: boolean }): Promise<void> {
  if (loaded.earlierUnfinished) await holdBack(job, token);
}

/** Moves the job back to the delayed set and ends this attempt (see holdBackBehindEarlier); `pauseMs`: how long, ORDER_RECHECK_MS by default. */
export async function holdBack(job: Job, token: string | undefined, pauseMs = ORDER_RECHECK_MS): Promise<never> {
  await job.moveToDelayed(Date.now() + pauseMs, token);
  throw new DelayedError();
}

/** Longest pause of a job held back longer and longer (growingPause). */
const LONGEST_RECHECK_MS = 5_000;

/**
 * A pause that grows with the job's age: ORDER_RECHECK_MS at first, then half the time it has
 * waited so far, up to LONGEST_RECHECK_MS. For a job whose wait another job usually ends for it
 * (a dialogue turn: the earlier message's turn takes the later ones, workers/dialogue.ts): under
 * load the earlier turn waited seconds, and a look every 300 ms cost a load and two Redis scripts
 * each time, taking worker slots from the turns it waited for.
 */
export function growingPause(job: Pick<Job, 'timestamp'>, now = Date.now()): number {
  return Math.min(LONGEST_RECHECK_MS, Math.max(ORDER_RECHECK_MS, (now - job.timestamp) / 2));
}
