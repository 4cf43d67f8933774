/** Reads the judgements that stand over a conversation's text triage (see ./standing.ts). */
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { corrections, safetyChecks, staff } from '../db/schema';
import type { Urgency } from '../contracts';
import type { StandingJudgements } from './standing';

export async function loadStandingJudgements(tx: DbOrTx, conversationId: string): Promise<StandingJudgements> {
  const fixes = await tx
    .select({ field: corrections.field, after: corrections.after, at: corrections.at, by: staff.name })
    .from(corrections)
    .innerJoin(staff, eq(staff.id, corrections.staffId))
    .where(and(eq(corrections.conversationId, conversationId), inArray(corrections.field, ['urgency', 'categories'])))
    .orderBy(desc(corrections.id))
    .limit(20);
  const urgency = fixes.find((f) => f.field === 'urgency');
  const categories = fixes.find((f) => f.field === 'categories');
  const latest = fixes[0];
  const [answer] = await tx
    .select({ answer: safetyChecks.answer, at: safetyChecks.at })
    .from(safetyChecks)
    .where(and(eq(safetyChecks.conversationId, conversationId), eq(safetyChecks.event, 'answered')))
    .orderBy(desc(safetyChecks.id))
    .limit(1);
  return {
    ...(latest
      ? {
          correction: {
            at: latest.at,
            by: latest.by,
            ...(urgency ? { urgency: urgency.after as Urgency } : {}),
            ...(categories ? { categories: categories.after as string[] } : {}),
          },
        }
      : {}),
    ...(answer && answer.answer && answer.answer !== 'no' ? { danger: { at: answer.at, answer: answer.answer } } : {}),
  };
}
