/**
 * Issue 13: triage reads what combining needs with the message's load and writes the result in
 * one statement, no transaction, when the conversation row has not changed since
 * (src/triage/record-result.ts `writeIfUnchanged`). When it has — another message of the same
 * conversation was triaged meanwhile — it must combine again under the row's lock, or the later
 * write would leave out the other message's result.
 *
 * What the load reads of the earlier messages: nothing, where no judgement stands (the
 * conversation's result is all of them combined); otherwise each one's own result, not the
 * conversation's result as that message left it: the latter holds every reason of the
 * conversation so far, so reading it for every earlier message grew with the square of the
 * conversation's length (the bench's 400/s step, run three times on one process: 172, 158, 113
 * messages/s triaged).
 */
import { asc, eq } from 'drizzle-orm';
import { conversations, messages, safetyChecks, triageRuns, type Triage } from '../../src/db/schema';
import { combineTriage, createClassifier, type Classifier } from '../../src/triage';
import { createTriageProcessor } from '../../workers/triage';
import { loadMessageForJob } from '../../src/queues/message-job';
import { combiningExtras, combiningFromExtras } from '../../src/triage/load-for-combining';
import { eventually, startTestApp, type TestApp } from '../helpers/app';
import { testDatabases } from '../helpers/databases';
import { statementsSentBy } from '../helpers/statements';
import { openWidgetSession, widgetSend } from '../helpers/widget';

describe.each(testDatabases())('triage written in one statement unless the conversation changed (%s)', (db) => {
  let app: TestApp;
  let classifier: Classifier;

  beforeAll(async () => {
    classifier = await createClassifier();
    app = await startTestApp({ db, withSweeper: false });
  });
  afterAll(async () => {
    await app?.close();
  });

  /** A widget conversation with these messages stored and none triaged (the app's own triage is paused meanwhile). */
  async function untriaged(texts: string[]) {
    const s = await openWidgetSession(app.url);
    for (const t of texts) await widgetSend(app.url, s, t);
    return eventually(async () => {
      const rows = await app.runtime.ctx.db.select().from(messages).where(eq(messages.conversationId, s.conversationId)).orderBy(asc(messages.seq));
      const ins = rows.filter((m) => m.direction === 'in');
      return ins.length === texts.length ? { conversationId: s.conversationId, inbound: ins } : null;
    });
  }

  test('an ordinary message: its load and one statement; the conversation, the run and the mark all written', async () => {
    const ctx = app.runtime.ctx;
    await ctx.queues.triage.pause();
    try {
      const { conversationId, inbound } = await untriaged(['家賃を3か月払えていなくて、来週までに出ていくよう言われました']);
      const triage = createTriageProcessor({ ctx, analyser: { engine: classifier.engine, analyse: async (text) => classifier.classify(text) } });
      const sent = await statementsSentBy(() => triage({ data: { messageId: inbound[0].id }, opts: {} } as never));
      // the load and the write; under the lock: the load, the locking read, the write (and on Postgres BEGIN and COMMIT)
      expect(sent).toBe(2);
      const own = classifier.classify(inbound[0].text);
      const [conversation] = await ctx.db.select().from(conversations).where(eq(conversations.id, conversationId));
      expect(conversation.triage).toEqual(combineTriage([own]));
      const [run] = await ctx.db.select().from(triageRuns).where(eq(triageRuns.messageId, inbound[0].id));
      expect(run).toMatchObject({ conversationId, engine: classifier.engine, messageTriage: own, result: combineTriage([own]) });
      const [message] = await ctx.db.select().from(messages).where(eq(messages.id, inbound[0].id));
      expect(message.triagedAt).toBeInstanceOf(Date);
    } finally {
      await ctx.queues.triage.resume();
    }
  });

  test("two messages of one conversation triaged at once: the one that finishes last still combines the other's result", async () => {
    const ctx = app.runtime.ctx;
    await ctx.queues.triage.pause();
    try {
      const texts = ['家賃を3か月払えていなくて、来週までに出ていくよう言われました', '正直もう死にたい'];
      const { conversationId, inbound } = await untriaged(texts);
      // the first message's analysis is held until the second message's triage has been written
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let loadedFirst!: () => void;
      const firstLoaded = new Promise<void>((resolve) => (loadedFirst = resolve));
      const triage = createTriageProcessor({
        ctx,
        analyser: {
          engine: classifier.engine,
          analyse: async (text) => {
            if (text === texts[0]) {
              loadedFirst();
              await held;
            }
            return classifier.classify(text);
          },
        },
      });
      const first = triage({ data: { messageId: inbound[0].id }, opts: {} } as never);
      await firstLoaded; // read with its load: the conversation as it was before the second's result
      await triage({ data: { messageId: inbound[1].id }, opts: {} } as never);
      release();
      await first;

      const own: Triage[] = texts.map((t) => classifier.classify(t));
      const [conversation] = await ctx.db.select().from(conversations).where(eq(conversations.id, conversationId));
      // both messages' results, whichever was written last (the reasons of the one combined last come last)
      const both = combineTriage(own);
      expect({ ...conversation.triage, reasons: [...conversation.triage!.reasons].sort() }).toEqual({ ...both, reasons: [...both.reasons].sort() });
      expect(conversation.triage).toMatchObject({ urgency: 'emergency', categories: expect.arrayContaining(['suicide', 'housing']) });
      const runs = await ctx.db.select().from(triageRuns).where(eq(triageRuns.conversationId, conversationId));
      expect(runs).toHaveLength(2);
    } finally {
      await ctx.queues.triage.resume();
    }
  });
  const longer = ['家賃を3か月払えていなくて、来週までに出ていくよう言われました', '母の介護で仕事を辞めました', '子どもが学校に行けていません', '借金の返済が苦しいです', '近所の人とトラブルがあります', 'どこに相談したらいいですか'];

  test("a longer conversation with the safety question answered: each earlier message is read as its own result; the conversation's result it left only for a run from before those were kept", async () => {
    const ctx = app.runtime.ctx;
    await ctx.queues.triage.pause();
    try {
      const { conversationId, inbound } = await untriaged(longer);
      const triage = createTriageProcessor({ ctx, analyser: { engine: classifier.engine, analyse: async (text) => classifier.classify(text) } });
      for (const m of inbound.slice(0, -1)) await triage({ data: { messageId: m.id }, opts: {} } as never);
      // the first run as a run from before each message's own result was kept
      await ctx.db.update(triageRuns).set({ messageTriage: null }).where(eq(triageRuns.messageId, inbound[0].id));
      const [oldRun] = await ctx.db.select().from(triageRuns).where(eq(triageRuns.messageId, inbound[0].id));
      // a judgement that stands over the text's triage (here one that changes nothing: 「いいえ」)
      const [c] = await ctx.db.select().from(conversations).where(eq(conversations.id, conversationId));
      await ctx.db.insert(safetyChecks).values({ conversationId, agencyId: c.agencyId, event: 'answered', answer: 'no', channel: c.channel, messageId: inbound[1].id });

      const last = inbound[inbound.length - 1];
      const loaded = await loadMessageForJob(ctx.db, last.id, 'in', { extras: combiningExtras });
      const raw = loaded!.extras.earlier;
      const earlier = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Array<{ kept: Triage | null; result: Triage | null }>;
      const own: Triage[] = longer.map((t) => classifier.classify(t));
      expect(earlier.map((e) => e.kept)).toEqual([null, ...own.slice(1, -1)]);
      expect(earlier.map((e) => e.result)).toEqual([oldRun.result, null, null, null, null]);
      expect(combiningFromExtras(loaded!.extras, loaded!.conversation)!.earlier.map((p) => p.triage)).toEqual([oldRun.result, ...own.slice(1, -1)]);

      await triage({ data: { messageId: last.id }, opts: {} } as never);
      const [conversation] = await ctx.db.select().from(conversations).where(eq(conversations.id, conversationId));
      // the old run's result was the conversation's after the first message: its own, combined alone
      expect(conversation.triage).toEqual(combineTriage(own));
    } finally {
      await ctx.queues.triage.resume();
    }
  });

  test("a longer conversation where no judgement stands: the earlier messages are not read; the conversation's result stands for them", async () => {
    const ctx = app.runtime.ctx;
    await ctx.queues.triage.pause();
    // the earlier messages' turns would change the row between the last one's load and its write
    await ctx.queues.dialogue.pause();
    try {
      const { conversationId, inbound } = await untriaged(longer);
      const triage = createTriageProcessor({ ctx, analyser: { engine: classifier.engine, analyse: async (text) => classifier.classify(text) } });
      for (const m of inbound.slice(0, -1)) await triage({ data: { messageId: m.id }, opts: {} } as never);
      const own: Triage[] = longer.map((t) => classifier.classify(t));

      const last = inbound[inbound.length - 1];
      const loaded = await loadMessageForJob(ctx.db, last.id, 'in', { extras: combiningExtras });
      expect(loaded!.extras.earlier).toBeNull();
      expect(loaded!.conversation.triage).toEqual(combineTriage(own.slice(0, -1)));
      expect(combiningFromExtras(loaded!.extras, loaded!.conversation)!.earlier.map((p) => p.triage)).toEqual([combineTriage(own.slice(0, -1))]);

      const sent = await statementsSentBy(() => triage({ data: { messageId: last.id }, opts: {} } as never));
      expect(sent).toBe(2); // its load and its write, as for a first message
      const [conversation] = await ctx.db.select().from(conversations).where(eq(conversations.id, conversationId));
      expect(conversation.triage).toEqual(combineTriage(own));
      const [run] = await ctx.db.select().from(triageRuns).where(eq(triageRuns.messageId, last.id));
      expect(run).toMatchObject({ messageTriage: own[own.length - 1], result: combineTriage(own) });
    } finally {
      await ctx.queues.dialogue.resume();
      await ctx.queues.triage.resume();
    }
  });
});
