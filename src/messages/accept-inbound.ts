/**
 * intake.accept(): the one door every inbound message goes through, whatever the channel.
 *
 * Durable first: contact, conversation and message are written in one transaction, and only
 * after it commits is the message queued for triage and shown to staff. The message is unique
 * on (channel, externalMessageId), so a redelivered LINE event or a widget retry finds the stored
 * row and changes nothing.
 */
import { and, asc, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { InboundMessage, Lang } from '../channels/types';
import type { Context } from '../context';
import { contacts, conversations, messages } from '../db/schema';
import { cleanText } from '../channels/clean-text';
import { retryTransient } from '../db/transient';
import { groupCommit, type GroupCommit } from '../db/group-commit';
import { aheadOfOtherWork, DbTurn } from '../db/ahead';
import { enqueue } from '../queues/enqueue';
import { TriagePriority } from '../queues';
import { mayBeCrisis } from '../triage/crisis-hint';
import { presentForStaff } from '../presenters/message';
import { presentConversation } from '../presenters/conversation';

export interface AcceptOptions {
  agencyId: string;
  /** The widget knows its conversation from the session; LINE finds or opens one per contact. */
  conversationId?: string;
  lang?: Lang;
}

export interface Accepted {
  messageId: string;
  conversationId: string;
  /** False when this message was already stored (redelivery or retry). */
  created: boolean;
}

export async function accept(ctx: Context, inbound: InboundMessage, opts: AcceptOptions): Promise<Accepted> {
  return (await acceptMany(ctx, [inbound], opts))[0];
}

/**
 * Several messages of one channel in one transaction, in the order given (a LINE webhook body
 * with many events: a few statements for the whole body, not seven per event; bodies arriving
 * while one is stored go together in the next: `intakeLine`). A body's messages are all stored or
 * none, so a failure makes the sender (LINE redelivers) send all again, and the stored ones are
 * then found, not stored twice.
 */
export async function acceptMany(ctx: Context, inbound: InboundMessage[], opts: AcceptOptions): Promise<Accepted[]> {
  if (inbound.length === 0) return [];
  // Whatever the channel let through: no control characters (a NUL cannot even be stored).
  const cleaned = inbound.map((m) => ({ ...m, text: cleanText(m.text), postback: m.postback === undefined ? undefined : cleanText(m.postback) }));
  const results = opts.conversationId ? await storeInOne(ctx, cleaned, opts) : await intakeLine(ctx, cleaned[0].channel, opts).submit(cleaned);

  // After commit. Published before triage is queued, but live events go out on an auto-pipelined
  // connection (flushed after this tick) and triage's come from the workers: they may still arrive
  // first, which is why a conversation view carries a version (the inbox keeps the newest).
  for (const { rows } of results) {
    if (!rows) continue;
    ctx.publisher.messageCreated(rows.conversation.agencyId, rows.conversation.id, presentForStaff(rows.message));
    ctx.publisher.conversationUpdated(presentConversation(rows.conversation, rows.message.text.slice(0, 80)));
  }
  // After commit. A failure here loses nothing: the sweeper re-queues untriaged messages.
  const ids = [...new Set(results.map((r) => r.messageId))];
  const queued = await enqueue.triage(ctx, ids, triagePriorities(results));
  if (!queued) ctx.log.warn({ messages: ids.length }, 'triage not queued now; the sweeper will retry');
  return results.map(({ messageId, conversationId, created }) => ({ messageId, conversationId, created }));
}

/** One transaction. A lost connection or a serialization failure runs it again: a stored message is found, not stored twice. */
function storeInOne(ctx: Context, msgs: InboundMessage[], opts: AcceptOptions): Promise<Stored[]> {
  // Ahead of the workers at the embedded database: the sender waits for this commit.
  return retryTransient(() => aheadOfOtherWork(DbTurn.inbound, () => ctx.db.transaction((tx) => storeAll(tx, msgs, opts))));
}

/** Most messages one intake transaction stores (LINE sends at most 100 events in a body; bodies are never split). */
const MAX_BATCH = 500;
const lines = new WeakMap<Context['db'], Map<string, GroupCommit<InboundMessage, Stored>>>();

/**
 * The channel's intake line (LINE: one per agency and language): bodies that arrive while one is
 * being stored are stored together in the next transaction (src/db/group-commit.ts). Under load the
 * webhook then costs a few statements per batch, not five or six per body. The widget names its
 * conversation, one person at a time: stored alone.
 */
function intakeLine(ctx: Context, channel: InboundMessage['channel'], opts: AcceptOptions): GroupCommit<InboundMessage, Stored> {
  let byKey = lines.get(ctx.db);
  if (!byKey) lines.set(ctx.db, (byKey = new Map()));
  const key = `${channel}|${opts.agencyId}|${opts.lang ?? ''}`;
  let line = byKey.get(key);
  if (!line) byKey.set(key, (line = groupCommit((items) => storeInOne(ctx, items, opts), MAX_BATCH)));
  return line;
}

/**
 * Who is triaged ahead of a backlog: a message with a word of danger to life (its hotline reply
 * waits for triage), then a newcomer's (no dialogue turn yet: nobody has answered them).
 */
function triagePriorities(results: Stored[]): Map<string, number> {
  const priorities = new Map<string, number>();
  for (const { messageId, rows } of results) {
    if (!rows) continue;
    if (rows.message.kind === 'text' && mayBeCrisis(rows.message.text)) priorities.set(messageId, TriagePriority.danger);
    else if (rows.conversation.dialogue == null) priorities.set(messageId, TriagePriority.newcomer);
  }
  return priorities;
}

type Tx = Parameters<Parameters<Context['db']['transaction']>[0]>[0];
type MessageRow = typeof messages.$inferSelect;
type ConversationRow = typeof conversations.$inferSelect;
interface Stored {
  messageId: string;
  conversationId: string;
  created: boolean;
  /** For the staff events after commit (created messages only). */
  rows: { message: MessageRow; conversation: ConversationRow } | null;
}

/** Contacts, conversations and messages of several inbound messages of one channel, in the caller's transaction. */
async function storeAll(tx: Tx, msgs: InboundMessage[], opts: AcceptOptions): Promise<Stored[]> {
  const channel = msgs[0].channel;
  if (msgs.some((m) => m.channel !== channel)) throw new Error('acceptMany: one channel per call');
  const known = new Map<string, { id: string; conversationId: string }>();
  const findStored = async (externalIds: string[]) => {
    const rows = await tx
      .select({ id: messages.id, conversationId: messages.conversationId, externalId: messages.externalId })
      .from(messages)
      .where(and(eq(messages.channel, channel), inArray(messages.externalId, externalIds)));
    for (const r of rows) known.set(r.externalId!, r);
  };
  // Each message once (a body may repeat an event). No look for stored ones first: the insert
  // below skips them (unique on channel + external id) and they are looked up after — a
  // redelivery is rare, a new message is every message.
  const distinct = [...new Map(msgs.map((m) => [m.externalMessageId, m])).values()];
  const created = new Map<string, MessageRow>();
  const conversationRows = new Map<string, ConversationRow>();

  // Sorted, so two bodies lock the same people in the same order and cannot deadlock.
  const userIds = [...new Set(distinct.map((m) => m.externalUserId))].sort();
  // Stored or found, and row-locked either way (the no-op update takes the lock and returns
  // the row): two events of one person arriving at once open one conversation.
  const contactRows = await tx
    .insert(contacts)
    .values(userIds.map((externalId) => ({ agencyId: opts.agencyId, channel, externalId, lang: opts.lang ?? 'ja' })))
    .onConflictDoUpdate({ target: [contacts.channel, contacts.externalId], set: { channel: sql`excluded.channel` } })
    .returning();
  const contactOf = new Map(contactRows.map((c) => [c.externalId, c]));
  const conversationOf = await conversationsFor(tx, contactRows, opts.conversationId);

  const inserted = await tx
    .insert(messages)
    .values(
      distinct.map((msg) => {
        const contact = contactOf.get(msg.externalUserId)!;
        return {
          conversationId: conversationOf.get(contact.id)!,
          agencyId: contact.agencyId,
          channel,
          direction: 'in' as const,
          authorType: 'person' as const,
          externalId: msg.externalMessageId,
          kind: msg.kind,
          text: msg.text,
          payload: msg.postback ? { postback: msg.postback } : null,
          lineReplyToken: msg.lineReplyToken ?? null,
          lineReplyTokenAt: msg.lineReplyToken ? msg.sentAt : null,
          createdAt: new Date(),
        };
      }),
    )
    .onConflictDoNothing()
    .returning();
  for (const m of inserted) created.set(m.externalId!, m);
  // Stored before (a redelivery or retry), or by a concurrent delivery of the same event.
  const stored = distinct.filter((m) => !created.has(m.externalMessageId)).map((m) => m.externalMessageId);
  if (stored.length > 0) await findStored(stored);

  const perConversation = new Map<string, number>();
  for (const m of inserted) perConversation.set(m.conversationId, (perConversation.get(m.conversationId) ?? 0) + 1);
  if (perConversation.size > 0) {
    // Every conversation of the batch in one statement (one per conversation before: under load
    // a batch holds many people's messages, and its transaction holds their locks meanwhile).
    const added = sql`unnest(${sql.param([...perConversation.keys()])}::uuid[], ${sql.param([...perConversation.values()])}::int[]) as added(conversation_id, n)`;
    const rows = await tx
      .update(conversations)
      .set({
        lastMessageAt: sql`now()`,
        unread: sql`${conversations.unread} + added.n`,
        // A person writing again reopens the thread: after staff asked them something (waiting),
        // and after it was closed — a closed thread would hide their new words from every list.
        status: sql`case when ${conversations.status} in ('waiting', 'closed') then 'open' else ${conversations.status} end`,
      })
      .from(added)
      .where(eq(conversations.id, sql`added.conversation_id`))
      .returning(getTableColumns(conversations));
    for (const row of rows) conversationRows.set(row.id, row);
  }

  const reported = new Set<string>();
  return msgs.map((msg) => {
    const message = created.get(msg.externalMessageId);
    if (message && !reported.has(message.id)) {
      reported.add(message.id);
      return { messageId: message.id, conversationId: message.conversationId, created: true, rows: { message, conversation: conversationRows.get(message.conversationId)! } };
    }
    const stored = message ?? known.get(msg.externalMessageId)!;
    return { messageId: stored.id, conversationId: stored.conversationId, created: false, rows: null };
  });
}

/**
 * The conversation each contact's messages go to: the one named (the widget's session), else
 * the person's conversation still in progress, else their latest closed one (which the message
 * reopens), else a new one.
 */
async function conversationsFor(tx: Tx, contactRows: (typeof contacts.$inferSelect)[], named: string | undefined): Promise<Map<string, string>> {
  if (named) return new Map(contactRows.map((c) => [c.id, named]));
  const ids = contactRows.map((c) => c.id);
  const latest = await tx
    .selectDistinctOn([conversations.contactId], { id: conversations.id, contactId: conversations.contactId })
    .from(conversations)
    .where(inArray(conversations.contactId, ids))
    .orderBy(conversations.contactId, asc(sql`${conversations.status} = 'closed'`), desc(conversations.lastMessageAt));
  const result = new Map(latest.map((c) => [c.contactId, c.id]));
  const without = contactRows.filter((c) => !result.has(c.id));
  if (without.length > 0) {
    const opened = await tx
      .insert(conversations)
      .values(without.map((c) => ({ agencyId: c.agencyId, contactId: c.id, channel: c.channel })))
      .returning({ id: conversations.id, contactId: conversations.contactId });
    for (const c of opened) result.set(c.contactId, c.id);
  }
  return result;
}
