/**
 * What combining a conversation's triage needs, as JSON sub-selects in one statement (the earlier
 * messages' kept results, the staff's corrections and the last answer to the safety question):
 * the parts to combine and the judgements that stand over the text's triage (./standing.ts).
 * Read with the triage job's load, or in the statement that locks the conversation row.
 *
 * With the load, where no judgement stands (no correction, no answer to the safety question: most
 * conversations), the earlier messages are not read at all: the conversation's result, read in
 * the same statement, is already all of them combined, and combining is a fold
 * (tests/unit/triage/combine-fold.test.ts), so it is one part (issue 13: a row per earlier
 * message made every message of a long conversation slower than the one before). A judgement
 * splits the parts by time, so then each earlier message is read, as under the lock always.
 */
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../db/client';
import { conversations, corrections, messages, safetyChecks, staff, triageRuns, type Triage } from '../db/schema';
import type { Urgency } from '../contracts';
import type { StandingJudgements, TriagePart } from './standing';

interface Row {
  /** Null: not read (./load-for-combining.ts header). */
  earlier: Array<{ at: string; kept: Triage | null; result: Triage | null }> | null;
  fixes: Array<{ field: string; after: unknown; at: string; by_name: string }>;
  answer: { answer: string | null; at: string } | null;
}

/**
 * What combining reads, as scalar sub-selects on the conversation row (`conversations`) and the
 * message being triaged. `earlier` is null when `whole` is false and no judgement stands.
 */
function combiningSelects(messageId: SQL, whole: boolean) {
  const standing = sql`exists (select 1 from ${corrections} f where f.conversation_id = ${conversations.id} and f.field in ('urgency', 'categories'))
        or exists (select 1 from ${safetyChecks} a where a.conversation_id = ${conversations.id} and a.event = 'answered')`;
  const earlier = sql`(select coalesce(json_agg(json_build_object('at', m.created_at, 'kept', r.message_triage, 'result', case when r.message_triage is null then r.result end) order by m.seq), '[]'::json)
         from ${messages} m join ${triageRuns} r on r.message_id = m.id
        where m.conversation_id = ${conversations.id} and m.direction = 'in' and m.kind = 'text' and m.id <> ${messageId} and m.text ~ '[^[:space:]]')`;
  return {
    // a run's `result` is the conversation's as that message left it (every reason so far): read
    // for each earlier message it grew with the square of the conversation; only a run from
    // before each message's own result was kept needs it (issue 13: the bench's 400/s, thrice)
    earlier: whole ? sql<unknown>`${earlier}` : sql<unknown>`case when ${standing} then ${earlier} end`,
    fixes: sql<unknown>`(select coalesce(json_agg(x), '[]'::json) from (
         select f.field, f.after, f.at, s.name as by_name from ${corrections} f join ${staff} s on s.id = f.staff_id
          where f.conversation_id = ${conversations.id} and f.field in ('urgency', 'categories') order by f.id desc limit 20) x)`,
    answer: sql<unknown>`(select json_build_object('answer', a.answer, 'at', a.at) from ${safetyChecks} a
        where a.conversation_id = ${conversations.id} and a.event = 'answered' order by a.id desc limit 1)`,
  };
}

export type ForCombining = { earlier: TriagePart[]; standing: StandingJudgements };

/**
 * Read with the triage job's load (src/queues/message-job.ts `extras`), without a lock: what
 * combining needs, in the statement that reads the conversation row and its `version` (raised by
 * every update). Written back only if the row is still that version (./record-result.ts);
 * otherwise triage combines again under the row's lock.
 */
export const combiningExtras = combiningSelects(sql`${messages.id}`, false);

/**
 * `conversation`: the row read in the same statement, whose result stands for the earlier messages
 * when they were not read. Undefined (combine under the lock instead) should a judgement that
 * splits the parts stand all the same, which one statement's snapshot rules out: a guard.
 */
export function combiningFromExtras(extras: { [K in keyof typeof combiningExtras]: unknown }, conversation: { triage: Triage | null }): ForCombining | undefined {
  const read = fromRow(extras);
  if (read.earlier) return { earlier: read.earlier, standing: read.standing };
  if (read.standing.correction || read.standing.danger) return undefined;
  // (a part's time only matters against a correction's, and none stands)
  return { earlier: conversation.triage ? [{ at: new Date(0), triage: conversation.triage }] : [], standing: read.standing };
}

/** Locks the conversation (FOR UPDATE) and reads the other messages' results and the standing judgements; null when the conversation is gone. */
export async function lockAndLoadForCombining(tx: DbOrTx, conversationId: string, messageId: string): Promise<ForCombining | null> {
  const q = combiningSelects(sql`${messageId}`, true);
  const [raw] = await rowsOf<Record<keyof Row, unknown>>(
    tx,
    sql`select ${q.earlier} as earlier, ${q.fixes} as fixes, ${q.answer} as answer from ${conversations} where ${conversations.id} = ${conversationId} for update`,
  );
  if (!raw) return null;
  const { earlier, standing } = fromRow(raw);
  return { earlier: earlier!, standing }; // read whole: never null
}

function fromRow(raw: Record<keyof Row, unknown>): { earlier: TriagePart[] | null; standing: StandingJudgements } {
  // node-postgres parses json columns; PGlite may hand them over as text
  const parse = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
  const row: Row = { earlier: parse(raw.earlier), fixes: parse(raw.fixes), answer: parse(raw.answer) };
  // a run from before per-message results were kept carries the conversation's result: a superset, still true
  const earlier = row.earlier && row.earlier.map((r) => ({ at: new Date(r.at), triage: (r.kept ?? r.result)! }));
  return { earlier, standing: standingFrom(row) };
}

function standingFrom({ fixes, answer }: Pick<Row, 'fixes' | 'answer'>): StandingJudgements {
  const urgency = fixes.find((f) => f.field === 'urgency');
  const categories = fixes.find((f) => f.field === 'categories');
  const latest = fixes[0];
  return {
    ...(latest
      ? {
          correction: {
            at: new Date(latest.at),
            by: latest.by_name,
            ...(urgency ? { urgency: urgency.after as Urgency } : {}),
            ...(categories ? { categories: categories.after as string[] } : {}),
          },
        }
      : {}),
    ...(answer && answer.answer && answer.answer !== 'no' ? { danger: { at: new Date(answer.at), answer: answer.answer as 'yes' | 'unsure' } } : {}),
  };
}
