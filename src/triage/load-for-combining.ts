/**
 * What combining a conversation's triage needs, read in the statement that locks the conversation
 * row (one round trip instead of four: the lock, the earlier messages' kept results, the staff's
 * corrections and the last answer to the safety question, as JSON sub-selects): the parts to
 * combine and the judgements that stand over the text's triage (./standing.ts).
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../db/client';
import { conversations, corrections, messages, safetyChecks, staff, triageRuns, type Triage } from '../db/schema';
import type { Urgency } from '../contracts';
import type { StandingJudgements, TriagePart } from './standing';

interface Row {
  earlier: Array<{ at: string; kept: Triage | null; result: Triage }>;
  fixes: Array<{ field: string; after: unknown; at: string; by_name: string }>;
  answer: { answer: string | null; at: string } | null;
}

/** Locks the conversation (FOR UPDATE) and reads the other messages' results and the standing judgements; null when the conversation is gone. */
export async function lockAndLoadForCombining(tx: DbOrTx, conversationId: string, messageId: string): Promise<{ earlier: TriagePart[]; standing: StandingJudgements } | null> {
  const [raw] = await rowsOf<Record<keyof Row, unknown>>(tx, sql`
    select
      (select coalesce(json_agg(json_build_object('at', m.created_at, 'kept', r.message_triage, 'result', r.result) order by m.seq), '[]'::json)
         from ${messages} m join ${triageRuns} r on r.message_id = m.id
        where m.conversation_id = c.id and m.direction = 'in' and m.kind = 'text' and m.id <> ${messageId} and m.text ~ '[^[:space:]]') as earlier,
      (select coalesce(json_agg(x), '[]'::json) from (
         select f.field, f.after, f.at, s.name as by_name from ${corrections} f join ${staff} s on s.id = f.staff_id
          where f.conversation_id = c.id and f.field in ('urgency', 'categories') order by f.id desc limit 20) x) as fixes,
      (select json_build_object('answer', a.answer, 'at', a.at) from ${safetyChecks} a
        where a.conversation_id = c.id and a.event = 'answered' order by a.id desc limit 1) as answer
    from ${conversations} c where c.id = ${conversationId} for update of c`);
  if (!raw) return null;
  // node-postgres parses json columns; PGlite may hand them over as text
  const parse = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
  const row: Row = { earlier: parse(raw.earlier), fixes: parse(raw.fixes), answer: parse(raw.answer) };
  // a run from before per-message results were kept carries the conversation's result: a superset, still true
  const earlier = row.earlier.map((r) => ({ at: new Date(r.at), triage: r.kept ?? r.result }));
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
