/**
 * The workers' loads go together under load (src/queues/message-job.ts, batchedMessageLoader):
 * jobs asking while a load is under way are loaded in one statement, each getting exactly what
 * a load of its own gives (its message, conversation, contact, earlier unfinished, extras), and
 * null for a message that is gone or goes the other way. One message's load keeps one plan on
 * Postgres instead of being planned at every call.
 */
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { Client } from 'pg';
import type { Db } from '../../src/db/client';
import * as schema from '../../src/db/schema';
import { messages } from '../../src/db/schema';
import { batchedMessageLoader, loadMessageForJob } from '../../src/queues/message-job';
import { startTestApp, type TestApp } from '../helpers/app';
import { testDatabases } from '../helpers/databases';
import { fakeLineUserId } from '../fixtures/fake-line-api';
import { postWebhook, textEvent, webhookBody } from '../fixtures/line-events';

const SECRET = 'loads-secret';

describe.each(testDatabases())('loads for many jobs at once (%s)', (db) => {
  let app: TestApp;
  beforeAll(async () => {
    // the API alone: nothing else runs statements while the loads are counted
    app = await startTestApp({ db, role: 'api', env: { METRICS_PORT: '0', LINE_CHANNEL_SECRET: SECRET, LINE_CHANNEL_ACCESS_TOKEN: 'loads-token', LINE_API_BASE_URL: 'http://127.0.0.1:9' } });
  });
  afterAll(() => app?.close());

  const statements = async () => (await app.runtime.ctx.metrics!.dbStatements.get()).values[0]?.value ?? 0;

  test('ten loads at once take two statements and give each job its own row', async () => {
    const users = Array.from({ length: 5 }, () => fakeLineUserId());
    const events = Array.from({ length: 10 }, (_, i) => textEvent({ userId: users[i % 5], text: `読み込み${i}` }));
    expect((await postWebhook(app.url, webhookBody(events), SECRET)).status).toBe(200);
    const { db: database } = app.runtime.ctx;
    const stored = await database.select({ id: messages.id }).from(messages).where(sql`${messages.externalId} in ${events.map((e) => e.webhookEventId)}`);
    const ids = stored.map((m) => m.id);
    expect(ids).toHaveLength(10);

    const opts = () => ({ unfinished: sql`true`, extras: { seqPlusOne: sql<number>`${messages.seq} + 1`.mapWith(Number) } });
    const load = batchedMessageLoader(database, 'in', opts());
    const before = await statements();
    const loaded = await Promise.all([...ids, 'a2b1f7e0-0000-4000-8000-000000000000'].map((id) => load(id)));
    // the first alone (nothing under way yet), the other nine and the unknown one together
    expect((await statements()) - before).toBe(2);

    for (const [i, id] of ids.entries()) {
      const own = await loadMessageForJob(database, id, 'in', opts());
      expect(loaded[i]).toEqual(own);
      expect(loaded[i]!.message.id).toBe(id);
      expect(loaded[i]!.extras.seqPlusOne).toBe(Number(loaded[i]!.message.seq) + 1);
    }
    expect(loaded[10]).toBeNull();
    // a loader for answers does not take a person's message
    await expect(batchedMessageLoader(database, 'out')(ids[0])).resolves.toBeNull();
  });

  // Postgres keeps a prepared statement's plan only when its generic plan looks no dearer than
  // the plans made for each call; the array form never did, and planning it took more of the
  // server's CPU than running it (pg_stat_statements: 0.53 of 0.76 ms per load).
  (db === 'postgres' ? test : test.skip)("one message's load is planned once: Postgres keeps a generic plan after five calls", async () => {
    const userId = fakeLineUserId();
    const event = textEvent({ userId, text: '計画のテスト' });
    expect((await postWebhook(app.url, webhookBody([event]), SECRET)).status).toBe(200);
    const { db: database } = app.runtime.ctx;
    const [stored] = await database.select({ id: messages.id }).from(messages).where(sql`${messages.externalId} = ${event.webhookEventId}`);
    // a table of some size, its statistics known: on a nearly empty one every plan is cheap
    await database.execute(sql`insert into messages (conversation_id, agency_id, channel, direction, author_type, text)
      select m.conversation_id, m.agency_id, m.channel, 'out', 'bot', 'お返事' from messages m, generate_series(1, 20000) where m.id = ${stored.id}`);
    await database.execute(sql`analyze messages`);
    // one connection, so that its prepared statements can be read (they are per session)
    const client = new Client({ connectionString: app.runtime.ctx.config.DATABASE_URL });
    await client.connect();
    try {
      const one = drizzle(client, { schema }) as unknown as Db;
      for (let i = 0; i < 8; i++) expect((await loadMessageForJob(one, stored.id, 'in'))?.message.id).toBe(stored.id);
      const { rows } = await client.query<{ statement: string; generic_plans: string; custom_plans: string }>(
        `select statement, generic_plans, custom_plans from pg_prepared_statements where statement like 'select "messages"."id"%'`,
      );
      expect(rows).toHaveLength(1);
      // five plans of its own, then the generic one for the other three
      expect({ generic: Number(rows[0].generic_plans), custom: Number(rows[0].custom_plans) }).toEqual({ generic: 3, custom: 5 });
    } finally {
      await client.end();
    }
  });
});
