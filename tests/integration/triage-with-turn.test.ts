/**
 * Issue 13: when a message's turn runs in its triage job, triage's write goes in the turn's own
 * statement (src/triage/write-triage.ts, src/dialogue/record-turn.ts): the turn is worked out from
 * the conversation as triage will leave it, and both are written only if the conversation row is
 * still the version the job loaded. What writing them apart guaranteed must still hold: a
 * conversation changed meanwhile (here: another message triaged while this one was analysed) is
 * combined again, with that message, and the turn is stored once — also when the turn has
 * records of its own (the safety question, in a transaction that is undone).
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import { conversations, messages, safetyChecks, triageRuns, type Triage } from '../../src/db/schema';
import { createTriageProcessor } from '../../workers/triage';
import { createDialogueTurn } from '../../workers/dialogue';
import { eventually, startTestApp, type TestApp } from '../helpers/app';
import { testDatabases } from '../helpers/databases';
import { checkTriage, injectTriagedMessage } from '../helpers/triage-result';
import { openWidgetSession, widgetSend } from '../helpers/widget';

describe.each(testDatabases())("triage's write in the turn's statement (%s)", (db) => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ db, withSweeper: false });
  });
  afterAll(async () => {
    await app?.close();
  });

  const clear = { score: 0.05, band: 'clear' as const };
  const message = async (id: string) => (await app.runtime.ctx.db.select().from(messages).where(eq(messages.id, id)))[0];
  const conversation = async (id: string) => (await app.runtime.ctx.db.select().from(conversations).where(eq(conversations.id, id)))[0];
  const runsOf = (id: string) => app.runtime.ctx.db.select().from(triageRuns).where(eq(triageRuns.messageId, id));
  const answers = async (conversationId: string) =>
    (await app.runtime.ctx.db.select().from(messages).where(eq(messages.conversationId, conversationId)).orderBy(asc(messages.seq))).filter((m) => m.direction === 'out');
  const inboundUnhandled = async (conversationId: string) =>
    (await app.runtime.ctx.db.select().from(messages).where(and(eq(messages.conversationId, conversationId), eq(messages.direction, 'in'), isNull(messages.dialoguedAt)))).length;
  const safetyAsked = (conversationId: string) =>
    app.runtime.ctx.db
      .select()
      .from(safetyChecks)
      .where(and(eq(safetyChecks.conversationId, conversationId), eq(safetyChecks.event, 'asked')));

  /**
   * A returning person (their first turn done and its answers sent) with a message just sent,
   * whose triage job is run here (`analyse` stands for the analysis; `meanwhile` runs during it,
   * after the job's load), with the triage and dialogue queues paused meanwhile.
   */
  async function triageHere(text: string, own: Triage, meanwhile?: (conversationId: string) => Promise<unknown>) {
    const { ctx } = app.runtime;
    const s = await openWidgetSession(app.url);
    const first = await widgetSend(app.url, s, 'こんにちは');
    await eventually(async () => (await message(first)).dialoguedAt && (await answers(s.conversationId)).every((a) => a.deliveryState === 'sent'));
    await Promise.all([ctx.queues.triage.pause(), ctx.queues.dialogue.pause()]);
    try {
      const id = await widgetSend(app.url, s, text);
      const triage = createTriageProcessor({
        ctx,
        analyser: {
          engine: 'test',
          analyse: async () => {
            await meanwhile?.(s.conversationId);
            return own;
          },
        },
        turn: createDialogueTurn({ ctx, profileLanguage: null }),
      });
      const run = () => triage({ data: { messageId: id }, opts: {} } as never);
      const outcome = await run();
      return { id, conversationId: s.conversationId, outcome, run };
    } finally {
      await Promise.all([ctx.queues.triage.resume(), ctx.queues.dialogue.resume()]);
    }
  }

  /** Another message of the conversation triaged while this one was analysed: a housing worry. */
  const anotherTriaged = (conversationId: string) => injectTriagedMessage(app, conversationId, '家を出ていくように言われています', checkTriage({ urgency: 'normal', categories: ['housing'], risk: clear }));

  test('nothing changed: triaged and answered in one write, the run kept once; run again, nothing more', async () => {
    const { id, conversationId, run } = await triageHere('夜も眠れていないようです', checkTriage({ urgency: 'normal', categories: ['money'], risk: clear }));
    const m = await message(id);
    expect(m.triagedAt).toBeInstanceOf(Date);
    expect(m.dialoguedAt).toBeInstanceOf(Date);
    expect((await conversation(conversationId)).triage).toMatchObject({ urgency: 'normal', categories: expect.arrayContaining(['money']) });
    expect(await runsOf(id)).toHaveLength(1);
    const written = (await answers(conversationId)).length;
    expect(await run()).toBe('already triaged');
    expect(await answers(conversationId)).toHaveLength(written);
  });

  test('another message triaged meanwhile: the one write is refused; the result combines both messages, the turn is stored once', async () => {
    const { id, conversationId, run } = await triageHere('仕事を失って家賃が払えません', checkTriage({ urgency: 'normal', categories: ['money'], risk: clear }), anotherTriaged);
    // written from the load alone, the housing worry would be missing
    expect((await conversation(conversationId)).triage?.categories).toEqual(expect.arrayContaining(['money', 'housing']));
    const m = await message(id);
    expect(m.triagedAt).toBeInstanceOf(Date);
    expect(m.dialoguedAt).toBeInstanceOf(Date);
    expect(await runsOf(id)).toHaveLength(1);
    // the other message's turn is a dialogue job of its own, run once the queues resume: counted
    // before it had written its answers, the count below would see them as this job's
    await eventually(async () => (await inboundUnhandled(conversationId)) === 0);
    const written = (await answers(conversationId)).length;
    await run();
    expect(await answers(conversationId)).toHaveLength(written);
  });

  test('a turn with records of its own (triage unsure: the safety question) writes triage in its transaction', async () => {
    const { id, conversationId } = await triageHere('最近なにもしたくないです', checkTriage({ urgency: 'high', categories: ['health'] }));
    const c = await conversation(conversationId);
    expect(c.triage?.risk?.band).toBe('check');
    expect(c.dialogue?.step).toBe('askSafety');
    expect(await safetyAsked(conversationId)).toHaveLength(1);
    const m = await message(id);
    expect(m.triagedAt).toBeInstanceOf(Date);
    expect(m.dialoguedAt).toBeInstanceOf(Date);
    expect(await runsOf(id)).toHaveLength(1);
  });

  test('that turn with the conversation changed meanwhile: its transaction is undone, then triage combines again and the safety question is asked once', async () => {
    const { id, conversationId } = await triageHere('最近なにもしたくないです', checkTriage({ urgency: 'high', categories: ['health'] }), anotherTriaged);
    const c = await conversation(conversationId);
    expect(c.triage?.categories).toEqual(expect.arrayContaining(['health', 'housing']));
    expect(c.dialogue?.step).toBe('askSafety');
    // a claim kept from the undone transaction would have left the turn "already handled": no question
    expect(await safetyAsked(conversationId)).toHaveLength(1);
    expect((await message(id)).dialoguedAt).toBeInstanceOf(Date);
    expect(await runsOf(id)).toHaveLength(1);
  });
});
