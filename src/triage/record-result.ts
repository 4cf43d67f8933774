/**
 * Records one inbound message's triage, written once for the triage worker (workers/triage.ts)
 * and for a message handed to staff after its triage kept failing (src/intake/triage-failed.ts):
 * the conversation's result combines the kept results of its earlier messages with this one's
 * (./combine.ts, ./standing.ts), written only if the conversation row is still the version those
 * results were read with (else combined again while the row is locked), so two messages of one
 * conversation triaged at the same time cannot leave out each other's result; the run is kept;
 * the message is marked triaged; an emergency in the person's own words raises the crisis alert
 * and queues the safety reply in the same transaction. After commit: the alert is announced, the
 * front-door dialogue takes the message (its turn run at once, or queued), and the list is
 * updated (by the turn taken at once, whose view holds this triage too).
 *
 * When the turn runs at once, nothing earlier waits and the result is not an emergency, the turn
 * is worked out from the conversation as this triage will leave it and writes triage's result in
 * its own statement (./write-triage.ts; issue 13: one round trip fewer per message); should the
 * row have changed since the load, neither is written and triage goes the way above.
 *
 * Idempotent: the run row is unique per message; at most one open alert per conversation (so a
 * retry never sends the safety reply twice); `onlyIfUntriaged` leaves a message someone else
 * triaged meanwhile as it is.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Context } from '../context';
import type { DbOrTx } from '../db/client';
import { prepareOnce } from '../db/prepare-once';
import { aheadOfOtherWork, DbTurn } from '../db/ahead';
import { conversations, messages, triageRuns, type Triage } from '../db/schema';
import type { LoadedMessage } from '../queues/message-job';
import { enqueue } from '../queues/enqueue';
import { errorCode } from '../errors-for-log';
import { DialoguePriority, dialoguePriority } from '../queues';
import { presentConversation } from '../presenters/conversation';
import { announceCrisis, raiseCrisis, type RaisedCrisis } from '../safety/raise-crisis';
import type { Lang } from '../dialogue/texts';
import { writtenLanguage } from '../dialogue/written-language';
import { lockAndLoadForCombining, type ForCombining } from './load-for-combining';
import { triageParams, writeIfUnchangedStatement, type TriageToWrite } from './write-triage';
import { combineWithStanding } from './standing';

export interface RecordOptions {
  /** Recorded on the run: the rules' and model's versions, or what stood in for them. */
  engine: string;
  /**
   * What combining needs, read with the job's load without a lock (./load-for-combining.ts
   * `combiningExtras`), in the statement that read `row.conversation` and its `version`: the result
   * is written in one statement if the row is still that version. Otherwise, or for an emergency (its crisis
   * alert and safety reply go in the same transaction), triage combines again under the lock.
   */
  readAtLoad?: ForCombining;
  /**
   * Triage was given up (src/intake/triage-failed.ts): the message is marked so, it is left alone
   * when it was triaged meanwhile, and should combining with the earlier results fail too, the
   * conversation keeps its own triage raised to at least this message's urgency.
   */
  failed?: { at: Date; inTx?: (tx: DbOrTx) => Promise<void> };
  /**
   * The message's dialogue turn, run at once instead of as a job of its own (workers/dialogue.ts).
   * It resolves to `{ notNow }` when it cannot run here (an earlier message's turn must come
   * first; it would wait on LINE); then, or when it fails, the turn is queued as a job. Without
   * it, the turn is always queued. `conversation`: the row as this triage left it — or, with
   * `triage`, as it will leave it: the turn then writes triage's result in its own statement, only
   * if the row is still `triage.version` (src/triage/write-triage.ts), and says `notNow` when not.
   */
  turnNow?: (messageId: string, opts: { ahead: boolean; inTriage: true; conversation: typeof conversations.$inferSelect; triage?: TriageToWrite }) => Promise<{ done: string; shown: boolean } | { notNow: string }>;
}

const URGENCY_RANK: Record<Triage['urgency'], number> = { low: 0, normal: 1, high: 2, emergency: 3 };

/** The conversation's result (null: no text to judge yet); null itself: nothing recorded (triaged meanwhile, only with `failed`). */
export async function recordTriage(ctx: Context, row: LoadedMessage, own: Triage | null, opts: RecordOptions): Promise<{ result: Triage | null } | null> {
  const { message } = row;
  // combined once from the load, for the turn's statement and, failing that, triage's own
  const atLoad = opts.readAtLoad && !opts.failed ? combined(message, own, opts.readAtLoad) : undefined;
  const withTurn = atLoad ? await triageWithTurn(ctx, row, atLoad, own, opts) : null;
  if (withTurn) return withTurn;
  const outcome = (atLoad ? await writeIfUnchanged(ctx, row, atLoad, own, opts.engine) : null) ?? (await recordUnderLock(ctx, row, own, opts));
  if (!outcome) return null;

  if (outcome.crisis) await announceCrisis(ctx, outcome.crisis);
  const priority = dialoguePriority(outcome.conversation);
  const turn = opts.turnNow ? await turnedNow(ctx, opts.turnNow, message.id, outcome.conversation, priority) : 'queue';
  // A turn taken now announced the conversation with this triage in it: one live event, not two
  // (issue 13). No preview: this message may be older than the conversation's latest (the list
  // keeps the latest it has).
  if (turn !== 'shown') ctx.publisher.conversationUpdated(presentConversation(outcome.conversation), message.id);
  if (turn === 'queue') await enqueue.dialogue(ctx, message.id, priority);
  return { result: outcome.result };
}

/**
 * Triage's write folded into the statement of the message's turn (issue 13: a returning person's
 * message one round trip fewer): when the turn runs here and nothing earlier waits, it is worked
 * out from the conversation as this triage will leave it, and written with it only if the row is
 * still the version loaded. Null when that cannot be or did not happen (an emergency, whose alert
 * is raised under the lock; a turn left to its job; the row changed since the load; the turn
 * failed): then triage is written on its own, as before, and the turn follows it.
 */
async function triageWithTurn(ctx: Context, row: LoadedMessage, result: Triage, own: Triage | null, opts: RecordOptions): Promise<{ result: Triage } | null> {
  const { message } = row;
  if (!opts.turnNow || result.urgency === 'emergency') return null;
  const conversation = { ...row.conversation, triage: result };
  const triage: TriageToWrite = { version: row.conversation.version, result, own, engine: opts.engine };
  // 'shown': the turn ran and announced the conversation, this triage in it; anything else wrote nothing
  return (await turnedNow(ctx, opts.turnNow, message.id, conversation, dialoguePriority(conversation), triage)) === 'shown' ? { result } : null;
}

/**
 * `shown`: the turn was taken now and announced the conversation; `done`: taken now or before,
 * nothing announced; `queue`: it could not run here, or failed: it is queued. A turn that goes
 * ahead in the dialogue queue goes ahead at the embedded database here too
 * (src/queues/urgent-at-database.ts), whatever this triage job's own turn.
 */
async function turnedNow(
  ctx: Context,
  turnNow: NonNullable<RecordOptions['turnNow']>,
  messageId: string,
  conversation: typeof conversations.$inferSelect,
  priority: number,
  triage?: TriageToWrite,
): Promise<'shown' | 'done' | 'queue'> {
  const ahead = priority === DialoguePriority.ahead;
  try {
    const run = () => turnNow(messageId, { ahead, inTriage: true, conversation, triage });
    const turned = await (ahead ? aheadOfOtherWork(DbTurn.urgent, run) : run());
    if ('notNow' in turned) return 'queue';
    return turned.shown ? 'shown' : 'done';
  } catch (err) {
    // with triage's write folded in, nothing was written: triage is written on its own next
    ctx.log.warn({ messageId, err: errorCode(err) }, triage ? 'dialogue turn with triage failed; triage written on its own' : 'dialogue turn failed after triage; queued as a job to retry');
    return 'queue';
  }
}

type Outcome = { conversation: typeof conversations.$inferSelect; result: Triage | null; crisis: RaisedCrisis | null };

/**
 * One statement, no transaction, when the conversation row is still the version read with the
 * load (`result` combined from that read): the conversation's result, the run and the message's mark, all or none. Null when the row
 * has changed since (another message's triage, a new message, a correction, a safety answer) or
 * the result is an emergency: then the caller records under the lock.
 */
async function writeIfUnchanged(ctx: Context, row: LoadedMessage, result: Triage, own: Triage | null, engine: string): Promise<Outcome | null> {
  const { message } = row;
  if (result.urgency === 'emergency') return null;
  const params = triageParams({ version: row.conversation.version, result, own, engine }, message.id, message.conversationId);
  const [conversation] = await prepareOnce(ctx.db, 'triage:writeIfUnchanged', () => writeIfUnchangedStatement(ctx.db)).execute(params);
  return conversation ? { conversation, result, crisis: null } : null;
}

/** Combines and writes while the conversation row is locked; raises the crisis in the same transaction. */
async function recordUnderLock(ctx: Context, row: LoadedMessage, own: Triage | null, opts: RecordOptions): Promise<Outcome | null> {
  const { db } = ctx;
  const { message } = row;
  return db.transaction(async (tx) => {
    // the lock, and what combining needs, in one statement
    const loaded = await lockAndLoadForCombining(tx, message.conversationId, message.id);
    if (opts.failed) {
      const [still] = await tx.select({ id: messages.id }).from(messages).where(and(eq(messages.id, message.id), isNull(messages.triagedAt)));
      if (!still) return null;
    }
    let result: Triage | null;
    try {
      result = combined(message, own, loaded);
    } catch (err) {
      if (!opts.failed || !own) throw err;
      result = keepConversation(row.conversation.triage, own);
    }
    await opts.failed?.inTx?.(tx);
    // The run is kept and the message marked triaged in the statement that writes (or reads) the
    // conversation: one round trip (data-modifying CTEs run whether or not anything reads them).
    const stamp = tx.$with('triaged').as(
      tx
        .update(messages)
        .set({ triagedAt: new Date(), ...(opts.failed ? { triageFailedAt: opts.failed.at } : {}) })
        .where(eq(messages.id, message.id))
        .returning({ id: messages.id }),
    );
    let conversation: typeof conversations.$inferSelect;
    if (result) {
      const run = tx.$with('run').as(
        tx
          .insert(triageRuns)
          .values({ messageId: message.id, conversationId: message.conversationId, engine: opts.engine, result, messageTriage: own })
          .onConflictDoNothing()
          .returning({ messageId: triageRuns.messageId }),
      );
      [conversation] = await tx.with(stamp, run).update(conversations).set({ triage: result }).where(eq(conversations.id, message.conversationId)).returning();
    } else {
      [conversation] = await tx.with(stamp).select().from(conversations).where(eq(conversations.id, message.conversationId));
    }

    // Only a person's own words can raise a crisis (not a button they tapped).
    if (result?.urgency !== 'emergency' || message.kind !== 'text') return { conversation, result, crisis: null };
    // in the language the message was written in when it is clear (a borrowed phone set to Japanese)
    const lang = writtenLanguage(row.contact.lang as Lang, message.text);
    const crisis = await raiseCrisis(ctx, tx, { conversation, messageId: message.id, lang, categories: result.categories, reasons: result.reasons });
    return { conversation, result, crisis }; // crisis null: an open alert already covers it
  });
}

/** The conversation so far, in order (a worry often unfolds over several messages), with this message's own result. */
function combined(message: LoadedMessage['message'], own: Triage | null, loaded: ForCombining | null): Triage | null {
  if (!loaded) throw new Error('the conversation of this message is gone');
  const parts = [...loaded.earlier];
  if (own) parts.push({ at: message.createdAt, triage: own });
  return combineWithStanding(parts, loaded.standing);
}

/** When even combining fails: what the conversation had, never below this message's urgency, with its reasons. */
function keepConversation(current: Triage | null, own: Triage): Triage {
  if (!current || URGENCY_RANK[own.urgency] > URGENCY_RANK[current.urgency]) return own;
  return { ...current, reasons: [...current.reasons, ...own.reasons] };
}
