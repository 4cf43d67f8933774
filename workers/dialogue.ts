/**
 * One turn of the front-door conversation (src/dialogue/machine.ts) for an inbound message, after
 * triage, in the order the person wrote. The triage worker runs it right after the message's
 * triage (no job of its own: one job fewer per message, issue 13), usually writing triage's result
 * in its own statement (src/dialogue/record-turn.ts); the processor of the
 * `dialogue` queue runs it otherwise: when an earlier message of the conversation is unfinished
 * (the job is held back until its turn is done), a LINE person's first turn (it asks LINE for
 * their profile), when the turn failed, and for the sweeper.
 * A turn that finds, at its load, later messages of the conversation still waiting takes their
 * turns too, in order, once its own has committed (issue 13): under load a person's next message
 * was often triaged before this turn was done, and its job came back every 300 ms until it was
 * (about 2.5 returns per such job in the bench, each a load and two Redis scripts). That job
 * stays as the fallback, looking again less and less often; it finds its message handled. No
 * turn jumps the queue this way: a turn that went ahead (a person's first), or one with a more
 * urgent job waiting for its slot, wakes the later message's job instead (BullMQ promote).
 * The turn's effects (who it is about, anonymity, consent records, the safety question asked or
 * answered, and for はい / わからない the crisis itself: src/safety/raise-crisis.ts) and the bot's
 * replies are stored together with the message's `dialoguedAt` (src/dialogue/record-turn.ts), so
 * a turn run twice does nothing twice; replies are queued for delivery after commit.
 */
import type { Job } from 'bullmq';
import { and, asc, eq, gt, isNotNull, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Context } from '../src/context';
import { contacts, conversations, messages } from '../src/db/schema';
import { DialoguePriority, dialoguePriority, jobId, TriagePriority, type DialogueJob } from '../src/queues';
import { prepareOnce } from '../src/db/prepare-once';
import { errorCode } from '../src/errors-for-log';
import { waitingAt } from '../src/queues/waiting-at';
import { batchedMessageLoader, earlier, growingPause, holdBack, type LoadedForJob } from '../src/queues/message-job';
import { step, type TurnOutput } from '../src/dialogue/machine';
import type { Lang } from '../src/dialogue/texts';
import { writtenLanguage } from '../src/dialogue/written-language';
import { DeliveryPriority, queueDelivery } from '../src/messages/queue-delivery';
import { presentConversation } from '../src/presenters/conversation';
import { describeNextStaffed, describeStaffedHours, formatHotlines, isStaffed, nextStaffedStart, selectHotlines } from '../src/municipality';
import { askedOnLocalDay, crisisTriage, lastSafetyAskedAt } from '../src/safety/safety-question';
import { announceCrisis } from '../src/safety/raise-crisis';
import { recordTurn } from '../src/dialogue/record-turn';
import { writerOf } from '../src/safety/safety-reply';
import type { TriageToWrite } from '../src/triage/write-triage';

export interface DialogueDeps {
  ctx: Context;
  /** LINE profile language lookup (null when LINE is not configured). */
  profileLanguage: ((userId: string) => Promise<'ja' | 'en' | null>) | null;
  now?: () => Date;
}

/** An earlier message stuck longer than this no longer holds the conversation back. */
const ORDER_WAIT_LIMIT_MS = 2 * 60_000;

/**
 * Runs the turn of one message. `ahead`: the turn goes ahead (a first turn, a conversation at risk),
 * and so do its answers' deliveries. `inTriage`: run by a triage job right after the message's
 * triage; it must not wait on LINE (the hotline reply waits for triage slots): a turn that would
 * ask LINE for the person's profile is left to the dialogue queue. Returns what it did (`shown`:
 * it announced the conversation as it left it — from a triage job, as that triage's result), or
 * `notNow` with why it was not run: `earlier` (an earlier message of the conversation is
 * unfinished: its turn comes first) or `line`. `loaded`: the message as the triage job read it
 * (with `turnLoad`), its conversation as triage left it. The turns of later messages it took are
 * in `done` too (`LATER_TURN`). `triage`: the triage job's result, not yet written: `loaded`
 * carries the conversation as it will be, and the turn writes both in one statement only if the
 * row is still the version loaded (src/triage/write-triage.ts).
 */
export type DialogueTurn = (messageId: string, opts: { ahead: boolean; inTriage?: boolean; loaded?: TurnLoaded; triage?: TriageToWrite }) => Promise<TurnDone | { notNow: NotNow }>;

/**
 * Why a turn was not run: `earlier` (an earlier message's turn comes first), `line` (it would ask
 * LINE), `changed` (with triage's write folded in: the conversation changed since the load, or the
 * turn could not be taken from it; nothing was written).
 */
type NotNow = 'earlier' | 'line' | 'changed';

/** Marks, in a turn's outcome, the turn of a later message it took. */
export const LATER_TURN = 'then for a later message: ';

/** Most later turns one turn takes after its own: bounded, so one job does not hold a conversation. */
export const LATER_TURNS = 10;

const later = alias(messages, 'later');
/**
 * What a turn reads with its message (one statement: src/queues/message-job.ts): whether an earlier
 * message of the conversation still waits for its turn, and when the safety question was last
 * asked. The triage job reads them with its own load and hands them over (`loaded`).
 */
export const turnLoad = {
  unfinished: and(eq(earlier.direction, 'in'), isNull(earlier.dialoguedAt), gt(earlier.createdAt, sql`now() - ${sql.raw(`interval '${ORDER_WAIT_LIMIT_MS} milliseconds'`)}`)),
  extras: {
    lastAsked: lastSafetyAskedAt(messages.conversationId),
    // whether a later message of the conversation, triaged, waits for its turn: this turn then
    // takes it (one triaged after this load, whose turn saw this one unfinished, is left to its job)
    laterWaiting: sql<boolean>`exists (select 1 from ${messages} as ${later} where ${and(eq(later.conversationId, messages.conversationId), gt(later.seq, messages.seq), eq(later.direction, 'in'), isNull(later.dialoguedAt), isNotNull(later.triagedAt))})`,
  },
};
export type TurnLoaded = LoadedForJob<typeof turnLoad.extras>;

export interface TurnDone {
  done: string;
  shown: boolean;
}

export function createDialogueProcessor(deps: DialogueDeps | { turn: DialogueTurn }) {
  const turn = 'turn' in deps ? deps.turn : createDialogueTurn(deps);
  return async function dialogue(job: Job<DialogueJob>, token?: string): Promise<string> {
    const ahead = (job.opts.priority ?? DialoguePriority.ordinary) <= DialoguePriority.ahead;
    const turned = await turn(job.data.messageId, { ahead });
    // the earlier message's turn takes this one when done: looking again is the fallback, less and less often
    return 'notNow' in turned ? holdBack(job, token, growingPause(job)) : turned.done;
  };
}

/**
 * What one turn did; `later`: it ran and saw later messages of its conversation waiting (at its
 * load). `wakeOnly`: the turn went ahead (a person's first) and the later ones would not: their
 * own jobs take them, woken now, at their own priority — taken here, ordinary turns would go
 * ahead of other people's first turns (the embedded database's turn and the worker slot are this
 * job's).
 */
type OneTurn = TurnDone & { later: { conversationId: string; seq: number; wakeOnly: boolean } | null };

export function createDialogueTurn(deps: DialogueDeps): DialogueTurn {
  const { db, log } = deps.ctx;
  const one = createOneTurn(deps);
  // After this turn committed, in a statement of its own: the conversation's next message whose
  // turn waits. A later message's turn that saw this one unfinished was put back as a job; made in
  // the turn's own statement, this look would read a snapshot taken before that message was triaged.
  const nextWaiting = prepareOnce(db, 'dialogue:nextWaiting', () =>
    db
      .select({ id: messages.id })
      .from(messages)
      .where(
        and(
          eq(messages.conversationId, sql.placeholder('conversationId')),
          gt(messages.seq, sql.placeholder('after')),
          eq(messages.direction, 'in'),
          isNull(messages.dialoguedAt),
          isNotNull(messages.triagedAt),
        ),
      )
      .orderBy(asc(messages.seq))
      .limit(1),
  );

  return async function turnAndLater(messageId, opts) {
    const turned = await one(messageId, opts);
    if ('notNow' in turned) return turned;
    const outcomes = [turned.done];
    // A later turn run here must not wait on LINE either when this is a triage job.
    for (let at = turned.later, n = 0; at && n < LATER_TURNS; n++) {
      const [next] = await nextWaiting.execute({ conversationId: at.conversationId, after: at.seq });
      if (!next) break;
      // Between turns, as separate jobs would: a more urgent job waiting for this one's slot goes first.
      if (at.wakeOnly || (await moreUrgentWaiting(opts.inTriage === true))) {
        await wake(next.id);
        outcomes.push(`${LATER_TURN}its job woken`);
        break;
      }
      // Its own job (held back, or the sweeper's) takes it when this fails or it cannot run here.
      const taken = await one(next.id, { inTriage: false, noLine: opts.inTriage === true }).catch((err: unknown) => {
        log.warn({ messageId: next.id, err: errorCode(err) }, 'a later turn failed here; its own job takes it');
        return null;
      });
      if (!taken || 'notNow' in taken) break;
      outcomes.push(`${LATER_TURN}${taken.done}`);
      at = taken.later;
    }
    return { done: outcomes.join('; '), shown: turned.shown };
  };

  /**
   * Whether a job more urgent than an ordinary turn waits in this job's queue: a person's first
   * turn or one at risk (dialogue), a text with a word of danger or a newcomer's (triage, whose
   * slots the hotline reply waits for).
   */
  function moreUrgentWaiting(inTriage: boolean): Promise<boolean> {
    const { queues } = deps.ctx;
    return inTriage ? waitingAt(queues.triage, [TriagePriority.danger, TriagePriority.newcomer]) : waitingAt(queues.dialogue, [DialoguePriority.ahead]);
  }

  /** Moves the message's held-back job to run now (nothing when it is not waiting for a later look; Redis away: it looks again in time). */
  async function wake(messageId: string): Promise<void> {
    const job = await deps.ctx.queues.dialogue.getJob(jobId.dialogue(messageId)).catch(() => undefined);
    await job?.promote().catch(() => undefined);
  }
}

/**
 * One message's turn. `ahead` absent: from the conversation (a later message's turn taken by an
 * earlier one's). `noLine`: must not wait on LINE (run by a triage job), as `inTriage`.
 */
function createOneTurn({ ctx, profileLanguage, now = () => new Date() }: DialogueDeps) {
  const { db, municipality } = ctx;
  // One statement (for many jobs under load): the message, its conversation and contact, and `turnLoad`.
  const load = batchedMessageLoader(db, 'in', turnLoad);

  return async function turnOf(
    messageId: string,
    { ahead: given, inTriage = false, noLine = inTriage, loaded, triage }: { ahead?: boolean; inTriage?: boolean; noLine?: boolean; loaded?: TurnLoaded; triage?: TriageToWrite },
  ): Promise<OneTurn | { notNow: NotNow }> {
    // With triage unwritten, only the triage job's load describes the conversation (as triage will leave it).
    if (triage && (!loaded || loaded.earlierUnfinished || loaded.message.dialoguedAt)) return { notNow: 'changed' };
    // What the triage job read a moment ago stands when no earlier message was waiting then: none
    // can be waiting now (they only finish), so no statement of its own (issue 13). Otherwise look
    // again: the earlier one may have finished since.
    const row = loaded && !loaded.earlierUnfinished ? loaded : await load(messageId);
    if (!row) return { done: 'missing', shown: false, later: null };
    const { message, conversation, contact } = row;
    if (message.dialoguedAt) return { done: 'already handled', shown: false, later: null };
    if (row.earlierUnfinished) return { notNow: 'earlier' };
    const asksLine = !conversation.dialogue && contact.channel === 'line' && profileLanguage !== null;
    if (asksLine && noLine) return { notNow: 'line' };
    const ahead = given ?? dialoguePriority(conversation) === DialoguePriority.ahead;

    let lang = contact.lang as Lang;
    if (!conversation.dialogue) {
      // First turn: the LINE profile's language, then the language the person wrote in, which wins when it is clear.
      if (asksLine) lang = (await profileLanguage!(contact.externalId)) ?? lang;
      if (message.kind === 'text') lang = writtenLanguage(lang, message.text);
      if (lang !== contact.lang) {
        await db.update(contacts).set({ lang }).where(eq(contacts.id, contact.id));
        // before the answers: the widget's own words switch with them
        if (contact.channel === 'widget') ctx.publisher.widgetLanguage(conversation.id, lang);
      }
    }

    const at = now();
    const staffed = isStaffed(municipality, at);
    const hotlines = selectHotlines(municipality, { categories: [], lang, max: 3, at, writer: writerOf(conversation) });
    const turn: TurnOutput = step({
      state: conversation.dialogue,
      message: { text: message.text, postback: message.payload?.postback },
      lang,
      urgency: conversation.triage?.urgency ?? 'normal',
      reporter: conversation.triage?.reporter ?? 'unknown',
      // Until triage gives a risk band, nothing is `check`.
      risk: conversation.triage?.risk?.band ?? 'clear',
      safetyAskedToday: askedOnLocalDay(municipality, row.extras.lastAsked, at),
      anonymous: conversation.anonymous,
      staffEngaged: Boolean(conversation.staffEngagedAt),
      staffed,
      nextStaffed: staffed || !nextStaffedStart(municipality, at) ? null : describeNextStaffed(municipality, at, lang),
      afterHoursHotlines: staffed ? null : formatHotlines(hotlines, lang),
      staffedHours: describeStaffedHours(municipality, lang),
    });

    // What the turn changes on the conversation, worked out before anything is written.
    const set: Partial<typeof conversations.$inferInsert> = { dialogue: turn.state };
    let danger: 'yes' | 'unsure' | null = null;
    for (const effect of turn.effects) {
      if (effect.type === 'subject') set.subject = effect.subject;
      if (effect.type === 'anonymous') set.anonymous = true;
      if (effect.type === 'safetyAnswer' && effect.answer !== 'no') danger = effect.answer;
    }
    // はい / わからない: the same emergency as triage's, and the safety reply goes first.
    if (danger) set.triage = crisisTriage(conversation.triage, danger);

    const { replies, updated, crisis } = await recordTurn(ctx, { message, conversation, turn, set, danger, lang, at, triage });
    // with triage folded in, no row: the conversation changed since the load (triage combines again)
    if (!updated) return triage ? { notNow: 'changed' } : { done: 'already handled', shown: false, later: null };
    if (crisis) await announceCrisis(ctx, crisis);
    // No preview: this message may be older than the conversation's latest (the list keeps the latest it has).
    // From a triage job, the view carries that triage too: the job announces it once, here, with the answers.
    const changed = { conversation: presentConversation(updated), triagedMessageId: inTriage ? message.id : undefined };
    // a turn that went ahead (a first turn, a safety question) is delivered ahead too
    if (replies.length > 0) await queueDelivery(ctx, replies, ahead ? DeliveryPriority.ahead : DeliveryPriority.ordinary, changed);
    else ctx.publisher.conversationUpdated(changed.conversation, changed.triagedMessageId);
    return {
      done: `${turn.state.step}: ${replies.length} replies, ${turn.effects.map((e) => e.type).join(',') || 'no effects'}`,
      shown: true,
      later: row.extras.laterWaiting ? { conversationId: conversation.id, seq: message.seq, wakeOnly: ahead && dialoguePriority(updated) !== DialoguePriority.ahead } : null,
    };
  };
}
