/**
 * The statement that stores a batch of inbound messages of one channel: their people (contacts),
 * the conversation each person's messages go to (found, or opened), the messages, and the
 * conversations' counters — one statement, so one round trip and no transaction around it
 * (issue 13: it was six round trips, begin to commit, each statement built anew by drizzle).
 * Built once and prepared: the batch is one JSON parameter, whatever its size.
 *
 * What a transaction of several statements gave for free, and how one statement keeps it:
 * - Two requests with messages of the same person are serialised: each locks the person's
 *   contact row first (the upsert), in a fixed order, before its messages take their `seq`. So a
 *   person's messages are numbered in the order they were committed, and two batches cannot
 *   deadlock.
 * - But one statement reads with the snapshot taken when it began: after waiting for another
 *   request's lock, it would not see a conversation that request opened, and would open a
 *   second. Every intake statement raises the person's `intake_version`; a statement that finds
 *   it raised by another since its snapshot leaves that person's messages out (`again`), and the
 *   caller stores them in a next statement, whose snapshot sees the other's work. This happens
 *   only when the same person writes through two requests at the same moment.
 * - The widget names its conversation (`named`): nothing to choose, nothing to leave out.
 */
import { sql } from 'drizzle-orm';
import type { InboundMessage, Lang } from '../channels/types';
import type { Db } from '../db/client';
import { prepareOnce } from '../db/prepare-once';
import { rowFromJson } from '../db/row-from-json';
import { conversations, messages } from '../db/schema';

export type MessageRow = typeof messages.$inferSelect;
export type ConversationRow = typeof conversations.$inferSelect;

export interface StoreInput {
  agencyId: string;
  channel: InboundMessage['channel'];
  /** A new contact's language. */
  lang: Lang;
  /** The widget's conversation; absent: each person's own, found or opened (LINE). */
  named?: string;
  /** Distinct by externalMessageId, in the order received. */
  messages: InboundMessage[];
  now: Date;
}

export interface StoreResult {
  /** Stored now, by external message id, with the conversation as it is after this statement. */
  created: Map<string, { message: MessageRow; conversation: ConversationRow }>;
  /** External ids of messages left for a next statement (their person was written for meanwhile). */
  again: string[];
}

export async function storeInbound(db: Db, input: StoreInput): Promise<StoreResult> {
  const named = input.named !== undefined;
  const statement = prepareOnce(db, `storeInbound:${named ? 'named' : 'own'}`, () => build(db, named));
  const rows = await statement.execute({
    agencyId: input.agencyId,
    channel: input.channel,
    lang: input.lang,
    now: input.now.toISOString(),
    batch: JSON.stringify(
      input.messages.map((m, ord) => ({
        ord,
        user_id: m.externalUserId,
        external_id: m.externalMessageId,
        kind: m.kind,
        text: m.text,
        payload: m.postback !== undefined ? { postback: m.postback } : null,
        reply_token: m.lineReplyToken ?? null,
        reply_token_at: m.lineReplyToken ? m.sentAt.toISOString() : null,
      })),
    ),
    ...(named ? { named: input.named } : {}),
  });
  const result: StoreResult = { created: new Map(), again: [] };
  for (const row of rows) {
    if (row.message === null) result.again.push(row.externalId);
    else result.created.set(row.externalId, { message: rowFromJson(messages, row.message), conversation: rowFromJson(conversations, row.conversation!) });
  }
  return result;
}

/**
 * Column names are written out: the statement reads like the SQL it is. Parts, in the order
 * Postgres needs them (each reads what the earlier ones returned, never the tables they changed):
 * `batch` the messages; `seen` their people as this snapshot has them; `people` stored or found
 * and locked, version raised; `settled` those no other statement wrote for meanwhile; their
 * conversations (`found`, `opened`, or the named one); `stored` the messages (a message already
 * stored is skipped: unique on channel and external id); `updated` the conversations they went
 * to. Rows out: one per stored message, and one per message left for again (no message).
 */
function build(db: Db, named: boolean) {
  const agencyId = sql`${sql.placeholder('agencyId')}::uuid`;
  const channel = sql`${sql.placeholder('channel')}::text`;
  const batch = db.$with('batch', {}).as(
    sql`select * from jsonb_to_recordset(${sql.placeholder('batch')}::jsonb)
          as b(ord int, user_id text, external_id text, kind text, text text, payload jsonb, reply_token text, reply_token_at timestamptz)`,
  );
  // Each person looked up by the unique index. As a join, the planner (which guesses a hundred
  // rows for any batch) read every contact of the channel at each webhook, statistics or not
  // (tests: backlog-reads); `offset 0` keeps Postgres from turning the lookup back into that join.
  const seen = db.$with('seen', {}).as(
    sql`select c.id, c.intake_version from (select distinct user_id from batch) u
          cross join lateral (select id, intake_version from contacts where channel = ${channel} and external_id = u.user_id offset 0) c`,
  );
  // Sorted: two statements lock the same people in the same order.
  const people = db.$with('people', {}).as(
    sql`insert into contacts (agency_id, channel, external_id, lang, intake_version)
          select ${agencyId}, ${channel}, u.user_id, ${sql.placeholder('lang')}::text, 1 from (select distinct user_id from batch order by user_id) u
          on conflict (channel, external_id) do update set intake_version = contacts.intake_version + 1
          returning id, agency_id, channel, external_id, intake_version`,
  );
  const settled = db.$with('settled', {}).as(
    named
      ? sql`select * from people`
      : sql`select p.* from people p left join seen s on s.id = p.id where p.intake_version = coalesce(s.intake_version, 0) + 1`,
  );
  // The person's conversation still in progress, else their latest closed one (the message reopens it), else a new one.
  // Per person, by the contact's index, as `seen` (as a join, PGlite read every conversation).
  const found = db.$with('found', {}).as(
    named
      ? sql`select ${sql.placeholder('named')}::uuid as id, s.id as contact_id from settled s`
      : sql`select f.id, s.id as contact_id from settled s
              cross join lateral (select c.id from conversations c where c.contact_id = s.id
                                   order by c.status = 'closed', c.last_message_at desc limit 1) f`,
  );
  // Opened with its counters as the update below would leave them (it cannot change a row this statement inserted).
  const opened = db.$with('opened', {}).as(
    named
      ? sql`select * from conversations where false`
      : sql`insert into conversations (agency_id, contact_id, channel, unread, last_message_at)
              select s.agency_id, s.id, s.channel, (select count(*) from batch b where b.user_id = s.external_id), now()
              from settled s where not exists (select 1 from found f where f.contact_id = s.id)
              returning *`,
  );
  // In the order received: a person's messages are numbered (seq) as they wrote them.
  const stored = db.$with('stored', {}).as(
    sql`insert into messages (conversation_id, agency_id, channel, direction, author_type, external_id, kind, text, payload, line_reply_token, line_reply_token_at, created_at)
          select t.id, s.agency_id, ${channel}, 'in', 'person', b.external_id, b.kind, b.text, b.payload, b.reply_token, b.reply_token_at, ${sql.placeholder('now')}::timestamptz
          from batch b
          join settled s on s.external_id = b.user_id
          join (select id, contact_id from found union all select id, contact_id from opened) t on t.contact_id = s.id
          order by b.ord
          on conflict do nothing
          returning *`,
  );
  // A person writing again reopens the thread: after staff asked them something (waiting), and
  // after it was closed — a closed thread would hide their new words from every list.
  const updated = db.$with('updated', {}).as(
    // `= any(array(…))`: each conversation by its key (as a join, PGlite read every conversation)
    sql`update conversations c set
          last_message_at = now(),
          unread = c.unread + (select count(*)::int from stored s where s.conversation_id = c.id),
          status = case when c.status in ('waiting', 'closed') then 'open' else c.status end
        where c.id = any(array(select conversation_id from stored))
        returning c.*`,
  );
  return db
    // `seen` only where a person's conversation is chosen (the widget names its own)
    .with(...(named ? [batch] : [batch, seen]), people, settled, found, opened, stored, updated)
    .select({
      externalId: sql<string>`external_id`,
      message: sql<Record<string, unknown> | null>`message`,
      conversation: sql<Record<string, unknown> | null>`conversation`,
    })
    .from(
      sql`(select m.external_id, to_jsonb(m) as message, to_jsonb(v) as conversation
             from stored m join (select * from updated union all select * from opened) v on v.id = m.conversation_id
           union all
           select b.external_id, null, null from batch b where b.user_id not in (select external_id from settled)) as out`,
    );
}
