/**
 * The safety question's ledger and its consequence. Asked when triage is unsure (risk band
 * `check`), at most once per conversation and local day (the municipality's time zone); each
 * asking and each answer is a row of `safety_checks`, in the turn's transaction. はい and わからない
 * make the conversation an emergency, exactly as triage's emergency does (src/safety/raise-crisis.ts).
 */
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { alias, type AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../db/client';
import { safetyChecks, type Triage } from '../db/schema';
import type { Channel, SafetyAnswer } from '../contracts';
import { localParts, type Municipality } from '../municipality';

/** Whether the question was already asked on the local date of `at`. */
export async function safetyAskedToday(db: DbOrTx, m: Municipality, conversationId: string, at: Date): Promise<boolean> {
  const [last] = await db
    .select({ at: safetyChecks.at })
    .from(safetyChecks)
    .where(and(eq(safetyChecks.conversationId, conversationId), eq(safetyChecks.event, 'asked')))
    .orderBy(desc(safetyChecks.id))
    .limit(1);
  return askedOnLocalDay(m, last?.at ?? null, at);
}

const asked = alias(safetyChecks, 'asked');

/**
 * When the question was last asked in the conversation `conversationId` names (a column of the
 * outer query), as a subquery read along with the message (src/queues/message-job.ts).
 */
export function lastSafetyAskedAt(conversationId: AnyPgColumn): SQL<Date | null> {
  return sql`(select ${asked}.${sql.identifier(safetyChecks.at.name)} from ${safetyChecks} as ${asked} where ${and(eq(asked.conversationId, conversationId), eq(asked.event, 'asked'))} order by ${asked}.${sql.identifier(safetyChecks.id.name)} desc limit 1)`.mapWith(
    safetyChecks.at,
  ) as SQL<Date | null>;
}

/** Whether `last` (the question's last asking) falls on the municipality's local date of `at`. */
export function askedOnLocalDay(m: Municipality, last: Date | null, at: Date): boolean {
  if (!last) return false;
  const a = localParts(last, m.timezone);
  const b = localParts(at, m.timezone);
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

export interface SafetyCheckInput {
  conversationId: string;
  agencyId: string;
  channel: Channel;
  /** The inbound message that led to asking, or that carried the answer. */
  messageId: string;
}

/** Appends a ledger row; a redelivered message adds nothing (unique per message and event). */
export async function recordSafetyCheck(db: DbOrTx, input: SafetyCheckInput & ({ event: 'asked' } | { event: 'answered'; answer: SafetyAnswer })) {
  await db
    .insert(safetyChecks)
    .values({ ...input, answer: input.event === 'answered' ? input.answer : null })
    .onConflictDoNothing();
}

const ANSWER_REASON: Record<Exclude<SafetyAnswer, 'no'>, string> = {
  yes: '安全確認の質問に「はい」（いま命に危険がある）と回答',
  unsure: '安全確認の質問に「わからない」と回答',
};

/** The conversation's triage once the person answered はい / わからない: an emergency, band `crisis`. */
export function crisisTriage(triage: Triage | null, answer: Exclude<SafetyAnswer, 'no'>): Triage {
  const base: Triage = triage ?? { categories: ['other'], urgency: 'emergency', reporter: 'unknown', reasons: [] };
  return {
    ...base,
    urgency: 'emergency',
    reasons: [...base.reasons, ANSWER_REASON[answer]],
    // The score stays triage's own estimate; the band says what the person told us.
    risk: { score: base.risk?.score ?? 0, band: 'crisis' },
  };
}
