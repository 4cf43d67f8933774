/**
 * Processor of the `deliver` queue: sends outbound messages (staff answers, bot replies) to the
 * person.
 *
 * - Idempotent: a message already `sent` or `failed` is left alone, so redelivered jobs and the
 *   sweeper's re-adds are harmless. A LINE push carries a fixed X-Line-Retry-Key, so a retry
 *   after an unclear failure is not delivered twice.
 * - In order: a message waits (delayed, not failed) while an earlier one of the same
 *   conversation is still undelivered.
 * - LINE batches: up to 5 waiting messages go in one call (the bot's acknowledgement and its
 *   question arrive together, on the free reply token). The batch is fixed on first attempt,
 *   so a retry resends exactly the same messages under the same retry key.
 * - LINE: the reply token of the latest inbound event while it is fresh and unused (claimed
 *   atomically, so only one answer uses it), push otherwise. 429/5xx/network → retry with backoff.
 * - An unclear reply is never followed by a push of the same batch (issue 8 item 7): when a
 *   reply timed out or its connection broke after the request went out, or the worker died
 *   during it (the batch is marked `reply` before the call), LINE may have delivered it, and
 *   a push cannot be deduplicated against a reply. The batch becomes `unclear` and staff decide
 *   (the inbox offers to send it again). See the README's LINE section.
 */
import type { Job } from 'bullmq';
import { alias } from 'drizzle-orm/pg-core';
import { and, asc, eq, exists, gte, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import { rowsOf } from '../src/db/client';
import type { Context } from '../src/context';
import { messages } from '../src/db/schema';
import type { DeliverJob } from '../src/queues';
import { earlier, holdBackBehindEarlier, loadMessageForJob } from '../src/queues/message-job';
import { presentForWidget, presentManyForStaff } from '../src/presenters/message';
import { chooseLineDelivery, toLineOutbound, type LineSender, type SendResult } from '../src/channels/line';

type MessageRow = typeof messages.$inferSelect;

export interface DeliverDeps {
  ctx: Context;
  /** Absent when LINE is not configured. */
  line: LineSender | null;
}

/** Thrown for failures worth retrying; BullMQ backs off and tries again. Its code names LINE's answer. */
export class RetryableDeliveryError extends Error {
  readonly code: string;
  constructor(lineCode: string) {
    super(`delivery retryable: ${lineCode}`);
    this.code = `delivery_retryable:${lineCode}`;
  }
}

const LINE_BATCH = 5;

/** The latest inbound message of the conversation and its reply token (timestamps as JSON text). */
interface LatestInbound {
  id: string;
  token: string | null;
  at: string | null;
  used: string | null;
}
const latestIn = alias(messages, 'latest_in');
const latestInbound = sql<LatestInbound | null>`(select json_build_object('id', ${latestIn.id}, 'token', ${latestIn.lineReplyToken}, 'at', ${latestIn.lineReplyTokenAt}, 'used', ${latestIn.lineReplyTokenUsedAt})
  from ${messages} as ${latestIn} where ${and(eq(latestIn.conversationId, messages.conversationId), eq(latestIn.direction, 'in'))} order by ${latestIn.seq} desc limit 1)`;

export function createDeliverProcessor({ ctx, line }: DeliverDeps) {
  const { db } = ctx;

  async function finish(ids: string[], set: Partial<typeof messages.$inferInsert>) {
    const rows = await db.update(messages).set(set).where(inArray(messages.id, ids)).returning();
    for (const view of await presentManyForStaff(db, rows)) ctx.publisher.messageUpdated(rows[0].agencyId, rows[0].conversationId, view);
  }

  /**
   * The messages this job sends, marked `sending` with one more attempt counted (as they now
   * stand): its fixed batch, or a new one claimed now.
   */
  async function claimBatch(m: MessageRow): Promise<MessageRow[]> {
    const sending = { deliveryState: 'sending' as const, deliveryAttempts: sql`${messages.deliveryAttempts} + 1` };
    if (m.deliveryBatch) {
      const rows = await db.update(messages).set(sending).where(eq(messages.deliveryBatch, m.deliveryBatch)).returning();
      return rows.sort((a, b) => a.seq - b.seq);
    }
    const size = m.channel === 'line' ? LINE_BATCH : 1;
    // One statement, no transaction: lock the oldest waiting answers of the conversation from this
    // one on, and fix them as this job's batch only when this message is among them (another job
    // may have taken it a moment ago).
    const candidates = db.$with('candidates').as(
      db
        .select({ id: messages.id })
        .from(messages)
        .where(
          and(
            eq(messages.conversationId, m.conversationId),
            eq(messages.direction, 'out'),
            eq(messages.deliveryState, 'pending'),
            isNull(messages.deliveryBatch),
            gte(messages.seq, m.seq),
          ),
        )
        .orderBy(asc(messages.seq))
        .limit(size)
        .for('update'),
    );
    const rows = await db
      .with(candidates)
      .update(messages)
      .set({ deliveryBatch: m.id, ...sending })
      .where(
        and(
          inArray(messages.id, db.select({ id: candidates.id }).from(candidates)),
          exists(db.select({ id: candidates.id }).from(candidates).where(eq(candidates.id, m.id))),
        ),
      )
      .returning();
    return rows.sort((a, b) => a.seq - b.seq);
  }

  /** `latest`: the conversation's latest inbound message's reply token, read with the job's message. */
  async function sendLine(batch: MessageRow[], lineUserId: string, latest: LatestInbound | null): Promise<{ result: SendResult; method: 'reply' | 'push' }> {
    const ids = batch.map((b) => b.id);
    if (!line) return { result: { ok: false, retryable: false, code: 'line_disabled', message: 'LINE is not configured' }, method: 'push' };
    const payload = toLineOutbound(batch);
    const first = batch[0];
    const choice = chooseLineDelivery({
      replyToken: latest?.token ?? null,
      replyTokenReceivedAt: latest?.at ? new Date(latest.at) : null,
      replyTokenUsed: Boolean(latest?.used),
      now: new Date(),
      maxAgeSeconds: ctx.config.LINE_REPLY_TOKEN_MAX_AGE_SECONDS,
    });
    // Only on a first attempt: after an unclear failure the token may be spent already.
    if (choice.method === 'reply' && latest && first.deliveryAttempts <= 1) {
      // Claim the token (only one answer may use it, even with several workers) and, only when
      // claimed, mark the batch `reply` before the call (if this worker dies during it, the next
      // attempt knows a reply may have gone out): one statement, both or neither.
      const claimed = await rowsOf<{ id: string }>(
        db,
        sql`with claimed as (
              update ${messages} set ${sql.identifier(messages.lineReplyTokenUsedAt.name)} = now()
              where ${messages.id} = ${latest.id} and ${messages.lineReplyTokenUsedAt} is null returning ${messages.id}
            ), marked as (
              update ${messages} set ${sql.identifier(messages.deliveryMethod.name)} = 'reply'
              where ${inArray(messages.id, ids)} and exists (select 1 from claimed)
            )
            select id from claimed`,
      );
      if (claimed.length > 0) {
        const result = await line.reply(choice.replyToken, payload);
        if (result.ok || result.unclear) return { result, method: 'reply' };
        // LINE refused the reply: fall through to push (the token is spent or stale either way).
        await db.update(messages).set({ deliveryMethod: null }).where(inArray(messages.id, ids));
      }
    }
    return { result: await line.push(lineUserId, payload, first.retryKey!), method: 'push' };
  }

  return async function deliver(job: Job<DeliverJob>, token?: string): Promise<string> {
    // An earlier answer is unfinished while pending or sending, unless it is in this job's own batch.
    const row = await loadMessageForJob(db, job.data.messageId, 'out', {
      unfinished: and(eq(earlier.direction, 'out'), inArray(earlier.deliveryState, ['pending', 'sending']), or(isNull(earlier.deliveryBatch), ne(earlier.deliveryBatch, messages.id))),
      extras: { latestIn: latestInbound },
    });
    if (!row) return 'missing';
    const { message: m } = row;
    if (m.deliveryState === 'sent' || m.deliveryState === 'failed' || m.deliveryState === 'unclear') return `already ${m.deliveryState}`;
    // Part of another message's batch: that message's job sends it.
    if (m.deliveryBatch && m.deliveryBatch !== m.id) return 'in another batch';
    await holdBackBehindEarlier(job, token, row);

    const batch = await claimBatch(m);
    if (batch.length === 0) return 'in another batch';
    const ids = batch.map((b) => b.id);

    if (m.channel === 'widget') {
      for (const b of batch) ctx.publisher.widgetMessage(b.conversationId, presentForWidget(b));
      await finish(ids, { deliveryState: 'sent', deliveryMethod: 'socket', deliveredAt: new Date(), deliveryError: null });
      return 'sent socket';
    }

    // A reply was under way when an earlier attempt ended without an answer (the worker died).
    if (batch.some((b) => b.deliveryMethod === 'reply')) {
      await finish(ids, { deliveryState: 'unclear', deliveryError: 'reply_unclear' });
      return 'unclear: a reply may have been delivered';
    }
    const { result, method } = await sendLine(batch, row.contact.externalId, row.extras.latestIn);
    if (result.ok) {
      await finish(ids, { deliveryState: 'sent', deliveryMethod: method, deliveredAt: new Date(), deliveryError: null });
      return `sent ${batch.length} by ${method}`;
    }
    if (method === 'reply' && result.unclear) {
      await finish(ids, { deliveryState: 'unclear', deliveryError: 'reply_unclear' });
      return `unclear: ${result.code}`;
    }
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    if (result.retryable && !lastAttempt) {
      await finish(ids, { deliveryState: 'pending', deliveryError: result.code });
      throw new RetryableDeliveryError(result.code);
    }
    await finish(ids, { deliveryState: 'failed', deliveryError: result.code });
    return `failed ${result.code}`;
  };
}
