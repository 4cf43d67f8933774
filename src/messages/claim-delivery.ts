/**
 * Which answers a deliver job sends, claimed in the database so that no two jobs send the same
 * one (workers/deliver.ts). Each claim is one statement without a transaction: it locks the
 * answers, fixes them as a batch and marks them `sending` (one more attempt counted), or does
 * nothing.
 *
 * A batch is named by its first message (`delivery_batch`: the retry key its LINE call carries).
 * It is sent by that message's job, or — when a job that has sent its own batch took the
 * conversation's next waiting answers itself — by that job (`delivery_sender`). The sender's job
 * is the one that resends a batch after a retryable failure or a worker's death, and the one the
 * sweeper and a staff retry bring back.
 */
import { alias } from 'drizzle-orm/pg-core';
import { and, asc, eq, exists, getTableColumns, gt, gte, inArray, isNotNull, isNull, lt, not, notInArray, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { prepareOnce } from '../db/prepare-once';
import { contacts, conversations, messages } from '../db/schema';

type MessageRow = typeof messages.$inferSelect;

/**
 * Most answers one batch takes: LINE takes at most 5 messages per reply or push. The widget's
 * socket has no such limit; it takes the same (a bot turn writes two or three answers), so a turn's
 * answers are one claim, one finish and one live event there too, not one each (issue 13).
 */
export const BATCH_SIZE = 5;

/** The latest inbound message of the conversation and its reply token (timestamps as JSON text). */
export interface LatestInbound {
  id: string;
  token: string | null;
  at: string | null;
  used: string | null;
}
const latestIn = alias(messages, 'latest_in');
/** Scalar subquery on `messages` (the row being loaded or claimed). */
export const latestInbound = sql<LatestInbound | null>`(select json_build_object('id', ${latestIn.id}, 'token', ${latestIn.lineReplyToken}, 'at', ${latestIn.lineReplyTokenAt}, 'used', ${latestIn.lineReplyTokenUsedAt})
  from ${messages} as ${latestIn} where ${and(eq(latestIn.conversationId, messages.conversationId), eq(latestIn.direction, 'in'))} order by ${latestIn.seq} desc limit 1)`;

/** The message whose job sends this answer's batch (null while it is in none). */
export const senderOf = (m: { deliverySender: AnyColumn; deliveryBatch: AnyColumn }) => sql<string | null>`coalesce(${m.deliverySender}, ${m.deliveryBatch})`;

const unfinished = (m: { deliveryState: AnyColumn }) => inArray(m.deliveryState, ['pending', 'sending']);
const sending = { deliveryState: 'sending' as const, deliveryAttempts: sql`${messages.deliveryAttempts} + 1` };
const bySeq = (rows: MessageRow[]) => rows.sort((a, b) => a.seq - b.seq);

const owned = alias(messages, 'owned');
/** For the job's load: whether a batch this job sends is unfinished (its own, or one it took). */
export const ownsUnfinished: SQL<boolean> = sql<boolean>`exists (select 1 from ${messages} as ${owned} where ${and(
  eq(owned.conversationId, messages.conversationId),
  unfinished(owned),
  eq(senderOf(owned), messages.id),
)})`;

/**
 * The unfinished batch this job sends, as first fixed (a retry resends exactly it), marked
 * `sending` again. At most one is unfinished at a time: the next is taken only once it ended.
 */
export async function reclaimOwnBatch(db: Db, m: MessageRow): Promise<MessageRow[]> {
  const rows = await db
    .update(messages)
    .set(sending)
    .where(and(eq(messages.conversationId, m.conversationId), unfinished(messages), eq(senderOf(messages), m.id)))
    .returning();
  return bySeq(rows);
}

/** What a deliver job's first claim took: its batch, with what sending it needs. */
export interface FirstClaim {
  batch: MessageRow[];
  /** The person's id on the channel (the contact's `externalId`: on LINE the user id a push goes to). */
  contactExternalId: string;
  /** The conversation's latest inbound message and its reply token, as read before the claim. */
  latest: LatestInbound | null;
  /** The batch won the reply token of `latest` (and is marked `reply`). */
  replying: boolean;
}

/**
 * A deliver job's first look, before it loads anything (issue 13: one statement where a load and a
 * claim were two): a new batch from this answer on — the conversation's oldest waiting answers,
 * this one among them — when no earlier answer of the conversation is unfinished, with the
 * person's channel id and the latest reply token read in the same statement.
 *
 * `replyCutoff`: given (LINE configured), the latest inbound message's reply token is claimed
 * with the batch when it was received after this time and is unused (src/channels/line/
 * choose-delivery.ts, in SQL) — only if the batch is (a token claimed for nothing would be lost).
 * The batch is then marked `reply` before the call (see workers/deliver.ts): `replying` says
 * whether the token was won (another answer may have used it since). The batch's answers were
 * never claimed, so this is its first attempt.
 *
 * Null when nothing was claimed: the answer is gone, sent, taken by another job, waits behind an
 * earlier answer, or is in a batch of its own job's (a retry): the job then loads it to see which.
 */
export async function claimFirst(db: Db, messageId: string, replyCutoff: Date | null): Promise<FirstClaim | null> {
  const withToken = replyCutoff !== null;
  const claim = prepareOnce(db, `claimFirst:${withToken}`, () => claimFirstStatement(db, withToken));
  const rows = await claim.execute({ id: messageId, ...(withToken ? { cutoff: replyCutoff.toISOString() } : {}) });
  if (rows.length === 0) return null;
  const batch = bySeq(rows.map(({ latestIn: _, contactExternalId: __, ...m }) => m));
  return { batch, contactExternalId: rows[0].contactExternalId, latest: rows[0].latestIn, replying: rows.some((r) => r.deliveryMethod === 'reply') };
}

function claimFirstStatement(db: Db, withToken: boolean) {
  const id = sql`${sql.placeholder('id')}::uuid`;
  const self = alias(messages, 'self');
  // the answer's conversation and place in it, read where needed (its row is not loaded first)
  const conversationId = sql`(select ${self.conversationId} from ${messages} as ${self} where ${self.id} = ${id})`;
  const seq = sql`(select ${self.seq} from ${messages} as ${self} where ${self.id} = ${id})`;
  const candidates = db.$with('candidates').as(
    db
      .select({ id: messages.id })
      .from(messages)
      .where(and(eq(messages.conversationId, conversationId), eq(messages.direction, 'out'), eq(messages.deliveryState, 'pending'), isNull(messages.deliveryBatch), gte(messages.seq, seq)))
      .orderBy(asc(messages.seq))
      .limit(BATCH_SIZE)
      .for('update'),
  );
  const earlier = alias(messages, 'earlier');
  // this answer not yet claimed, and every earlier answer ended (none is sent by this job: it has claimed nothing)
  const free = and(
    exists(db.select({ id: candidates.id }).from(candidates).where(eq(candidates.id, id))),
    not(exists(db.select({ id: earlier.id }).from(earlier).where(and(eq(earlier.conversationId, conversationId), eq(earlier.direction, 'out'), unfinished(earlier), lt(earlier.seq, seq))))),
  );
  const latest = alias(messages, 'latest');
  const token = withToken
    ? db.$with('token').as(
        db
          .update(messages)
          .set({ lineReplyTokenUsedAt: sql`now()` })
          .where(
            and(
              eq(messages.id, sql`(select ${latest.id} from ${messages} as ${latest} where ${and(eq(latest.conversationId, conversationId), eq(latest.direction, 'in'))} order by ${latest.seq} desc limit 1)`),
              isNotNull(messages.lineReplyToken),
              gt(messages.lineReplyTokenAt, sql`${sql.placeholder('cutoff')}::timestamptz`),
              isNull(messages.lineReplyTokenUsedAt),
              free,
            ),
          )
          .returning({ id: messages.id }),
      )
    : null;
  const method = token ? { deliveryMethod: sql`case when exists (select 1 from ${token}) then 'reply' end` } : {};
  const contactExternalId = sql<string>`(select ${contacts.externalId} from ${conversations} join ${contacts} on ${eq(contacts.id, conversations.contactId)} where ${eq(conversations.id, messages.conversationId)})`;
  return db
    .with(...(token ? [candidates, token] : [candidates]))
    .update(messages)
    .set({ deliveryBatch: id, deliverySender: null, ...sending, ...method })
    .where(and(inArray(messages.id, db.select({ id: candidates.id }).from(candidates)), free))
    .returning({ ...getTableColumns(messages), latestIn: latestInbound, contactExternalId });
}

/**
 * After `sender`'s job ended a batch: the conversation's next waiting answers as a batch it sends
 * too, with the conversation's latest reply token read in the same statement. Nothing when none
 * wait, or when an earlier answer is unfinished outside them (another job claimed it a moment
 * ago: that job goes on in order after it).
 */
export async function claimNext(db: Db, sender: string, conversationId: string): Promise<{ batch: MessageRow[]; latest: LatestInbound | null }> {
  const rows = await prepareOnce(db, 'claimNext', () => claimNextStatement(db)).execute({ sender, conversationId });
  const batch = bySeq(rows.map(({ latestIn: _, ...m }) => m));
  return { batch, latest: rows[0]?.latestIn ?? null };
}

function claimNextStatement(db: Db) {
  const conversationId = sql.placeholder('conversationId');
  const candidates = db.$with('candidates').as(
    db
      .select({ id: messages.id, seq: messages.seq })
      .from(messages)
      .where(and(eq(messages.conversationId, conversationId), eq(messages.direction, 'out'), eq(messages.deliveryState, 'pending'), isNull(messages.deliveryBatch)))
      .orderBy(asc(messages.seq))
      .limit(BATCH_SIZE)
      .for('update'),
  );
  const first = sql`(select ${candidates.id} from ${candidates} order by ${candidates.seq} limit 1)`;
  const earlier = alias(messages, 'earlier');
  return db
    .with(candidates)
    .update(messages)
    .set({ deliveryBatch: first, deliverySender: sql`${sql.placeholder('sender')}`, ...sending })
    .where(
      and(
        inArray(messages.id, db.select({ id: candidates.id }).from(candidates)),
        not(
          exists(
            db
              .select({ id: earlier.id })
              .from(earlier)
              .where(
                and(
                  eq(earlier.conversationId, conversationId),
                  eq(earlier.direction, 'out'),
                  unfinished(earlier),
                  lt(earlier.seq, sql`(select min(${candidates.seq}) from ${candidates})`),
                  notInArray(earlier.id, db.select({ id: candidates.id }).from(candidates)),
                ),
              ),
          ),
        ),
      ),
    )
    .returning({ ...getTableColumns(messages), latestIn: latestInbound });
}

/** The conversation's oldest answer that no job has claimed yet, if any. */
export async function firstWaiting(db: Db, conversationId: string): Promise<string | null> {
  const [row] = await db
    .select({ id: messages.id })
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.direction, 'out'), eq(messages.deliveryState, 'pending'), isNull(messages.deliveryBatch)))
    .orderBy(asc(messages.seq))
    .limit(1);
  return row?.id ?? null;
}
