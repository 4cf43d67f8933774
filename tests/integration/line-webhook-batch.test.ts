/**
 * A LINE webhook body with many events is stored in one transaction (issue 8 item 16): 100 events
 * from 10 people are all stored, once, each person's in the order sent; the same body redelivered
 * stores nothing new. (How fast: `npm run bench`, not a timed assertion.)
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
