/**
 * The person switched language (the widget's selector): the bot answers in it from now on, and
 * the question it is waiting on is asked again in the new language, with its buttons, so a
 * person who could not read it can answer it. Nothing is asked again once staff answer, in an
 * emergency, or when the language did not change (a repeated switch sends nothing twice).
 */
import { eq } from 'drizzle-orm';
import type { Context } from '../context';
import { contacts, conversations } from '../db/schema';
import { insertOutbound } from '../messages/write-outbound';
import { queueDelivery } from '../messages/queue-delivery';
import { questionFor } from './questions';
import { textsFor, type Lang } from './texts';

export async function switchLanguage(ctx: Context, input: { contactId: string; conversationId: string; lang: Lang }): Promise<void> {
  const rows = await ctx.db.transaction(async (tx) => {
    // The conversation row is locked like a front-door turn (workers/dialogue.ts), so the two never interleave.
    const [c] = await tx.select().from(conversations).where(eq(conversations.id, input.conversationId)).for('update');
    const [before] = await tx.select({ lang: contacts.lang }).from(contacts).where(eq(contacts.id, input.contactId)).for('update');
    if (!c || !before || before.lang === input.lang) return [];
    await tx.update(contacts).set({ lang: input.lang }).where(eq(contacts.id, input.contactId));
    if (c.staffEngagedAt || c.triage?.urgency === 'emergency' || !c.dialogue) return [];
    const question = questionFor(c.dialogue.step, textsFor(input.lang));
    return question ? insertOutbound(tx, c, [{ text: question.text, authorType: 'bot', buttons: question.buttons }]) : [];
  });
  await queueDelivery(ctx, rows);
}
