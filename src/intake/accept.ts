/**
 * intake.accept(): the one door every inbound message goes through, whatever the channel.
 *
 * Durable first: contact, conversation and message are written in one transaction, and only
 * after it commits is the message queued for triage and shown to staff. The message is unique
 * on (channel, externalMessageId), so a redelivered LINE event or a widget retry finds the stored
 * row and changes nothing.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { InboundMessage, Lang } from '../channels/types';
import type { Context } from '../context';
import { contacts, conversations, messages } from '../db/schema';
import { cleanText } from '../channels/clean-text';
import { retryTransient } from '../db/transient';
import { enqueueSoon, jobId, jobOptions } from '../queues';
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
  // Whatever the channel let through: no control characters (a NUL cannot even be stored).
  const msg = { ...inbound, text: cleanText(inbound.text), postback: inbound.postback === undefined ? undefined : cleanText(inbound.postback) };
  // A lost connection or a serialization failure runs it again: a stored message is found, not stored twice.
  const result = await retryTransient(() => ctx.db.transaction(async (tx) => {
    const existing = await tx
      .select({ id: messages.id, conversationId: messages.conversationId })
      .from(messages)
      .where(and(eq(messages.channel, msg.channel), eq(messages.externalId, msg.externalMessageId)));
    if (existing[0]) return { messageId: existing[0].id, conversationId: existing[0].conversationId, created: false, rows: null };

    await tx
      .insert(contacts)
      .values({ agencyId: opts.agencyId, channel: msg.channel, externalId: msg.externalUserId, lang: opts.lang ?? 'ja' })
      .onConflictDoNothing();
    // Row lock on the contact: two events of one person arriving at once open one conversation.
    const [contact] = await tx
      .select()
      .from(contacts)
      .where(and(eq(contacts.channel, msg.channel), eq(contacts.externalId, msg.externalUserId)))
      .for('update');

    let conversationId = opts.conversationId;
    if (!conversationId) {
      // The person's conversation still in progress, else their latest closed one (which this message reopens).
      const [latest] = await tx
        .select({ id: conversations.id })
        .from(conversations)
        .where(eq(conversations.contactId, contact.id))
        .orderBy(asc(sql`${conversations.status} = 'closed'`), desc(conversations.lastMessageAt))
        .limit(1);
      conversationId =
        latest?.id ??
        (
          await tx
            .insert(conversations)
            .values({ agencyId: contact.agencyId, contactId: contact.id, channel: msg.channel })
            .returning({ id: conversations.id })
        )[0].id;
    }

    const inserted = await tx
      .insert(messages)
      .values({
        conversationId,
        agencyId: contact.agencyId,
        channel: msg.channel,
        direction: 'in',
        authorType: 'person',
        externalId: msg.externalMessageId,
        kind: msg.kind,
        text: msg.text,
        payload: msg.postback ? { postback: msg.postback } : null,
        lineReplyToken: msg.lineReplyToken ?? null,
        lineReplyTokenAt: msg.lineReplyToken ? msg.sentAt : null,
        createdAt: new Date(),
      })
      .onConflictDoNothing()
      .returning();
    if (!inserted[0]) {
      // Lost a race with a concurrent delivery of the same event: the other one stored it.
      const [row] = await tx
        .select({ id: messages.id, conversationId: messages.conversationId })
        .from(messages)
        .where(and(eq(messages.channel, msg.channel), eq(messages.externalId, msg.externalMessageId)));
      return { messageId: row.id, conversationId: row.conversationId, created: false, rows: null };
    }
    const [conversation] = await tx
      .update(conversations)
      .set({
        lastMessageAt: sql`now()`,
        unread: sql`${conversations.unread} + 1`,
        // A person writing again reopens the thread: after staff asked them something (waiting),
        // and after it was closed — a closed thread would hide their new words from every list.
        status: sql`case when ${conversations.status} in ('waiting', 'closed') then 'open' else ${conversations.status} end`,
      })
      .where(eq(conversations.id, conversationId))
      .returning();
    return { messageId: inserted[0].id, conversationId, created: true, rows: { message: inserted[0], conversation } };
  }));

  // After commit, shown first: triage's `conversation:updated` must not be overtaken by this one.
  if (result.rows) {
    const { message, conversation } = result.rows;
    ctx.publisher.messageCreated(conversation.agencyId, conversation.id, presentForStaff(message));
    ctx.publisher.conversationUpdated(presentConversation(conversation, message.text.slice(0, 80)));
  }
  // After commit. A failure here loses nothing: the sweeper re-queues untriaged messages.
  const queued = await enqueueSoon(() =>
    ctx.queues.triage.add('triage', { messageId: result.messageId }, { ...jobOptions.triage, jobId: jobId.triage(result.messageId) }),
  );
  if (!queued) ctx.log.warn({ messageId: result.messageId }, 'triage not queued now; the sweeper will retry');
  return { messageId: result.messageId, conversationId: result.conversationId, created: result.created };
}
