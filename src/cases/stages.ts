/**
 * The case stages as an explicit state machine (pure: no database). Forward moves follow the
 * workflow 受付 → アセスメント → つなぎ | 多機関協働 → 支援プラン → 支援実施 → モニタリング → 終結.
 * Anything else a person may decide — going back a step or more, switching between つなぎ and
 * 多機関協働, reopening a closed case — is allowed only with a reason, so the timeline says why.
 * Closing (from any open stage) needs a reason, and a case that went through 多機関協働 closes
 * only on a meeting's decision (終結 is decided in a meeting).
 */
import { CASE_STAGES, type CaseStage } from '../contracts/enums';
import type { ErrorCode } from '../errors';

/** The forward moves; everything else is a move back, sideways, a closure, or refused. */
export const FORWARD: Readonly<Record<CaseStage, readonly CaseStage[]>> = {
  intake: ['assessment'],
  assessment: ['referral', 'coordination'],
  referral: ['planning'],
  coordination: ['planning'],
  planning: ['support'],
  support: ['monitoring'],
  monitoring: ['closed'],
  closed: [],
};

/** Position in the workflow: つなぎ and 多機関協働 are the same step, two ways. */
const RANK: Readonly<Record<CaseStage, number>> = {
  intake: 0,
  assessment: 1,
  referral: 2,
  coordination: 2,
  planning: 3,
  support: 4,
  monitoring: 5,
  closed: 6,
};

export type MoveKind = 'forward' | 'back' | 'close';

export interface MoveContext {
  reason?: string | null;
  /** The case is or was in `coordination` (a 多機関協働 case). */
  coordinated: boolean;
  /** A meeting decided to close this case (checked by the caller against the meeting named). */
  closingDecision: boolean;
}

export type MoveResult = { ok: true; kind: MoveKind } | { ok: false; code: Extract<ErrorCode, 'invalid_transition' | 'reason_required' | 'meeting_decision_required'> };

/** The kind of move from → to, or null when the machine has no such move (a refused move). */
export function moveKind(from: CaseStage, to: CaseStage): MoveKind | null {
  if (from === to) return null;
  if (to === 'closed') return 'close';
  if (FORWARD[from].includes(to)) return 'forward';
  if (RANK[to] <= RANK[from]) return 'back';
  return null;
}

/** Whether a move is allowed, and what it still needs (a reason, a meeting's decision). */
export function checkMove(from: CaseStage, to: CaseStage, ctx: MoveContext): MoveResult {
  const kind = moveKind(from, to);
  if (!kind) return { ok: false, code: 'invalid_transition' };
  const hasReason = typeof ctx.reason === 'string' && ctx.reason.trim().length > 0;
  if ((kind === 'back' || kind === 'close') && !hasReason) return { ok: false, code: 'reason_required' };
  if (kind === 'close' && (ctx.coordinated || from === 'coordination') && !ctx.closingDecision) return { ok: false, code: 'meeting_decision_required' };
  return { ok: true, kind };
}

/** The stages a case at `from` may move to (for the inbox's buttons). */
export const nextStages = (from: CaseStage): CaseStage[] => CASE_STAGES.filter((to) => moveKind(from, to) !== null);
