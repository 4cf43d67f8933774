/**
 * Every change to a conversation raises its version, whatever statement makes it (a trigger in
 * the database, drizzle/0013): intake, triage's write with a front-door turn's, a staff
 * member reading it. The inbox keeps the view with the higher version when live events from the
 * API and the workers cross on the way (tests/e2e/inbox-event-order.browser.test.ts).
 */
import { eq } from 'drizzle-orm';
import { conversations } from '../../src/db/schema';
import type { ConversationView } from '../../src/contracts';
import { connectStaffSocket, eventually, onConversationChange, staffConversation, staffFetch, startTestApp, type TestApp } from '../helpers/app';
import { testDatabases } from '../helpers/databases';
import { openWidgetSession, widgetSend } from '../helpers/widget';

jest.setTimeout(60_000);

describe.each(testDatabases())('conversation versions (%s)', (db) => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ db });
  });
  afterAll(async () => {
    await app?.close();
  });

  const view = (id: string) => staffConversation(app, id);

  test('each change raises it; every live event of the conversation carries a higher one than the view before it was made', async () => {
    const socket = await connectStaffSocket(app);
    const seen: ConversationView[] = [];
    onConversationChange(socket, (c) => seen.push(c.conversation));
    try {
      const s = await openWidgetSession(app.url);
      const opened = await view(s.conversationId);
      await widgetSend(app.url, s, '母の介護のことで相談したいです');
      // intake changed the conversation, then triage and the bot's turn together (one statement)
      const settled = await eventually(async () => {
        const c = await view(s.conversationId);
        return c.triage && c.frontDoor !== 'start' ? c : null;
      });
      expect(settled.version).toBeGreaterThanOrEqual(opened.version + 2);
      const mine = () => seen.filter((c) => c.id === s.conversationId);
      await eventually(async () => mine().some((c) => c.version === settled.version));
      const versions = mine().map((c) => c.version);
      expect(new Set(versions).size).toBe(versions.length); // no two different views share a version
      expect(Math.min(...versions)).toBeGreaterThan(opened.version);

      // a staff member reading it changes it too
      expect((await staffFetch(app, `/api/conversations/${s.conversationId}/read`, { method: 'POST' })).status).toBe(204);
      const [row] = await app.runtime.ctx.db.select({ version: conversations.version, unread: conversations.unread }).from(conversations).where(eq(conversations.id, s.conversationId));
      expect(row).toEqual({ version: settled.version + 1, unread: 0 });
    } finally {
      socket.close();
    }
  });

  test('any update, even one the code did not foresee, raises it by one', async () => {
    const s = await openWidgetSession(app.url);
    await widgetSend(app.url, s, 'こんにちは');
    const { db: database } = app.runtime.ctx;
    const read = async () => (await database.select({ version: conversations.version }).from(conversations).where(eq(conversations.id, s.conversationId)))[0].version;
    const before = await read();
    await database.update(conversations).set({ subject: 'self' }).where(eq(conversations.id, s.conversationId));
    expect(await read()).toBe(before + 1);
    // a version written by hand is not kept: the database counts on from the stored one
    await database.update(conversations).set({ version: 0 }).where(eq(conversations.id, s.conversationId));
    expect(await read()).toBe(before + 2);
  });
});
