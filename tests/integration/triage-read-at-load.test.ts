/**
 * Issue 13: triage reads what combining needs with the message's load and writes the result in
 * one statement, no transaction, when the conversation row has not changed since
 * (src/triage/record-result.ts `writeIfUnchanged`). When it has — another message of the same
 * conversation was triaged meanwhile — it must combine again under the row's lock, or the later
 * write would leave out the other message's result.
 */
import { asc, eq } from 'drizzle-orm';
import { conversations, messages, triageRuns, type Triage } from '../../src/db/schema';
import { combineTriage, createClassifier, type Classifier } from '../../src/triage';
import { createTriageProcessor } from '../../workers/triage';
import { eventually, startTestApp, type TestApp } from '../helpers/app';
import { testDatabases } from '../helpers/databases';
import { openWidgetSession, widgetSend } from '../helpers/widget';
import { statementsSentBy } from '../helpers/statements';

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
});
