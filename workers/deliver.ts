// Over 300 lines on purpose: one job's steps (claim, send by reply or push, finish, take the next
// batch) share the invariants listed below — token only with its batch, unclear never pushed, in
// order, one sender per conversation — and read best together. The claims themselves live in
// src/messages/claim-delivery.ts, LINE's choice and payloads in src/channels/line.
/**
 * Processor of the `deliver` queue: sends outbound messages (staff answers, bot replies) to the
 * person.
 *
 * - Idempotent: a message already `sent` or `failed` is left alone, so redelivered jobs and the
 *   sweeper's re-adds are harmless. A LINE push carries a fixed X-Line-Retry-Key, so a retry
 *   after an unclear failure is not delivered twice.
 * - In order: an answer is sent only once every earlier answer of the conversation has ended.
 * - LINE batches: up to 5 waiting messages go in one call (the bot's acknowledgement and its
 *   question arrive together, on the free reply token). The batch is fixed on first attempt,
 *   so a retry resends exactly the same messages under the same retry key
 *   (src/messages/claim-delivery.ts).
 * - One job at a time sends a conversation's answers (issue 13): a job that has ended its batch
 *   takes the conversation's next waiting answers itself, batch after batch (DRAIN_BATCHES more
 *   at most, or fewer when a more urgent delivery — a hotline reply — waits for a slot; then it
 *   hands the next waiting answer to a job of its own, `jobId.deliverAfter`). So a later answer's job ends at once
 *   when its answer is sent or taken, and also when an earlier answer is unfinished: that
 *   answer's job goes on to this one (it will see it: this answer was written before this job
 *   looked, and that job looks for the next ones only after its batch ended). The old way, coming
 *   back every 300 ms until the earlier answer was sent, cost about four activations per answer
 *   under load, each a load and Redis moves. Nothing is lost when the sending job dies: BullMQ's
 *   stalled-job check runs it again and it first resends its unfinished batch (or marks it
 *   unclear, below); the sweeper brings back the job that sends a waiting answer
 *   (`delivery_sender`), or the answer's own job when none took it.
 * - Claim before load (issue 13): a job first claims its batch, in one statement with what sending
 *   it needs (the person's LINE id, the latest reply token); only when that took nothing — the
 *   answer sent, taken, behind an earlier one, or in the job's own unfinished batch (a retry) —
 *   does it load the answer to see which. An answer sent by reply with nothing after it costs
 *   three statements: the claim, the finish, the look for more.
 * - LINE: the reply token of the latest inbound event while it is fresh and unused (claimed
 *   atomically, so only one answer uses it: a new batch claims it with the batch, in one
 *   statement), push otherwise. 429/5xx/network → retry with backoff.
 * - An unclear reply is never followed by a push of the same batch (issue 8 item 7): when a
 *   reply timed out or its connection broke after the request went out, or the worker died
 *   during it (the batch is marked `reply` before the call), LINE may have delivered it, and
 *   a push cannot be deduplicated against a reply. The batch becomes `unclear` and staff decide
 *   (the inbox offers to send it again). See the README's LINE section.
 */
import type { Job } from 'bullmq';
import { and, eq, getTableColumns, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import { rowsOf } from '../src/db/client';
import { prepareOnce } from '../src/db/prepare-once';
import type { Context } from '../src/context';
import { messages } from '../src/db/schema';
import { jobId, jobOptions, type DeliverJob } from '../src/queues';
import { latencyFields, observeAnswerLatency, type SentForLatency } from '../src/metrics/answer-latency';
import { DeliveryPriority } from '../src/messages/queue-delivery';
import { enqueue } from '../src/queues/enqueue';
import { waitingAt } from '../src/queues/waiting-at';
import { batchedMessageLoader, earlier, holdBackBehindEarlier } from '../src/queues/message-job';
import { idsParams, idsWhere } from '../src/db/by-ids';
import { claimFirst, claimNext, firstWaiting, latestInbound, ownsUnfinished, reclaimOwnBatch, senderOf, type FirstClaim, type LatestInbound } from '../src/messages/claim-delivery';
import { authorName, presentForWidget, presentNamedForStaff } from '../src/presenters/message';
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

/**
 * How many more batches one activation takes after its own: enough for any burst of answers in
 * one conversation, bounded so one job does not hold a conversation's sending indefinitely.
 */
export const DRAIN_BATCHES = 10;

/** Marks, in the job's result, the outcome of a batch of answers other than the job's own. */
export const LATER = 'for later answers: ';

/** A job's first batch, claimed, with what sending it needs: `m` the job's answer, `personId` the contact's id on the channel. */
interface FirstBatch {
  m: MessageRow;
  batch: MessageRow[];
  latest: LatestInbound | null;
  /** The reply token claimed with the batch (the batch marked `reply`), if it was. */
  replyToken: string | null;
  personId: string;
}

export function createDeliverProcessor({ ctx, line }: DeliverDeps) {
  const { db } = ctx;

  /**
   * Records how a batch ended and shows it to staff (the author's name read in the same
   * statement). A batch marked sent, with metrics on, is observed for the answer-latency metrics
   * (`crisisReply`: whether it is a hotline reply), from what the same statement read.
   */
  async function finish(ids: string[], set: Partial<typeof messages.$inferInsert>, sent?: { crisisReply: () => Promise<boolean> }) {
    const metrics = sent ? ctx.metrics : undefined;
    // one prepared statement per shape of the change (sent, unclear, pending again, failed), and
    // one answer's apart from a batch's (src/db/by-ids.ts)
    const fields = Object.keys(set).sort() as (keyof typeof set)[];
    const one = ids.length === 1;
    const finished = prepareOnce(db, `finish:${fields.join(',')}${metrics ? ':latency' : ''}${one ? ':one' : ''}`, () =>
      db
        .update(messages)
        .set(Object.fromEntries(fields.map((f) => [f, sql.placeholder(f)])))
        .where(idsWhere(messages.id, one))
        .returning({ ...getTableColumns(messages), authorName, ...(metrics ? latencyFields : {}) }),
    );
    const rows = (await finished.execute({ ...set, ...idsParams(ids) })) as (MessageRow & { authorName: string | null } & Partial<SentForLatency>)[];
    if (rows.length === 0) return;
    // one batch: one conversation's answers, in the order written
    rows.sort((a, b) => a.seq - b.seq);
    ctx.publisher.messagesUpdated(rows[0].agencyId, rows[0].conversationId, rows.map(presentNamedForStaff));
    if (metrics) {
      // the batch's first answer stands for it
      const first = rows[0] as MessageRow & SentForLatency;
      void sent!.crisisReply().then(
        (crisis) => observeAnswerLatency(metrics, first, crisis),
        () => observeAnswerLatency(metrics, first, false),
      );
    }
  }

  /** The latest inbound message and its reply token when the token is fresh and unused as read (LINE configured), else null: push. */
  function freshReply(latest: LatestInbound | null): { messageId: string; token: string } | null {
    if (!line || !latest) return null;
    const choice = chooseLineDelivery({
      replyToken: latest.token,
      replyTokenReceivedAt: latest.at ? new Date(latest.at) : null,
      replyTokenUsed: Boolean(latest.used),
      now: new Date(),
      maxAgeSeconds: ctx.config.LINE_REPLY_TOKEN_MAX_AGE_SECONDS,
    });
    return choice.method === 'reply' ? { messageId: latest.id, token: choice.replyToken } : null;
  }

  /**
   * For a batch claimed without the token (one taken after another, or sent again): the reply
   * token it may use, claimed now, or null. Only on a first attempt: after an unclear failure the
   * token may be spent already.
   */
  async function claimReplyToken(batch: MessageRow[], latest: LatestInbound | null): Promise<string | null> {
    const fresh = freshReply(latest);
    if (!fresh || batch[0].deliveryAttempts > 1) return null;
    // Claim the token (only one answer may use it, even with several workers) and, only when
    // claimed, mark the batch `reply` before the call (if this worker dies during it, the next
    // attempt knows a reply may have gone out): one statement, both or neither.
    const claimed = await rowsOf<{ id: string }>(
      db,
      sql`with claimed as (
            update ${messages} set ${sql.identifier(messages.lineReplyTokenUsedAt.name)} = now()
            where ${messages.id} = ${fresh.messageId} and ${messages.lineReplyTokenUsedAt} is null returning ${messages.id}
          ), marked as (
            update ${messages} set ${sql.identifier(messages.deliveryMethod.name)} = 'reply'
            where ${inArray(messages.id, batch.map((b) => b.id))} and exists (select 1 from claimed)
          )
          select id from claimed`,
    );
    return claimed.length > 0 ? fresh.token : null;
  }

  /**
   * `latest`: the conversation's latest inbound message's reply token, read with the batch.
   * `replyToken`: the token claimed with the batch (the batch marked `reply`), if it was.
   */
  async function sendLine(batch: MessageRow[], lineUserId: string, latest: LatestInbound | null, replyToken: string | null): Promise<{ result: SendResult; method: 'reply' | 'push' }> {
    if (!line) return { result: { ok: false, retryable: false, code: 'line_disabled', message: 'LINE is not configured' }, method: 'push' };
    const payload = toLineOutbound(batch);
    const token = replyToken ?? (await claimReplyToken(batch, latest));
    if (token) {
      const result = await line.reply(token, payload);
      if (result.ok || result.unclear) return { result, method: 'reply' };
      // LINE refused the reply: fall through to push (the token is spent or stale either way).
      await db.update(messages).set({ deliveryMethod: null }).where(inArray(messages.id, batch.map((b) => b.id)));
    }
    return { result: await line.push(lineUserId, payload, batch[0].retryKey!), method: 'push' };
  }

  /**
   * Sends one claimed batch and records how it ended. Throws RetryableDeliveryError (the batch
   * pending again, fixed) when it is worth another attempt.
   */
  async function sendBatch(job: Job<DeliverJob>, batch: MessageRow[], lineUserId: string, latest: LatestInbound | null, replyToken: string | null, sent: { crisisReply: () => Promise<boolean> }): Promise<string> {
    const ids = batch.map((b) => b.id);
    if (batch[0].channel === 'widget') {
      for (const b of batch) ctx.publisher.widgetMessage(b.conversationId, presentForWidget(b));
      await finish(ids, { deliveryState: 'sent', deliveryMethod: 'socket', deliveredAt: new Date(), deliveryError: null }, sent);
      return 'sent socket';
    }
    // A reply was under way when an earlier attempt ended without an answer (the worker died);
    // not when this attempt's claim won the token a moment ago.
    if (!replyToken && batch.some((b) => b.deliveryMethod === 'reply')) {
      await finish(ids, { deliveryState: 'unclear', deliveryError: 'reply_unclear' });
      return 'unclear: a reply may have been delivered';
    }
    const { result, method } = await sendLine(batch, lineUserId, latest, replyToken);
    if (result.ok) {
      await finish(ids, { deliveryState: 'sent', deliveryMethod: method, deliveredAt: new Date(), deliveryError: null }, sent);
      return `sent ${batch.length} by ${method}`;
    }
    if (method === 'reply' && result.unclear) {
      await finish(ids, { deliveryState: 'unclear', deliveryError: 'reply_unclear' });
      return `unclear: ${result.code}`;
    }
    // Attempts are counted per batch (each claim counts one): a batch taken by another answer's
    // job has its own budget, not what is left of that job's. Should the job's attempts run out
    // first, it fails with the batch pending and the sweeper retries it.
    const lastAttempt = Math.max(...batch.map((b) => b.deliveryAttempts)) >= (job.opts.attempts ?? 1);
    if (result.retryable && !lastAttempt) {
      await finish(ids, { deliveryState: 'pending', deliveryError: result.code });
      throw new RetryableDeliveryError(result.code);
    }
    await finish(ids, { deliveryState: 'failed', deliveryError: result.code });
    return `failed ${result.code}`;
  }

  /**
   * Whether a delivery more urgent than a job of `priority` waits for a worker: a hotline reply
   * (and, for an ordinary answer, a person's first). A job sending a conversation's answers one
   * batch after another holds its slot for each LINE call; with every slot so held, the hotline
   * reply waited for whole conversations (issue 13).
   */
  function moreUrgentWaiting(priority: number): Promise<boolean> {
    return waitingAt(
      ctx.queues.deliver,
      Object.values(DeliveryPriority).filter((p) => p < priority),
    );
  }

  // An earlier answer is unfinished while pending or sending, unless this job sends it. One
  // statement (for many jobs under load).
  const load = batchedMessageLoader(db, 'out', {
    unfinished: and(eq(earlier.direction, 'out'), inArray(earlier.deliveryState, ['pending', 'sending']), or(isNull(senderOf(earlier)), ne(senderOf(earlier), messages.id))),
    extras: { latestIn: latestInbound, owns: ownsUnfinished },
  });

  /** Reply tokens received after this are fresh now (chooseLineDelivery's rule, for the claim's SQL); null when LINE is not configured. */
  const replyCutoff = () => (line ? new Date(Date.now() - ctx.config.LINE_REPLY_TOKEN_MAX_AGE_SECONDS * 1000) : null);

  /**
   * What the job sends first, when the claim-first statement took nothing: load the answer to see
   * why — gone, sent, taken by another job, behind an earlier answer (whose job sends this one),
   * or in an unfinished batch of this job's own (a retry resends it) — and claim as before.
   */
  async function loadThenClaim(job: Job<DeliverJob>, token: string | undefined): Promise<string | FirstBatch> {
    const row = await load(job.data.messageId);
    if (!row) return 'missing';
    const { message: m } = row;
    const sender = m.deliverySender ?? m.deliveryBatch;
    // Claimed by another answer's job: that job sends it.
    if (sender && sender !== m.id) return 'sent by another job';
    const owns = Boolean(row.extras.owns);
    if (!owns && m.deliveryState !== 'pending') return `already ${m.deliveryState}`;
    if (row.earlierUnfinished) {
      // Not yet claimed: the earlier answer's job takes it when that answer has ended.
      if (!owns) return 'after an earlier answer: its job sends this one';
      // A batch of its own behind an earlier answer (staff sent an older one again): wait for it.
      await holdBackBehindEarlier(job, token, row);
    }
    if (owns) {
      const batch = await reclaimOwnBatch(db, m);
      if (batch.length === 0) return 'sent by another job';
      return { m, batch, latest: row.extras.latestIn, replyToken: null, personId: row.contact.externalId };
    }
    // Free a moment after the first claim (the earlier answer ended meanwhile): the same claim again.
    const again = await claimFirst(db, m.id, replyCutoff());
    return again ? firstBatch(again) : 'taken by another job, or behind an earlier answer whose job sends it';
  }

  /** A batch the claim-first statement took, with the token it won (if it did). */
  function firstBatch(first: FirstClaim): FirstBatch {
    const m = first.batch.find((b) => b.id === first.batch[0].deliveryBatch)!;
    return { m, batch: first.batch, latest: first.latest, replyToken: first.replying ? first.latest?.token ?? null : null, personId: first.contactExternalId };
  }

  return async function deliver(job: Job<DeliverJob>, token?: string): Promise<string> {
    // Most jobs start a new batch with their answer: claimed first, in one statement with what
    // sending it needs (issue 13: a load and a claim were two). Only when that took nothing does
    // the job load its answer.
    const first = await claimFirst(db, job.data.messageId, replyCutoff());
    const start = first ? firstBatch(first) : await loadThenClaim(job, token);
    if (typeof start === 'string') return start;
    const { m } = start;
    let { batch, latest, replyToken } = start;
    const priority = job.opts.priority ?? jobOptions.deliver.priority;
    const outcomes: string[] = [];
    for (let round = 0; ; round++) {
      const own = batch.some((b) => b.id === m.id);
      const outcome = await sendBatch(job, batch, start.personId, latest, replyToken, { crisisReply: crisisReplyOf(job, own ? null : batch[0].id) });
      // only the first batch was claimed with the token: those taken after it claim it, if any is left, as they go
      replyToken = null;
      outcomes.push(own ? outcome : `${LATER}${outcome}`);
      // Enough for one activation, or a more urgent delivery waits for this job's slot: a new job
      // goes on with the next waiting answer (whose own job ended at once), at this job's priority.
      if (round === DRAIN_BATCHES || (m.channel === 'line' && (await moreUrgentWaiting(priority)))) {
        const next = await firstWaiting(db, m.conversationId);
        // A job of its own: the answer's job may be ending now, having seen this batch unfinished.
        // Redis away: the answer is pending, so the sweeper brings its job back.
        if (next && !(await enqueue.deliverAfter(ctx, next, m.id, priority))) ctx.log.warn({ messageId: next }, 'next delivery not handed over now; the sweeper will');
        break;
      }
      // Then the conversation's next waiting answers, in order, by this job: a statement of its
      // own, after the finish committed. A later answer's job that saw this batch unfinished has
      // ended, counting on this look; made in the finish's statement, it would read a snapshot
      // taken before the finish was visible and miss an answer written just after that snapshot
      // whose job looked meanwhile.
      ({ batch, latest } = await claimNext(db, m.id, m.conversationId));
      if (batch.length === 0) break;
    }
    return outcomes.join('; ');
  };

  /**
   * Whether a batch is a hotline reply, for the answer-latency metrics: it is when its own job was
   * queued at the safety priority — this job (`first` null), or the job of the batch's first
   * answer when this job sent it for that one (one Redis look, only when metrics are on).
   */
  function crisisReplyOf(job: Job<DeliverJob>, first: string | null): () => Promise<boolean> {
    if (first === null) return async () => job.opts.priority === DeliveryPriority.safety;
    return async () => (await ctx.queues.deliver.getJob(jobId.deliver(first)))?.opts.priority === DeliveryPriority.safety;
  }
}
