/**
 * A LINE webhook body with many events is stored in one statement (issue 8 item 16): 100 events
 * from 10 people are all stored, once, each person's in the order sent; the same body redelivered
 * stores nothing new. Bodies arriving at once are stored together (group commit): every message
 * once, one conversation per person, far fewer statements than one per body. (How fast:
 * `npm run bench`, not a timed assertion.)
 */
import { eq, inArray } from 'drizzle-orm';
import { conversations, contacts, messages } from '../../src/db/schema';
import { startTestApp, type TestApp } from '../helpers/app';
import { testDatabases } from '../helpers/databases';
import { fakeLineUserId } from '../fixtures/fake-line-api';
import { postWebhook, textEvent, webhookBody } from '../fixtures/line-events';

const SECRET = 'batch-secret';

describe.each(testDatabases())('a LINE webhook body with 100 events (%s)', (db) => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ db, env: { LINE_CHANNEL_SECRET: SECRET, LINE_CHANNEL_ACCESS_TOKEN: 'batch-token', LINE_API_BASE_URL: 'http://127.0.0.1:9' } });
  });
  afterAll(async () => {
    await app?.close();
  });

  test('all 100 are stored once, in order per person; the redelivered body stores nothing new', async () => {
    const users = Array.from({ length: 10 }, () => fakeLineUserId());
    const events = Array.from({ length: 100 }, (_, i) => textEvent({ userId: users[i % 10], text: `相談${String(i).padStart(3, '0')}`, timestamp: Date.now() - 1000 + i }));
    const body = webhookBody(events);
    expect((await postWebhook(app.url, body, SECRET)).status).toBe(200);

    const { db: database } = app.runtime.ctx;
    const ids = events.map((e) => e.webhookEventId);
    const stored = await database.select().from(messages).where(inArray(messages.externalId, ids)).orderBy(messages.seq);
    expect(stored).toHaveLength(100);
    expect(stored.map((m) => m.text)).toEqual(events.map((e) => e.message.text));
    const perPerson = await database
      .select({ userId: contacts.externalId, conversationId: conversations.id })
      .from(conversations)
      .innerJoin(contacts, eq(contacts.id, conversations.contactId))
      .where(inArray(contacts.externalId, users));
    expect(perPerson).toHaveLength(10); // one conversation each

    const redelivered = webhookBody(events.map((e) => ({ ...e, deliveryContext: { isRedelivery: true } })));
    expect((await postWebhook(app.url, redelivered, SECRET)).status).toBe(200);
    expect(await database.select().from(messages).where(inArray(messages.externalId, ids))).toHaveLength(100);
  });
});

describe.each(testDatabases())('LINE webhook bodies arriving at once (%s)', (db) => {
  let app: TestApp;

  beforeAll(async () => {
    // the API alone: every statement counted is intake's
    app = await startTestApp({ db, role: 'api', env: { METRICS_PORT: '0', LINE_CHANNEL_SECRET: SECRET, LINE_CHANNEL_ACCESS_TOKEN: 'batch-token', LINE_API_BASE_URL: 'http://127.0.0.1:9' } });
  });
  afterAll(async () => {
    await app?.close();
  });

  const statements = async () => (await app.runtime.ctx.metrics!.dbStatements.get()).values[0]?.value ?? 0;

  test('are stored together: each message once, one conversation per person, a few statements per batch', async () => {
    const users = Array.from({ length: 20 }, () => fakeLineUserId());
    // two bodies per person (a newcomer writing twice at once must still get one conversation)
    const events = Array.from({ length: 40 }, (_, i) => textEvent({ userId: users[i % 20], text: `同時${i}` }));
    const before = await statements();
    const answers = await Promise.all(events.map((e) => postWebhook(app.url, webhookBody([e]), SECRET)));
    expect(answers.map((a) => a.status)).toEqual(events.map(() => 200));
    const used = (await statements()) - before;

    const { db: database } = app.runtime.ctx;
    const stored = await database.select().from(messages).where(inArray(messages.externalId, events.map((e) => e.webhookEventId)));
    expect(stored).toHaveLength(40);
    const perPerson = await database
      .select({ id: conversations.id })
      .from(conversations)
      .innerJoin(contacts, eq(contacts.id, conversations.contactId))
      .where(inArray(contacts.externalId, users));
    expect(perPerson).toHaveLength(20);
    // one statement per body would be 40: stored together, fewer (23 once under a full CI run's
    // load, where the bodies arrive further apart)
    expect(used).toBeLessThan(40);

    // every body again (LINE redelivering): nothing new, each still answered 200
    const again = await Promise.all(events.map((e) => postWebhook(app.url, webhookBody([{ ...e, deliveryContext: { isRedelivery: true } }]), SECRET)));
    expect(again.every((a) => a.status === 200)).toBe(true);
    expect(await database.select().from(messages).where(inArray(messages.externalId, events.map((e) => e.webhookEventId)))).toHaveLength(40);
  });
  test('one body with twenty people\'s first messages: one statement, however many people', async () => {
    const events = Array.from({ length: 20 }, (_, i) => textEvent({ userId: fakeLineUserId(), text: `一度に${i}` }));
    const before = await statements();
    expect((await postWebhook(app.url, webhookBody(events), SECRET)).status).toBe(200);
    // the contacts, their conversations looked for and opened, the messages, the conversations'
    // counts and status: one statement (src/messages/store-inbound.ts; a transaction of five
    // before, and one per conversation before that, 24 in all)
    expect((await statements()) - before).toBe(1);
    const { db: database } = app.runtime.ctx;
    const stored = await database
      .select({ unread: conversations.unread, status: conversations.status, lastMessageAt: conversations.lastMessageAt })
      .from(messages)
      .innerJoin(conversations, eq(conversations.id, messages.conversationId))
      .where(inArray(messages.externalId, events.map((e) => e.webhookEventId)));
    expect(stored).toHaveLength(20);
    for (const c of stored) expect(c).toMatchObject({ unread: 1, status: 'new', lastMessageAt: expect.any(Date) });
  });
});
