/**
 * Processor of the `triage` queue: labels the conversation of one inbound message (categories,
 * urgency, who is writing, reasons) and records the run. When the message signals danger to
 * life it raises the crisis alert and queues the safety reply with the hotlines at once, in
 * the same transaction, whatever the hour. Then the front-door dialogue takes the message.
 *
 * Bounded work: only this message's text is analysed, once, in a triage thread (never on this
 * event loop); its own result is kept on the run, and the conversation's result combines the
 * kept results of the earlier messages (src/triage/combine.ts) without reading their text again.
 * The conversation row is locked while combining, so two messages of one conversation triaged
 * at the same time cannot leave out each other's result.
 *
 * Idempotent: a message already triaged is skipped; the run row is unique per message; at most
 * one open alert per conversation (so a retry never sends the safety reply twice).
 */
import type { Job } from 'bullmq';
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { Context } from '../src/context';
import { conversations, messages, triageRuns } from '../src/db/schema';
import type { TriageJob } from '../src/queues';
import { loadMessageForJob } from '../src/queues/message-job';
import { enqueue } from '../src/queues/enqueue';
import { presentConversation } from '../src/presenters/conversation';
import { announceCrisis, raiseCrisis } from '../src/safety/raise-crisis';
import { combineWithStanding } from '../src/triage/standing';
import { loadStandingJudgements } from '../src/triage/load-standing';
import type { Triage } from '../src/db/schema';
import type { Lang } from '../src/dialogue/texts';

export interface TriageDeps {
  ctx: Context;
  /** Analyses one message's text off this event loop (src/triage/pool.ts); `engine` names the rules and model versions. */
  analyser: { analyse(text: string): Promise<Triage>; engine: string };
}

export function createTriageProcessor({ ctx, analyser }: TriageDeps) {
  const { db } = ctx;
  return async function triage(job: Job<TriageJob>): Promise<string> {
    const row = await loadMessageForJob(db, job.data.messageId, 'in');
    if (!row) return 'missing';
    const { message } = row;
    if (message.triagedAt) return 'already triaged';

    // Only a person's own words are read (not a button they tapped, not a blank line).
    const own = message.kind === 'text' && message.text.trim() ? await analyser.analyse(message.text) : null;

    const outcome = await db.transaction(async (tx) => {
      await tx.select({ id: conversations.id }).from(conversations).where(eq(conversations.id, message.conversationId)).for('update');
      // The conversation so far, in order: a worry often unfolds over several messages.
      const earlier = await tx
        .select({ at: messages.createdAt, kept: triageRuns.messageTriage, result: triageRuns.result })
        .from(messages)
        .innerJoin(triageRuns, eq(triageRuns.messageId, messages.id))
        .where(and(eq(messages.conversationId, message.conversationId), eq(messages.direction, 'in'), eq(messages.kind, 'text'), ne(messages.id, message.id), sql`${messages.text} ~ '[^[:space:]]'`))
        .orderBy(asc(messages.seq));
      // a run from before per-message results were kept carries the conversation's result: a superset, still true
      const parts = earlier.map((r) => ({ at: r.at, triage: r.kept ?? r.result }));
      if (own) parts.push({ at: message.createdAt, triage: own });
      const result = combineWithStanding(parts, await loadStandingJudgements(tx, message.conversationId));
      if (result) {
        await tx
          .insert(triageRuns)
          .values({ messageId: message.id, conversationId: message.conversationId, engine: analyser.engine, result, messageTriage: own })
          .onConflictDoNothing();
      }
      // The message is marked triaged in the same statement that writes (or reads) the conversation.
      const stamp = tx.$with('triaged').as(tx.update(messages).set({ triagedAt: new Date() }).where(eq(messages.id, message.id)).returning({ id: messages.id }));
      const [conversation] = result
        ? await tx.with(stamp).update(conversations).set({ triage: result }).where(eq(conversations.id, message.conversationId)).returning()
        : await tx.with(stamp).select().from(conversations).where(eq(conversations.id, message.conversationId));

      // Only a person's own words can raise a crisis (not a button they tapped).
      if (result?.urgency !== 'emergency' || message.kind !== 'text') return { conversation, result, crisis: null };
      const crisis = await raiseCrisis(ctx, tx, { conversation, messageId: message.id, lang: row.contact.lang as Lang, categories: result.categories, reasons: result.reasons });
      return { conversation, result, crisis }; // crisis null: an open alert already covers it
    });

    if (outcome.crisis) await announceCrisis(ctx, outcome.crisis);
    ctx.publisher.conversationUpdated(presentConversation(outcome.conversation, message.text.slice(0, 80)));
    await enqueue.dialogue(ctx, message.id);
    const { result } = outcome;
    return result ? `${result.urgency} ${result.categories.join(',')}` : 'no text';
  };
}
