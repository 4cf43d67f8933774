/**
 * Stores an inbound message as if triage had read it and decided `triage` (e.g. risk band
 * `check`, which the rules-only engine does not give yet), then hands it to the dialogue worker
 * like the triage worker does: from there on everything runs for real. Its result is kept on a
 * triage run as the triage worker keeps one, so the triage of later messages combines it (the
 * categories today; the risk band too once combining carries it).
 */
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { conversations, messages, triageRuns, type Triage } from '../../src/db/schema';
import { jobId, jobOptions } from '../../src/queues';
import { combineTriage } from '../../src/triage/combine';
import type { TestApp } from './app';

export const checkTriage = (over: Partial<Triage> = {}): Triage => ({
  categories: ['health'],
  urgency: 'high',
  reporter: 'self',
  reasons: ['(test) risk between clearly fine and clearly a crisis'],
  risk: { score: 0.42, band: 'check' },
  ...over,
});

export async function injectTriagedMessage(app: TestApp, conversationId: string, text: string, triage: Triage): Promise<string> {
  const { db, queues } = app.runtime.ctx;
  const id = await db.transaction(async (tx) => {
    const [c] = await tx.select().from(conversations).where(eq(conversations.id, conversationId)).for('update');
    const [m] = await tx
      .insert(messages)
      .values({
        conversationId,
        agencyId: c.agencyId,
        channel: c.channel,
        direction: 'in',
        authorType: 'person',
        externalId: `${conversationId}:injected-${randomUUID()}`,
        kind: 'text',
        text,
        triagedAt: new Date(),
      })
      .returning({ id: messages.id });
    // Kept like the triage worker keeps each message's own result, so later messages combine it.
    // and the conversation's result is the earlier ones' combined with it, as the worker writes it
    const result = c.triage ? combineTriage([c.triage, triage]) : triage;
    await tx.insert(triageRuns).values({ messageId: m.id, conversationId, engine: 'test-injected', result, messageTriage: triage });
    await tx
      .update(conversations)
      .set({ triage: result, unread: sql`${conversations.unread} + 1`, lastMessageAt: sql`now()` })
      .where(eq(conversations.id, conversationId));
    return m.id;
  });
  await queues.dialogue.add('dialogue', { messageId: id }, { ...jobOptions.dialogue, jobId: jobId.dialogue(id) });
  return id;
}
