/** Household patterns shown on a case: 8050, ダブルケア, ヤングケアラー. */
import { householdPatterns } from '../../../src/presenters/case';

type M = Parameters<typeof householdPatterns>[0][number];
const m = (relationship: M['relationship'], ageBand: M['ageBand'], needs: M['needs']): M =>
  ({ id: '00000000-0000-0000-0000-000000000000', caseId: 'c', relationship, name: null, description: null, ageBand, needs, createdAt: new Date() }) as M;

describe('household patterns', () => {
  it('8050: an elderly parent and a withdrawn adult child', () => {
    expect(householdPatterns([m('self', '40-64', ['hikikomori']), m('parent', '75plus', ['elderly'])])).toEqual(['8050']);
  });
  it('ダブルケア: an adult carer with a child and an elderly member', () => {
    expect(householdPatterns([m('self', '18-39', ['carer']), m('child', 'under18', []), m('parent', '75plus', ['elderly'])])).toEqual(['double_care']);
  });
  it('ヤングケアラー: a carer under 18', () => {
    expect(householdPatterns([m('child', 'under18', ['carer']), m('parent', '40-64', ['disability'])])).toEqual(['young_carer']);
  });
  it('none for a household without those needs', () => {
    expect(householdPatterns([m('self', '18-39', ['poverty']), m('child', 'under18', ['child'])])).toEqual([]);
  });
});
