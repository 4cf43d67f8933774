/**
 * Intake stores a batch in one statement (src/messages/store-inbound.ts), which reads with the
 * snapshot taken when it began. When another request is storing a message of the same person at
 * that moment (another API replica), the statement waits for that request's lock on the person,
 * and then must not open a second conversation it cannot see: the person's message goes to the
 * one conversation the other request opened. The other request is played by a transaction held
 * open here, doing what an intake statement does (the person locked, their intake_version raised,
 * a conversation opened, a message stored). Postgres only: PGlite runs one statement at a time.
 */
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { eq } from 'drizzle-orm';
import { contacts, conversations, messages } from '../../src/db/schema';
import { accept } from '../../src/messages/accept-inbound';
import { findAgencyByCode } from '../../src/agencies/add-agency';
import { eventually, startTestApp, type TestApp } from '../helpers/app';
import { testDatabases } from '../helpers/databases';
import { fakeLineUserId } from '../fixtures/fake-line-api';

const onPostgres = testDatabases().includes('postgres') ? describe : describe.skip;

onPostgres('a person written for by two requests at once (postgres)', () => {
  let app: TestApp;
  let other: Client;
  let agencyId: string;

  beforeAll(async () => {
    app = await startTestApp({ db: 'postgres', role: 'api', withSweeper: false });
    other = new Client({ connectionString: app.config.DATABASE_URL });
    await other.connect();
    agencyId = (await findAgencyByCode(app.runtime.ctx.db, 'intake'))!.id;
  });
  afterAll(async () => {
    await other?.end();
    await app?.close();
  });

  const lineMessage = (userId: string, text: string) => ({
    channel: 'line' as const,
    externalUserId: userId,
    externalMessageId: randomUUID(),
    kind: 'text',
    text,
    sentAt: new Date(),
  });

  /** Until the intake statement waits for the other request's lock. */
  const waitingForLock = () =>
    eventually(async () => {
      const { rows } = await other.query(`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`);
      return rows[0].n > 0 ? true : null;
    });

  /** What another request's intake statement does for `contactId`, left uncommitted. */
  async function otherRequestStores(contactId: string): Promise<string> {
    const { rows } = await other.query(`insert into conversations (agency_id, contact_id, channel, unread) values ($1, $2, 'line', 1) returning id`, [agencyId, contactId]);
    await other.query(
      `insert into messages (conversation_id, agency_id, channel, direction, author_type, external_id, text) values ($1, $2, 'line', 'in', 'person', $3, 'もう一方の要求')`,
      [rows[0].id, agencyId, randomUUID()],
    );
    return rows[0].id;
  }

  const conversationsOf = (contactId: string) => app.runtime.ctx.db.select().from(conversations).where(eq(conversations.contactId, contactId));

  test("a newcomer's first message stored by another request meanwhile: one conversation, the message in it", async () => {
    const userId = fakeLineUserId();
    await other.query('begin');
    const { rows } = await other.query(`insert into contacts (agency_id, channel, external_id, intake_version) values ($1, 'line', $2, 1) returning id`, [agencyId, userId]);
    const contactId: string = rows[0].id;
    const theirs = await otherRequestStores(contactId);

    const accepting = accept(app.runtime.ctx, lineMessage(userId, '同じ時に二通目'), { agencyId });
    await waitingForLock();
    await other.query('commit');
    const accepted = await accepting;

    expect(accepted.created).toBe(true);
    expect(accepted.conversationId).toBe(theirs);
    const held = await conversationsOf(contactId);
    expect(held).toHaveLength(1);
    expect(held[0].unread).toBe(2);
  });

  test('a known person without a conversation (theirs erased), given one by another request meanwhile: still one', async () => {
    const userId = fakeLineUserId();
    const [contact] = await app.runtime.ctx.db.insert(contacts).values({ agencyId, channel: 'line', externalId: userId }).returning();
    await other.query('begin');
    await other.query('update contacts set intake_version = intake_version + 1 where id = $1', [contact.id]);
    const theirs = await otherRequestStores(contact.id);

    const accepting = accept(app.runtime.ctx, lineMessage(userId, '消去のあとにまた'), { agencyId });
    await waitingForLock();
    await other.query('commit');
    const accepted = await accepting;

    expect(accepted.conversationId).toBe(theirs);
    expect(await conversationsOf(contact.id)).toHaveLength(1);
    const stored = await app.runtime.ctx.db.select().from(messages).where(eq(messages.conversationId, theirs));
    expect(stored.map((m) => m.text).sort()).toEqual(['もう一方の要求', '消去のあとにまた'].sort());
  });
});
