/**
 * Issue 13: an ordinary front-door turn (no consent, safety or crisis records) is stored in one
 * statement, no transaction (src/dialogue/record-turn.ts): the message claimed, the conversation's
 * new state and the bot's replies, all or none. What the transaction guaranteed must still hold:
 * a second run of the same turn does nothing, and a counsellor who answered after the turn was
 * worked out silences the bot while the person's turn is still recorded.
 */
import { asc, eq } from 'drizzle-orm';
import { conversations, messages } from '../../src/db/schema';
import { recordTurn } from '../../src/dialogue/record-turn';
import { createDialogueProcessor } from '../../workers/dialogue';
import { eventually, startTestApp, type TestApp } from '../helpers/app';
import { checkTriage, injectTriagedMessage } from '../helpers/triage-result';
import { testDatabases } from '../helpers/databases';
import { statementsSentBy } from '../helpers/statements';
import { openWidgetSession } from '../helpers/widget';

describe.each(testDatabases())('a front-door turn written in one statement (%s)', (db) => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ db, withSweeper: false });
  });
  afterAll(async () => {
    await app?.close();
  });

  /**
   * A widget conversation whose first message is triaged and waits for its dialogue turn: stored
   * as triage stores it and handed to the dialogue queue, which is paused meanwhile (the triage
   * worker would take the turn at once).
   */
  async function awaitingTurn(text: string) {
    const s = await openWidgetSession(app.url);
    const id = await injectTriagedMessage(app, s.conversationId, text, checkTriage({ urgency: 'normal', risk: { score: 0.05, band: 'clear' } }));
    const ctx = app.runtime.ctx;
    const [message] = await ctx.db.select().from(messages).where(eq(messages.id, id));
    const [conversation] = await ctx.db.select().from(conversations).where(eq(conversations.id, s.conversationId));
    return { message, conversation };
  }

  const outbound = (conversationId: string) =>
    app.runtime.ctx.db.select().from(messages).where(eq(messages.conversationId, conversationId)).orderBy(asc(messages.seq)).then((rows) => rows.filter((r) => r.direction === 'out'));

  test("a person's first turn: its load and one statement; claimed, the new state, the replies in order; then delivered", async () => {
    const ctx = app.runtime.ctx;
    await Promise.all([ctx.queues.dialogue.pause(), ctx.queues.deliver.pause()]);
    let conversationId: string;
    try {
      const { message, conversation } = await awaitingTurn('母の介護のことで相談したいです');
      conversationId = conversation.id;
      expect(conversation.dialogue).toBeNull();
      const dialogue = createDialogueProcessor({ ctx, profileLanguage: null });
      const sent = await statementsSentBy(() => dialogue({ data: { messageId: message.id }, opts: {} } as never));
      // in a transaction: the load, BEGIN, the claim and update, the replies, COMMIT
      expect(sent).toBe(2);
      const [after] = await ctx.db.select().from(messages).where(eq(messages.id, message.id));
      expect(after.dialoguedAt).toBeInstanceOf(Date);
      const [c] = await ctx.db.select().from(conversations).where(eq(conversations.id, conversation.id));
      expect(c.dialogue?.step).toBeTruthy();
      const replies = await outbound(conversation.id);
      expect(replies.length).toBeGreaterThan(0);
      for (const r of replies) expect(r).toMatchObject({ authorType: 'bot', deliveryState: 'pending', agencyId: conversation.agencyId, channel: 'widget' });
      expect(new Set(replies.map((r) => r.retryKey)).size).toBe(replies.length);
      // the question comes last, with its buttons
      expect(replies.at(-1)!.payload?.buttons?.length).toBeGreaterThan(0);
      // run again (a redelivered job): nothing more
      await dialogue({ data: { messageId: message.id }, opts: {} } as never);
      expect(await outbound(conversation.id)).toHaveLength(replies.length);
    } finally {
      await Promise.all([ctx.queues.dialogue.resume(), ctx.queues.deliver.resume()]);
    }
    await eventually(async () => (await outbound(conversationId)).every((r) => r.deliveryState === 'sent'));
  });

  test('a counsellor answered after the turn was worked out: the turn is recorded, the bot says nothing; run twice, it is stored once', async () => {
    const ctx = app.runtime.ctx;
    await ctx.queues.dialogue.pause();
    try {
      const { message, conversation } = await awaitingTurn('仕事を失って家賃が払えません');
      const turn = { state: { step: 'askAnonymous' as const }, effects: [{ type: 'subject' as const, subject: 'self' as const }], replies: [{ text: 'ひとつめ' }, { text: 'ふたつめ' }] };
      const input = { message, conversation, turn, set: { dialogue: turn.state, subject: 'self' as const }, danger: null, lang: 'ja' as const, at: new Date() };
      // what a counsellor's answer does to the conversation (src/conversations/reply.ts), after the turn's load
      await ctx.db.update(conversations).set({ staffEngagedAt: new Date() }).where(eq(conversations.id, conversation.id));
      const stored = await recordTurn(ctx, input);
      expect(stored.replies).toEqual([]);
      expect(stored.updated).toMatchObject({ id: conversation.id, dialogue: { step: 'askAnonymous' }, subject: 'self' });
      expect(await outbound(conversation.id)).toEqual([]);
      const [after] = await ctx.db.select().from(messages).where(eq(messages.id, message.id));
      expect(after.dialoguedAt).toBeInstanceOf(Date);

      // The same turn for a conversation nobody answered: the replies, in order; a second run stores nothing.
      const other = await awaitingTurn('近所のおばあさんが心配です');
      const first = await recordTurn(ctx, { ...input, message: other.message, conversation: other.conversation });
      expect(first.replies.map((r) => r.text)).toEqual(['ひとつめ', 'ふたつめ']);
      expect(first.replies[0].seq).toBeLessThan(first.replies[1].seq);
      expect(first.replies[0].createdAt).toBeInstanceOf(Date);
      const second = await recordTurn(ctx, { ...input, message: other.message, conversation: other.conversation });
      expect(second).toEqual({ replies: [], updated: null, crisis: null });
      expect((await outbound(other.conversation.id)).map((r) => r.text)).toEqual(['ひとつめ', 'ふたつめ']);
    } finally {
      await ctx.queues.dialogue.resume();
    }
  });
});
