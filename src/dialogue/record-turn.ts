/**
 * Stores one turn of the front-door conversation (workers/dialogue.ts): the message claimed
 * (`dialoguedAt`: a concurrent run of the same job must not act twice), the conversation's new
 * state, the turn's records and the bot's replies — all or none.
 *
 * An ordinary turn (no consent, safety or crisis records to write) is one statement without a
 * transaction (issue 13: a turn was 4 round trips on Postgres, BEGIN and COMMIT included). A turn
 * with records takes a transaction, as they are written by their own modules.
 *
 * Given triage's result for the message (run in its triage job: src/triage/record-result.ts),
 * the same statement or transaction writes it too, only if the conversation row is still the
 * version the job loaded (src/triage/write-triage.ts): otherwise nothing at all, and triage
 * combines again under the row's lock before the turn is worked out anew.
 *
 * Either way the conversation is updated only if the claim held; the update locks the row and
 * returns it as it now stands. A counsellor may have answered since the turn was worked out:
 * then the bot says nothing (the person's answers are still recorded). The row lock orders this
 * against the counsellor's reply.
 */
import { and, eq, getTableColumns, isNull, sql, type Placeholder, type SQL, type WithSubquery } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Context } from '../context';
import type { Db, DbOrTx } from '../db/client';
import { prepareOnce } from '../db/prepare-once';
import { conversations, messages, triageRuns } from '../db/schema';
import { runKept, triageParams, updatedIfUnchanged, type TriageToWrite } from '../triage/write-triage';
import { insertOutbound, outboundValues, type MessageRow, type OutboundDraft } from '../messages/write-outbound';
import { recordConsent, withdrawConsent } from '../consent/record';
import { recordSafetyCheck } from '../safety/safety-question';
import { raiseCrisis, type RaisedCrisis } from '../safety/raise-crisis';
import type { Lang } from './texts';
import type { TurnOutput } from './machine';

type ConversationRow = typeof conversations.$inferSelect;

export interface TurnToStore {
  message: { id: string };
  /** The conversation as loaded when the turn was worked out. */
  conversation: ConversationRow;
  turn: TurnOutput;
  /** What the turn changes on the conversation. */
  set: Partial<typeof conversations.$inferInsert>;
  /** はい / わからない to the safety question: the crisis is raised with the turn. */
  danger: 'yes' | 'unsure' | null;
  lang: Lang;
  at: Date;
  /**
   * Triage's result for this message, not yet written: written with the turn, and everything only
   * if the conversation row is still the version loaded (`updated` null otherwise: nothing written).
   */
  triage?: TriageToWrite;
}

/** `updated` null: the message was handled already (another run claimed it). */
export interface StoredTurn {
  replies: MessageRow[];
  updated: ConversationRow | null;
  crisis: RaisedCrisis | null;
}

/** Effects written only on the conversation row; every other kind is a record of its own. */
const ON_THE_ROW = new Set(['subject', 'anonymous']);

export function recordTurn(ctx: Context, input: TurnToStore): Promise<StoredTurn> {
  const ordinary = !input.danger && input.turn.effects.every((e) => ON_THE_ROW.has(e.type));
  return ordinary ? recordAtOnce(ctx, input) : recordInTransaction(ctx, input);
}

/**
 * The claim, the conversation's update and the replies: one statement, built once per shape (the
 * fields the turn sets, how many replies, whether staff were engaged at the load) and prepared
 * (src/db/prepare-once.ts): drizzle took longer to build it than Postgres to run it.
 */
async function recordAtOnce(ctx: Context, { message, conversation, turn, set, triage }: TurnToStore): Promise<StoredTurn> {
  const { db } = ctx;
  const fields = (Object.keys(set) as (keyof typeof set)[]).filter((f) => set[f] !== undefined).sort();
  const replies = botDrafts(turn).map((d) => outboundValues(conversation, d));
  // every reply has the same fields (outboundValues)
  const replyFields = replies.length > 0 ? (Object.keys(replies[0]) as ReplyField[]) : [];
  const staffKnown = Boolean(conversation.staffEngagedAt);
  const shape = { fields, replyCount: replies.length, replyFields, staffKnown };
  const statement = triage
    ? prepareOnce(db, `turn+triage:${fields.join(',')}:${replies.length}:${staffKnown}`, () => turnWithTriageStatement(db, shape))
    : prepareOnce(db, `turn:${fields.join(',')}:${replies.length}:${staffKnown}`, () => turnStatement(db, shape));
  const rows = await statement.execute({
    ...(triage ? triageParams(triage, message.id, conversation.id) : {}),
    messageId: message.id,
    conversationId: conversation.id,
    dialoguedAt: new Date().toISOString(),
    ...Object.fromEntries(fields.map((f) => [`set_${f}`, set[f]])),
    ...Object.fromEntries(replies.flatMap((r, i) => Object.entries(r).map(([k, v]) => [`reply${i}_${k}`, v]))),
  });
  if (rows.length === 0) return { replies: [], updated: null, crisis: null };
  const out = rows.flatMap((r) => (r.reply ? [r.reply] : [])).sort((a, b) => a.seq - b.seq);
  return { replies: out, updated: rows[0].conversation, crisis: null };
}

/** What a turn's statement is built for: the fields it sets on the conversation, its replies, whether staff were engaged at the load. */
interface TurnShape {
  fields: (keyof ConversationInsert)[];
  replyCount: number;
  replyFields: ReplyField[];
  staffKnown: boolean;
}

const setFields = (fields: TurnShape['fields']) => Object.fromEntries(fields.map((f) => [f, sql.placeholder(`set_${f}`)]));

function turnStatement(db: Db, shape: TurnShape) {
  const claimed = claim(db, sql.placeholder('messageId'), sql`${sql.placeholder('dialoguedAt')}::timestamptz`);
  const updated = db.$with('updated').as(db.update(conversations).set(setFields(shape.fields)).where(claimedFor(claimed, sql.placeholder('conversationId'))).returning());
  return withReplies(db, shape, [claimed, updated], updated);
}

/**
 * The turn with triage's write (src/triage/write-triage.ts): the conversation row written only if
 * it is still the version loaded — every earlier run of this message's turn or triage raised it —
 * and then the message marked triaged and handled, the run kept and the replies written.
 */
function turnWithTriageStatement(db: Db, shape: TurnShape) {
  const updated = updatedIfUnchanged(db, setFields(shape.fields));
  const marked = db.$with('marked').as(
    db
      .update(messages)
      .set({ triagedAt: sql`${sql.placeholder('triagedAt')}::timestamptz`, dialoguedAt: sql`${sql.placeholder('dialoguedAt')}::timestamptz` })
      .from(updated)
      .where(and(eq(messages.id, sql.placeholder('messageId')), isNull(messages.dialoguedAt)))
      .returning({ id: messages.id }),
  );
  // the replies only with the mark (the version already implies it: every turn raises it)
  return withReplies(db, shape, [updated, marked, runKept(db, updated)], updated, sql`exists (select 1 from ${marked})`);
}

/** The conversation as updated, with the replies written (one row each), given the statement's other CTEs. */
function withReplies(db: Db, { replyCount, replyFields, staffKnown }: TurnShape, ctes: WithSubquery[], updated: ReturnType<typeof updatedIfUnchanged>, also = sql`true`) {
  // Staff arrived since the load (not engaged then, engaged now): no replies.
  const staffAbsent = staffKnown ? sql`true` : sql`u.${sql.identifier(conversations.staffEngagedAt.name)} is null`;
  const replies = db.$with('replies', getTableColumns(messages)).as(replyCount === 0 ? noneInserted() : insertReplies(replyCount, replyFields, sql`${staffAbsent} and ${also}`));
  return db
    .with(...ctes, replies)
    .select({ conversation: fieldsOf(updated, conversations), reply: fieldsOf(replies, messages) })
    .from(updated)
    .leftJoin(replies, sql`true`);
}

type ConversationInsert = typeof conversations.$inferInsert;
type ReplyField = keyof ReturnType<typeof outboundValues>;

/** The conversation's row, only if the claim held. */
const claimedFor = (claimed: ReturnType<typeof claim>, conversationId: string | Placeholder) => and(eq(conversations.id, conversationId), sql`exists (select 1 from ${claimed})`);

const botDrafts = (turn: TurnOutput): OutboundDraft[] => turn.replies.map((r) => ({ text: r.text, authorType: 'bot', buttons: r.buttons }));

/** A CTE's columns named as the table's (drizzle selects a CTE given whole as one scalar subquery). */
function fieldsOf<T extends PgTable>(cte: object, table: T): T['_']['columns'] {
  const byName = cte as Record<string, unknown>;
  return Object.fromEntries(Object.keys(getTableColumns(table)).map((k) => [k, byName[k]])) as T['_']['columns'];
}

function claim(db: DbOrTx, messageId: string | Placeholder, at: Date | SQL, also: { triagedAt?: Date } = {}) {
  return db.$with('claimed').as(
    db
      .update(messages)
      .set({ dialoguedAt: at, ...also })
      .where(and(eq(messages.id, messageId), isNull(messages.dialoguedAt)))
      .returning({ id: messages.id }),
  );
}

/**
 * The bot's replies (`replyCount` of them), each row as insertOutbound writes it
 * (`outboundValues`: placeholders `reply<i>_<field>`), in the turn's order (`seq`), only if the
 * conversation was updated (`u`) and `when` holds for it.
 */
function insertReplies(replyCount: number, keys: ReplyField[], when: SQL): SQL {
  const names = sql.join(keys.map((k) => sql.identifier(messages[k].name)), sql`, `);
  // typed in place: a VALUES list's parameters would otherwise be text
  const values = Array.from({ length: replyCount }, (_, i) => sql`(${sql.raw(String(i))}::int, ${sql.join(keys.map((k) => sql`${sql.param(sql.placeholder(`reply${i}_${k}`), messages[k])}::${sql.raw(messages[k].getSQLType())}`), sql`, `)})`);
  return sql`insert into ${messages} (${names})
    select ${names} from (values ${sql.join(values, sql`, `)}) as d(ord, ${names})
    where exists (select 1 from ${sql.identifier('updated')} as u where ${when})
    order by d.ord
    returning *`;
}

/** A turn without replies: the same shape, no row. */
function noneInserted(): SQL {
  return sql`select * from ${messages} where false`;
}

/** A turn with records of its own (consent, safety question, crisis): one transaction. */
async function recordInTransaction(ctx: Context, input: TurnToStore): Promise<StoredTurn> {
  return ctx.db.transaction((tx) => inTransaction(ctx, tx, input)).catch((err: unknown) => {
    if (err instanceof ConversationChanged) return { replies: [], updated: null, crisis: null };
    throw err;
  });
}

/** With triage's write folded in: the row is not the version loaded; thrown to undo the claim. */
class ConversationChanged extends Error {}

async function inTransaction(ctx: Context, tx: DbOrTx, { message, conversation, turn, set, danger, lang, at, triage }: TurnToStore): Promise<StoredTurn> {
  const now = new Date();
  const claimed = claim(tx, message.id, now, triage ? { triagedAt: now } : {});
  const [updated] = await tx
    .with(claimed)
    .update(conversations)
    // the turn's own triage (はい / わからない) stands over triage's result
    .set(triage ? { triage: triage.result, ...set } : set)
    .where(and(claimedFor(claimed, conversation.id), triage ? eq(conversations.version, triage.version) : undefined))
    .returning();
  if (!updated && triage) throw new ConversationChanged();
  if (!updated) return { replies: [], updated: null, crisis: null };
  if (triage) await tx.insert(triageRuns).values({ messageId: message.id, conversationId: conversation.id, engine: triage.engine, result: triage.result, messageTriage: triage.own }).onConflictDoNothing();
  const base = { conversationId: conversation.id, agencyId: conversation.agencyId, channel: conversation.channel, by: 'person' as const, messageId: message.id };
  const ledger = { conversationId: conversation.id, agencyId: conversation.agencyId, channel: conversation.channel, messageId: message.id };
  for (const effect of turn.effects) {
    if (effect.type === 'consent') await recordConsent(tx, { ...base, scope: effect.scope, answer: effect.answer });
    if (effect.type === 'withdraw') await withdrawConsent(tx, base, effect.scopes);
    if (effect.type === 'safetyAsked') await recordSafetyCheck(tx, { ...ledger, event: 'asked' });
    if (effect.type === 'safetyAnswer') await recordSafetyCheck(tx, { ...ledger, event: 'answered', answer: effect.answer });
  }
  const staffArrived = !conversation.staffEngagedAt && Boolean(updated.staffEngagedAt);
  let crisis: RaisedCrisis | null = null;
  if (danger) {
    const { categories, reasons } = updated.triage!;
    crisis = await raiseCrisis(ctx, tx, { conversation: updated, messageId: message.id, lang, categories, reasons, at });
  }
  const replies = staffArrived ? [] : await insertOutbound(tx, conversation, botDrafts(turn));
  return { replies, updated, crisis };
}
