/**
 * intake.accept(): the one door every inbound message goes through, whatever the channel.
 *
 * Durable first: contact, conversation and message are written in one statement
 * (./store-inbound.ts), and only after it commits is the message queued for triage and shown to
 * staff. The message is unique
 * on (channel, externalMessageId), so a redelivered LINE event or a widget retry finds the stored
 * row and changes nothing.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { InboundMessage, Lang } from '../channels/types';
import type { Context } from '../context';
import { messages } from '../db/schema';
import { storeInbound, type ConversationRow, type MessageRow } from './store-inbound';
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
 * Several messages of one channel in one statement, in the order given (a LINE webhook body
 * with many events: one statement for the whole body, not seven per event; bodies arriving
 * while one is stored go together in the next: `intakeLine`). The sender is answered only when
 * all of a body's messages are stored, so after a failure it sends all again (LINE redelivers)
 * and the stored ones are then found, not stored twice.
 */
export async function acceptMany(ctx: Context, inbound: InboundMessage[], opts: AcceptOptions): Promise<Accepted[]> {
  if (inbound.length === 0) return [];
  // Whatever the channel let through: no control characters (a NUL cannot even be stored).
  const cleaned = inbound.map((m) => ({ ...m, text: cleanText(m.text), kind: cleanText(m.kind), postback: m.postback === undefined ? undefined : cleanText(m.postback) }));
  const results = opts.conversationId ? await storeInOne(ctx, cleaned, opts) : await intakeLine(ctx, cleaned[0].channel, opts).submit(cleaned);

  // After commit. Published before triage is queued, but live events go out on an auto-pipelined
  // connection (flushed after this tick) and triage's come from the workers: they may still arrive
  // first, which is why a conversation view carries a version (the inbox keeps the newest).
  for (const { rows } of results) {
    if (!rows) continue;
    ctx.publisher.messagesCreated(rows.conversation.agencyId, rows.conversation.id, [presentForStaff(rows.message)], {
      conversation: presentConversation(rows.conversation, rows.message.text.slice(0, 80)),
    });
  }
  // After commit. A failure here loses nothing: the sweeper re-queues untriaged messages.
  const ids = [...new Set(results.map((r) => r.messageId))];
  const queued = await enqueue.triage(ctx, ids, triagePriorities(results));
  if (!queued) ctx.log.warn({ messages: ids.length }, 'triage not queued now; the sweeper will retry');
  return results.map(({ messageId, conversationId, created }) => ({ messageId, conversationId, created }));
}

/**
 * One statement per batch (src/messages/store-inbound.ts), and again for messages it left out
 * (their person was written for by another request at the same moment). A lost connection or a
 * serialization failure runs the statement again: a stored message is found, not stored twice.
 */
async function storeInOne(ctx: Context, msgs: InboundMessage[], opts: AcceptOptions): Promise<Stored[]> {
  const channel = msgs[0].channel;
  if (msgs.some((m) => m.channel !== channel)) throw new Error('acceptMany: one channel per call');
  // Each message once (a body may repeat an event).
  const distinct = [...new Map(msgs.map((m) => [m.externalMessageId, m])).values()];
  const created = new Map<string, NonNullable<Stored['rows']>>();
  let left = distinct;
  for (let round = 1; left.length > 0; round++) {
    if (round > MAX_ROUNDS) throw new Error(`intake: ${left.length} messages left after ${MAX_ROUNDS} statements`);
    const input = { agencyId: opts.agencyId, channel, lang: opts.lang ?? 'ja', named: opts.conversationId, messages: left, now: new Date() };
    // Ahead of the workers at the embedded database: the sender waits for this commit.
    const result = await retryTransient(() => aheadOfOtherWork(DbTurn.inbound, () => storeInbound(ctx.db, input)));
    for (const [externalId, rows] of result.created) created.set(externalId, rows);
    const again = new Set(result.again);
    left = left.filter((m) => again.has(m.externalMessageId));
  }
  // Stored before (a redelivery or retry), or by a concurrent delivery of the same event: looked
  // up after, not before — a redelivery is rare, a new message is every message.
  const before = distinct.filter((m) => !created.has(m.externalMessageId)).map((m) => m.externalMessageId);
  const known = before.length > 0 ? await findStored(ctx, channel, before) : new Map<string, { id: string; conversationId: string }>();

  const reported = new Set<string>();
  return msgs.map((msg) => {
    const rows = created.get(msg.externalMessageId);
    if (rows && !reported.has(rows.message.id)) {
      reported.add(rows.message.id);
      return { messageId: rows.message.id, conversationId: rows.message.conversationId, created: true, rows };
    }
    const stored = rows?.message ?? known.get(msg.externalMessageId)!;
    return { messageId: stored.id, conversationId: stored.conversationId, created: false, rows: null };
  });
}

/** Statements one batch may take when the same people keep being written for by other requests meanwhile. */
const MAX_ROUNDS = 5;

async function findStored(ctx: Context, channel: InboundMessage['channel'], externalIds: string[]) {
  const rows = await retryTransient(() =>
    ctx.db
      .select({ id: messages.id, conversationId: messages.conversationId, externalId: messages.externalId })
      .from(messages)
      .where(and(eq(messages.channel, channel), inArray(messages.externalId, externalIds))),
  );
  return new Map(rows.map((r) => [r.externalId!, r]));
}

/** Most messages one intake statement stores (LINE sends at most 100 events in a body; bodies are never split). */
const MAX_BATCH = 500;
const lines = new WeakMap<Context['db'], Map<string, GroupCommit<InboundMessage, Stored>>>();

/**
 * The channel's intake line (LINE: one per agency and language): bodies that arrive while one is
 * being stored are stored together in the next statement (src/db/group-commit.ts). Under load the
 * webhook then costs one statement per batch, not one per body. The widget names its
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

interface Stored {
  messageId: string;
  conversationId: string;
  created: boolean;
  /** For the staff events after commit (created messages only). */
  rows: { message: MessageRow; conversation: ConversationRow } | null;
}
