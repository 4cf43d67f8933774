/**
 * Answers are never lost (widget API, real Redis and database): anonymity asked for right after
 * a crisis reply is recorded and confirmed; a free-text answer the bot does not understand brings
 * the question back with its buttons; switching language asks the pending question again in the
 * new language (once, and not after staff answered); a person whose phone is set to Japanese who
 * writes English is answered in English, the hotline reply included.
 */
import { eq } from 'drizzle-orm';
import { contacts, conversations, messages } from '../../src/db/schema';
import { catalogues } from '../../src/dialogue/texts';
import { safetyTextsFor } from '../../src/safety/safety-texts';
import { eventually, staffFetch, startTestApp, type TestApp } from '../helpers/app';
import { openWidgetSession, widgetSend, widgetSetLang, widgetThread, type WidgetSession } from '../helpers/widget';

describe('answers are never lost', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ db: 'pglite' });
  });
  afterAll(() => app?.close());

  const bot = async (s: WidgetSession) => (await widgetThread(app.url, s)).filter((m) => m.author === 'bot');
  const conversation = async (id: string) => (await app.runtime.ctx.db.select().from(conversations).where(eq(conversations.id, id)))[0];
  const settled = (conversationId: string) =>
    eventually(async () => {
      const rows = await app.runtime.ctx.db.select().from(messages).where(eq(messages.conversationId, conversationId));
      return rows.every((m) => (m.direction === 'in' ? m.dialoguedAt : m.deliveryState === 'sent'));
    });
  async function atSubjectQuestion(lang?: string): Promise<WidgetSession> {
    const s = await openWidgetSession(app.url, lang ? { lang } : {});
    await widgetSend(app.url, s, '相談したいことがあります');
    await eventually(async () => (await bot(s)).at(-1)?.buttons?.length);
    return s;
  }

  test('"don\'t tell anyone it was me" right after a crisis reply: recorded and confirmed', async () => {
    const s = await openWidgetSession(app.url);
    await widgetSend(app.url, s, '隣の家のおじいさんから「もう死ぬ」と電話があって、それから家で倒れているみたいです');
    await eventually(async () => (await bot(s)).some((m) => m.text.includes('119')));
    await widgetSend(app.url, s, '私が知らせたことは、その家族には言わないでください。私だと言わないで');
    const confirmed = await eventually(async () => (await bot(s)).find((m) => m.text.includes('お名前は伺いません')));
    expect(confirmed.text).toBe(catalogues.ja.anonymousConfirmed);
    expect((await conversation(s.conversationId)).anonymous).toBe(true);
    const view = (await (await staffFetch(app, `/api/conversations/${s.conversationId}`)).json()).conversation;
    expect(view.anonymous).toBe(true);
  });

  test('a free-text answer not understood: the question comes back with its buttons', async () => {
    const s = await atSubjectQuestion();
    await widgetSend(app.url, s, 'うーん、どう説明したらいいのか');
    const again = await eventually(async () => {
      const b = await bot(s);
      return b.at(-2)?.text === catalogues.ja.reaskIntro ? b : null;
    });
    expect(again.at(-1)!.text).toBe(catalogues.ja.askSubject);
    expect(again.at(-1)!.buttons!.map((b) => b.data)).toEqual(['subject:self', 'subject:family', 'subject:neighbour']);
    // Understood in words: the next question, with its buttons.
    await widgetSend(app.url, s, '自分のことです');
    const next = await eventually(async () => ((await bot(s)).at(-1)?.text === catalogues.ja.askContact ? (await bot(s)).at(-1) : null));
    expect(next!.buttons!.map((b) => b.data)).toEqual(['consent:contact:yes', 'consent:contact:no', 'consent:contact:later']);
    expect((await conversation(s.conversationId)).subject).toBe('self');
  });

  test('switching language asks the pending question again in the new language, once', async () => {
    const s = await atSubjectQuestion();
    await settled(s.conversationId);
    const before = (await bot(s)).length;
    expect(await widgetSetLang(app.url, s, 'en')).toBe(200);
    const en = await eventually(async () => ((await bot(s)).length > before ? (await bot(s)).at(-1) : null));
    expect(en!.text).toBe(catalogues.en.askSubject);
    expect(en!.buttons!.map((b) => b.label)).toEqual(['Myself', 'A family member', 'Neighbour / friend']);
    await settled(s.conversationId);
    expect(await widgetSetLang(app.url, s, 'en')).toBe(200); // the same language again: nothing twice
    expect(await widgetSetLang(app.url, s, 'klingon')).toBe(400);
    await new Promise((r) => setTimeout(r, 500));
    expect(await bot(s)).toHaveLength(before + 1);
    // From now on the bot answers in English.
    await widgetSend(app.url, s, 'myself');
    await eventually(async () => ((await bot(s)).at(-1)?.text === catalogues.en.askContact ? true : null));

    const easy = await atSubjectQuestion();
    await settled(easy.conversationId);
    await widgetSetLang(app.url, easy, 'easy-ja');
    await eventually(async () => ((await bot(easy)).at(-1)?.text === catalogues['easy-ja'].askSubject ? true : null));
  });

  test('a phone set to Japanese, a person writing English: the first answers and the hotline reply are in English', async () => {
    const s = await openWidgetSession(app.url, { lang: 'ja' });
    await widgetSend(app.url, s, 'I would like to talk about my son');
    // 「my son」 is understood in English too: about a family member, so the next question is anonymity
    const first = await eventually(async () => ((await bot(s)).at(-1)?.text === catalogues.en.askAnonymous ? await bot(s) : null));
    expect(first[0].text).toBe(catalogues.en.ack);
    const [contact] = await app.runtime.ctx.db.select({ lang: contacts.lang }).from(contacts).innerJoin(conversations, eq(conversations.contactId, contacts.id)).where(eq(conversations.id, s.conversationId));
    expect(contact.lang).toBe('en');
    // the thread says so too (a widget reloaded follows it)
    const thread = await fetch(`${app.url}/api/widget/messages`, { headers: { authorization: `Bearer ${s.sessionToken}` } });
    expect((await thread.json()).lang).toBe('en');

    const crisis = await openWidgetSession(app.url, { lang: 'ja' });
    await widgetSend(app.url, crisis, 'I am going to kill myself tonight. I have the pills ready.');
    const reply = await eventually(async () => (await bot(crisis)).find((m) => m.text.includes('119')));
    expect(reply.text.startsWith(safetyTextsFor('en').openSelf)).toBe(true);
  });

  test('after staff answered, a language switch asks nothing', async () => {
    const s = await atSubjectQuestion();
    expect((await staffFetch(app, `/api/conversations/${s.conversationId}/replies`, { method: 'POST', body: JSON.stringify({ text: '相談員です。お話を伺います。' }) })).status).toBe(202);
    await settled(s.conversationId);
    const before = (await widgetThread(app.url, s)).length;
    await widgetSetLang(app.url, s, 'en');
    await new Promise((r) => setTimeout(r, 500));
    expect(await widgetThread(app.url, s)).toHaveLength(before);
  });
});
