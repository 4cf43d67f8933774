/**
 * Issue 13: the widget's answers go out in batches as LINE's do (src/messages/claim-delivery.ts
 * BATCH_SIZE). A bot turn's answers waiting for one widget conversation are one claim, one
 * finish and one `message:updated` on a staff socket, and still reach the widget one `message` each, in
 * the order written. One job: its load, the claim, the finish, the look for more.
 */
import { eq } from 'drizzle-orm';
import { io as ioClient, type Socket } from 'socket.io-client';
import { conversations, messages } from '../../src/db/schema';
import { insertOutbound } from '../../src/messages/write-outbound';
import { createDeliverProcessor } from '../../workers/deliver';
import { connectStaffSocket, eventually, startTestApp, type TestApp } from '../helpers/app';
import type { MessagesEventPayload } from '../../src/contracts/socket-events';
import { testDatabases } from '../helpers/databases';
import { statementsSentBy } from '../helpers/statements';
import { openWidgetSession } from '../helpers/widget';

describe.each(testDatabases())('delivering a widget turn (%s)', (db) => {
  let app: TestApp;
  let widget: Socket | undefined;
  let staff: Socket | undefined;

  beforeAll(async () => {
    app = await startTestApp({ db, withSweeper: false });
  });
  afterAll(async () => {
    widget?.disconnect();
    staff?.disconnect();
    await app?.close();
  });

  test("three answers waiting: one batch, three statements (claim, finish, look for more), one staff event; the widget gets each, in order", async () => {
    const { ctx } = app.runtime;
    const s = await openWidgetSession(app.url);
    widget = ioClient(`${app.url}/widget`, { auth: { token: s.sessionToken }, transports: ['websocket'], reconnection: false, forceNew: true });
    await new Promise<void>((resolve, reject) => {
      widget!.once('connect', () => resolve());
      widget!.once('connect_error', reject);
    });
    const shown: string[] = [];
    widget.on('message', (m: { text: string }) => void shown.push(m.text));

    const [conversation] = await ctx.db.select().from(conversations).where(eq(conversations.id, s.conversationId));
    // written, not queued: the job is run here
    const answers = await ctx.db.transaction((tx) => insertOutbound(tx, conversation, ['回答W1', '回答W2', '回答W3'].map((text) => ({ text, authorType: 'bot' as const }))));
    // what staff see, on a real /staff socket
    staff = await connectStaffSocket(app);
    const events: MessagesEventPayload[] = [];
    staff.on('message:updated', (e: MessagesEventPayload) => void (e.conversationId === s.conversationId && events.push(e)));
    const deliver = createDeliverProcessor({ ctx, line: null });
    let outcome = '';
    expect(await statementsSentBy(async () => (outcome = await deliver({ data: { messageId: answers[0].id }, opts: { attempts: 5 } } as never)))).toBe(3);
    expect(outcome).toBe('sent socket');
    const rows = await ctx.db.select().from(messages).where(eq(messages.conversationId, s.conversationId));
    const out = rows.filter((m) => m.direction === 'out').sort((a, b) => a.seq - b.seq);
    expect(out.map((m) => [m.text, m.deliveryState, m.deliveryMethod, m.deliveryBatch])).toEqual(['回答W1', '回答W2', '回答W3'].map((t) => [t, 'sent', 'socket', answers[0].id]));
    // both sockets have had what was sent (a loaded machine may take a while); then a moment for anything more
    await eventually(async () => events.length > 0 && shown.length >= 3);
    await new Promise((r) => setTimeout(r, 300));
    expect(events.map((e) => e.messages.map((v) => [v.text, v.deliveryState]))).toEqual([['回答W1', '回答W2', '回答W3'].map((t) => [t, 'sent'])]);
    expect(shown).toEqual(['回答W1', '回答W2', '回答W3']);
  });
});
