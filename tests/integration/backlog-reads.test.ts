/**
 * A job's look at the unfinished messages of its own conversation reads that conversation only
 * (issue 13). The workers' loads and delivery claims ask whether an earlier (or later) message of
 * the same conversation still waits; on PGlite they went through an index of every conversation's
 * waiting messages, so each look read the whole backlog, message by message — the further behind
 * the workers were, the slower every job (a load read 625 waiting messages of others at 100 msg/s).
 *
 * The indexes were right; the planner had no statistics: PGlite has no autovacuum, and nothing
 * analysed its tables (src/db/pglite-upkeep.ts does now). Here a backlog waits in a hundred other
 * conversations (inbound messages without their turn, answers not yet delivered) while a job of a
 * quiet conversation loads its message and claims its answer, after the statistics were
 * gathered as they are in production (PGlite: the thread's upkeep; a server: its autovacuum,
 * here an `analyze`). Every statement those send is run again under EXPLAIN ANALYZE: the rows
 * the database read and then threw away must stay far below the backlog.
 *
 * Storing a webhook's messages likewise reads the batch's people and their conversations only,
 * with thousands of others on the channel (src/messages/store-inbound.ts).
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client';
import * as schema from '../../src/db/schema';
import { messages } from '../../src/db/schema';
import { batchedMessageLoader } from '../../src/queues/message-job';
import type { PGliteInThread } from '../../src/db/pglite-in-thread';
import { claimFirst, firstWaiting } from '../../src/messages/claim-delivery';
import { storeInbound } from '../../src/messages/store-inbound';
import { turnLoad } from '../../workers/dialogue';
import { startTestApp, type TestApp } from '../helpers/app';
import { testDatabases } from '../helpers/databases';
import { fakeLineUserId } from '../fixtures/fake-line-api';
import { postWebhook, textEvent, webhookBody } from '../fixtures/line-events';

const SECRET = 'backlog-secret';
const BACKLOG = 400;
const BUSY_CONVERSATIONS = 100;
const PEOPLE = 5000;

interface PlanNode {
  'Rows Removed by Filter'?: number;
  'Actual Loops'?: number;
  Plans?: PlanNode[];
}

/** Rows read and thrown away by a filter, over the whole plan (JSON gives a per-loop average). */
function rowsRemoved(node: PlanNode): number {
  const own = (node['Rows Removed by Filter'] ?? 0) * (node['Actual Loops'] ?? 1);
  return own + (node.Plans ?? []).reduce((n, child) => n + rowsRemoved(child), 0);
}

/** Rows the plan took from `table`, kept or thrown away. */
function rowsReadFrom(node: PlanNode & { 'Relation Name'?: string; 'Actual Rows'?: number }, table: string): number {
  const loops = node['Actual Loops'] ?? 1;
  const own = node['Relation Name'] === table ? ((node['Actual Rows'] ?? 0) + (node['Rows Removed by Filter'] ?? 0)) * loops : 0;
  return own + (node.Plans ?? []).reduce((n, child) => n + rowsReadFrom(child, table), 0);
}

describe.each(testDatabases())('reads stay with their own rows: a job its conversation, intake its people (%s)', (kind) => {
  let app: TestApp;
  beforeAll(async () => {
    // the API alone: no worker takes the backlog while it is measured
    app = await startTestApp({ db: kind, role: 'api', env: { METRICS_PORT: '0', LINE_CHANNEL_SECRET: SECRET, LINE_CHANNEL_ACCESS_TOKEN: 'backlog-token', LINE_API_BASE_URL: 'http://127.0.0.1:9' } });
  });
  afterAll(() => app?.close());

  /** A drizzle over the app's own client that records every statement it sends, with its values. */
  async function recording(): Promise<{ db: Db; sent: Array<{ text: string; params: unknown[] }> }> {
    const client = (app.runtime.ctx.db as unknown as { $client: unknown }).$client;
    const sent: Array<{ text: string; params: unknown[] }> = [];
    const logger = { logQuery: (text: string, params: unknown[]) => void sent.push({ text, params }) };
    const { drizzle } = (kind === 'postgres' ? await import('drizzle-orm/node-postgres') : await import('drizzle-orm/pglite')) as { drizzle: (client: never, config: object) => unknown };
    return { db: drizzle(client as never, { schema, logger }) as Db, sent };
  }

  /** What keeps the planner informed in production: on a server its autovacuum, on PGlite the thread's upkeep. */
  async function gatherStatistics(): Promise<void> {
    const { db } = app.runtime.ctx;
    if (kind === 'postgres') await db.execute(sql`analyze`);
    else expect((await (db as unknown as { $client: PGliteInThread }).$client.upkeep()).analysed.length).toBeGreaterThan(0);
  }

  /** The plan of a statement run once more under EXPLAIN ANALYZE. */
  async function explained(text: string, params: unknown[]): Promise<PlanNode> {
    const client = (app.runtime.ctx.db as unknown as { $client: { query(text: string, params: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }> } }).$client;
    const { rows } = await client.query(`explain (analyze, format json) ${text}`, params);
    const raw = rows[0]['QUERY PLAN'];
    return ((typeof raw === 'string' ? JSON.parse(raw) : raw) as Array<{ Plan: PlanNode }>)[0].Plan;
  }

  test('loading a message and claiming its answer read a few rows, with hundreds waiting elsewhere', async () => {
    const { db } = app.runtime.ctx;
    // the backlog: others' messages waiting for their turn, and others' answers for delivery
    const others = Array.from({ length: BUSY_CONVERSATIONS }, () => textEvent({ userId: fakeLineUserId(), text: '順番を待っています' }));
    for (let i = 0; i < others.length; i += 50) expect((await postWebhook(app.url, webhookBody(others.slice(i, i + 50)), SECRET)).status).toBe(200);
    for (const [direction, author, state] of [
      ['in', 'person', null],
      ['out', 'bot', 'pending'],
    ]) {
      await db.execute(sql`insert into messages (conversation_id, agency_id, channel, direction, author_type, kind, text, delivery_state)
        select m.conversation_id, m.agency_id, m.channel, ${direction}, ${author}, 'text', 'まだ待っています', ${state}
          from messages m, generate_series(1, ${BACKLOG / BUSY_CONVERSATIONS}) where m.external_id in ${others.map((e) => e.webhookEventId)}`);
    }

    // without statistics these statements read every waiting message (seen here: 401-501 rows each)
    await gatherStatistics();
    const quiet = textEvent({ userId: fakeLineUserId(), text: '静かな会話' });
    expect((await postWebhook(app.url, webhookBody([quiet]), SECRET)).status).toBe(200);
    const [{ id: quietId }] = await db.select({ id: messages.id }).from(messages).where(sql`${messages.externalId} = ${quiet.webhookEventId}`);
    // the quiet conversation: one answer to deliver
    await db.execute(sql`insert into messages (conversation_id, agency_id, channel, direction, author_type, kind, text, delivery_state)
      select m.conversation_id, m.agency_id, m.channel, 'out', 'bot', 'text', 'お返事です', 'pending' from messages m where m.id = ${quietId}`);
    const [answer] = await db.select({ id: messages.id }).from(messages).where(sql`${messages.conversationId} = (select conversation_id from messages where id = ${quietId}) and ${messages.direction} = 'out'`);

    const { db: watched, sent } = await recording();
    const loaded = await batchedMessageLoader(watched, 'in', turnLoad)(quietId);
    expect(loaded?.message.id).toBe(quietId);
    expect(loaded?.earlierUnfinished).toBe(false);
    expect(await firstWaiting(watched, loaded!.conversation.id)).toBe(answer.id);
    const claim = await claimFirst(watched, answer.id, null);
    expect(claim?.batch.map((m) => m.id)).toEqual([answer.id]);
    expect(sent.length).toBe(3);

    const reads: Array<{ statement: string; removed: number }> = [];
    for (const { text, params } of sent) {
      reads.push({ statement: text.slice(0, 80), removed: rowsRemoved(await explained(text, params)) });
    }
    // a handful of the quiet conversation's own rows at most; BACKLOG of each kind wait elsewhere
    expect(reads.filter((r) => r.removed >= 20)).toEqual([]);
  });

  test("storing a person's message looks up that person, not every contact of the channel", async () => {
    const { db } = app.runtime.ctx;
    const first = textEvent({ userId: fakeLineUserId(), text: 'こんにちは' });
    expect((await postWebhook(app.url, webhookBody([first]), SECRET)).status).toBe(200);
    const { agencyId } = (await db.select({ agencyId: messages.agencyId }).from(messages).limit(1))[0];
    // a city's worth of people on the channel, each with a conversation
    await db.execute(sql`insert into contacts (agency_id, channel, external_id, lang) select ${agencyId}::uuid, 'line', 'U' || md5(g::text), 'ja' from generate_series(1, ${PEOPLE}) g`);
    await db.execute(sql`insert into conversations (agency_id, contact_id, channel) select agency_id, id, channel from contacts where external_id like 'U%' and length(external_id) = 33`);
    await gatherStatistics();

    const { db: watched, sent } = await recording();
    const result = await storeInbound(watched, {
      agencyId,
      channel: 'line',
      lang: 'ja',
      now: new Date(),
      messages: [
        { channel: 'line', externalUserId: first.source.userId, externalMessageId: `${first.webhookEventId}-2`, kind: 'text', text: 'もう一度', sentAt: new Date() },
        { channel: 'line', externalUserId: fakeLineUserId(), externalMessageId: `${first.webhookEventId}-new`, kind: 'text', text: 'はじめまして', sentAt: new Date() },
      ],
    });
    expect(result.created.size).toBe(2);
    expect(sent).toHaveLength(1);
    // the same statement for two more messages of the same people, under EXPLAIN ANALYZE: it stores them
    const params = sent[0].params.map((p) => (typeof p === 'string' && p.startsWith('[') ? p.replaceAll(first.webhookEventId, `${first.webhookEventId}-again`) : p));
    const plan = await explained(sent[0].text, params);
    expect(await db.$count(messages, sql`${messages.externalId} like ${`${first.webhookEventId}-again%`}`)).toBe(2);
    // the batch's two people and their conversations, not the PEOPLE others
    expect({ contacts: rowsReadFrom(plan, 'contacts') < 20, conversations: rowsReadFrom(plan, 'conversations') < 20 }).toEqual({ contacts: true, conversations: true });
  });
});
