/**
 * Judgements that stand over what the text alone says. Triage recombines a conversation on every
 * new message; without this, the next 「ありがとう」 would silently undo:
 *
 * - a staff member's correction (urgency, categories): it holds for everything written before it,
 *   and later words are judged anew (a new crisis after a downgrade still alerts);
 * - the person's own answer to the safety question (はい / わからない: "I am in danger now"): the
 *   conversation stays an emergency until a staff member corrects it.
 *
 * Pure: the worker loads the parts and the standing judgements, this combines them.
 */
import type { Triage } from '../db/schema';
import type { SafetyAnswer, Urgency } from '../contracts';
import { combineTriage } from './combine';
import { crisisTriage } from '../safety/safety-question';

export interface TriagePart {
  /** When the message was written (stored). */
  at: Date;
  triage: Triage;
}

export interface StandingJudgements {
  /** The latest staff correction of urgency and/or categories, with the time of the later one. */
  correction?: { at: Date; by: string; urgency?: Urgency; categories?: string[] };
  /** The latest はい / わからない to the safety question. */
  danger?: { at: Date; answer: Exclude<SafetyAnswer, 'no'> };
}

export function combineWithStanding(parts: TriagePart[], standing: StandingJudgements): Triage | null {
  const { correction, danger } = standing;
  let results = parts.map((p) => p.triage);
  if (correction) {
    const before = parts.filter((p) => p.at <= correction.at).map((p) => p.triage);
    const base = before.length > 0 ? combineTriage(before) : null;
    if (base || correction.urgency || correction.categories) {
      const held: Triage = {
        ...(base ?? { categories: ['other'], urgency: 'normal', reporter: 'unknown', reasons: [] }),
        ...(correction.urgency ? { urgency: correction.urgency } : {}),
        ...(correction.categories ? { categories: correction.categories } : {}),
      };
      const what = [correction.urgency && `urgency → ${correction.urgency}`, correction.categories && `categories → ${correction.categories.join(', ')}`].filter(Boolean);
      held.reasons = [...held.reasons, `職員による修正 (${correction.by}): ${what.join('; ')}`];
      results = [held, ...parts.filter((p) => p.at > correction.at).map((p) => p.triage)];
    }
  }
  if (results.length === 0 && !danger) return null;
  const combined = results.length > 0 ? combineTriage(results) : null;
  if (danger && (!correction || danger.at > correction.at)) return crisisTriage(combined, danger.answer);
  return combined;
}
