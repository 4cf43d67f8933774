/**
 * Every move of the case state machine, allowed and refused. The expected table is written out
 * here by hand (not derived from the module), one row per `from` stage:
 *   F forward (no reason needed)   B back or sideways (reason needed)   C close (reason needed)
 *   . refused: 409 invalid_transition
 */
import { CASE_STAGES, type CaseStage } from '../../../src/contracts/enums';
import { checkMove, moveKind, nextStages } from '../../../src/cases/stages';

//                 to: intake assessment referral coordination planning support monitoring closed
const EXPECTED: Record<CaseStage, string> = {
  intake: '.F.....C',
  assessment: 'B.FF...C',
  referral: 'BB.BF..C',
  coordination: 'BBB.F..C',
  planning: 'BBBB.F.C',
  support: 'BBBBB.FC',
  monitoring: 'BBBBBB.C',
  closed: 'BBBBBBB.',
};

const cases = CASE_STAGES.flatMap((from) => CASE_STAGES.map((to, i) => ({ from, to, mark: EXPECTED[from][i] })));

describe('case stages', () => {
  it('has a row and a column for every stage', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...CASE_STAGES].sort());
    for (const row of Object.values(EXPECTED)) expect(row).toHaveLength(CASE_STAGES.length);
  });

  it.each(cases.filter((c) => c.mark === '.'))('refuses $from → $to (invalid_transition), even with a reason and a decision', ({ from, to }) => {
    expect(moveKind(from, to)).toBeNull();
    expect(checkMove(from, to, { reason: '理由', coordinated: true, closingDecision: true })).toEqual({ ok: false, code: 'invalid_transition' });
  });

  it.each(cases.filter((c) => c.mark === 'F'))('allows $from → $to forward without a reason', ({ from, to }) => {
    expect(checkMove(from, to, { coordinated: false, closingDecision: false })).toEqual({ ok: true, kind: 'forward' });
  });

  it.each(cases.filter((c) => c.mark === 'B'))('allows $from → $to back only with a reason', ({ from, to }) => {
    expect(checkMove(from, to, { coordinated: false, closingDecision: false })).toEqual({ ok: false, code: 'reason_required' });
    expect(checkMove(from, to, { reason: '   ', coordinated: false, closingDecision: false })).toEqual({ ok: false, code: 'reason_required' });
    expect(checkMove(from, to, { reason: '本人の状況が変わった', coordinated: false, closingDecision: false })).toEqual({ ok: true, kind: 'back' });
  });

  it.each(cases.filter((c) => c.mark === 'C'))('closes $from → $to only with a reason', ({ from, to }) => {
    expect(checkMove(from, to, { coordinated: false, closingDecision: false })).toEqual({ ok: false, code: 'reason_required' });
    const withReason = checkMove(from, to, { reason: '転居', coordinated: false, closingDecision: false });
    expect(withReason).toEqual(from === 'coordination' ? { ok: false, code: 'meeting_decision_required' } : { ok: true, kind: 'close' });
  });

  it.each(cases.filter((c) => c.mark === 'C'))('closes a coordination case from $from only on a meeting decision', ({ from, to }) => {
    expect(checkMove(from, to, { reason: '目標達成', coordinated: true, closingDecision: false })).toEqual({ ok: false, code: 'meeting_decision_required' });
    expect(checkMove(from, to, { reason: '目標達成', coordinated: true, closingDecision: true })).toEqual({ ok: true, kind: 'close' });
  });

  it.each(CASE_STAGES)('offers from %s exactly the allowed moves', (from) => {
    const allowed = CASE_STAGES.filter((_, i) => EXPECTED[from][i] !== '.');
    expect(nextStages(from)).toEqual(allowed);
  });
});
