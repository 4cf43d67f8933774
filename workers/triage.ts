/**
 * Processor of the `triage` queue: labels the conversation of one inbound message (categories,
 * urgency, who is writing, reasons) and records the run. When the message signals danger to
 * life it raises the crisis alert and queues the safety reply with the hotlines at once, in
 * the same transaction, whatever the hour. Then the front-door dialogue takes the message.
 *
 * Bounded work: only this message's text is analysed, once, in a triage thread (never on this
 * event loop); its own result is kept on the run, and the conversation's result combines the
 * kept results of the earlier messages without reading their text again (src/triage/record-result.ts),
 * read with the message's load and written in one statement unless the conversation changed meanwhile.
 * The message's dialogue turn follows in the same job when nothing earlier waits (workers/dialogue.ts),
 * from the same load with the conversation as triage leaves it, and usually in the same statement
 * as triage's write (issue 13).
 *
 * Idempotent: a message already triaged is skipped; recording is idempotent too.
 */
import type { Job } from 'bullmq';
import type { Context } from '../src/context';
import { TriagePriority, type TriageJob } from '../src/queues';
import { batchedMessageLoader } from '../src/queues/message-job';
import { recordTriage, type RecordOptions } from '../src/triage/record-result';
import { combiningExtras, combiningFromExtras } from '../src/triage/load-for-combining';
import { settleAnswer } from '../src/triage/answer-to-question';
import type { TriagePool } from '../src/triage';
import { turnLoad, type DialogueTurn } from './dialogue';

export interface TriageDeps {
  ctx: Context;
  /** Analyses one message's text off this event loop (src/triage/pool.ts); `engine` names the rules and model versions. */
  analyser: Pick<TriagePool, 'analyse' | 'engine'>;
  /** The dialogue turn, run right after triage (workers/dialogue.ts); without it, every turn is a job of the dialogue queue. */
  turn?: DialogueTurn;
}

export function createTriageProcessor({ ctx, analyser, turn }: TriageDeps) {
  // under load, one statement loads the messages of many jobs, with what combining their results
  // needs and what the turn right after needs (it reads nothing more when nothing earlier waits)
  const load = batchedMessageLoader(ctx.db, 'in', { unfinished: turnLoad.unfinished, extras: { ...combiningExtras, ...turnLoad.extras } });
  return async function triage(job: Job<TriageJob>): Promise<string> {
    const row = await load(job.data.messageId);
    if (!row) return 'missing';
    const { message } = row;
    if (message.triagedAt) return 'already triaged';

    // Only a person's own words are read (not a button they tapped, not a blank line).
    // A bare answer to the bot's question (「自分のことです」) does not put the conversation in `check`.
    // A job the queue put ahead (danger, a newcomer) is analysed ahead of the ordinary ones waiting for a thread.
    const priority = job.opts.priority ?? 0;
    const ahead = priority > 0 && priority <= TriagePriority.newcomer;
    const own = message.kind === 'text' && message.text.trim() ? settleAnswer(await analyser.analyse(message.text, { ahead }), row.conversation.dialogue?.step, message.text) : null;

    const turnNow: RecordOptions['turnNow'] = turn && ((id, { ahead, conversation, triage }) => turn(id, { ahead, inTriage: true, loaded: { ...row, conversation }, triage }));
    const { result } = (await recordTriage(ctx, row, own, { engine: analyser.engine, readAtLoad: combiningFromExtras(row.extras, row.conversation), turnNow }))!;
    return result ? `${result.urgency} ${result.categories.join(',')}` : 'no text';
  };
}
