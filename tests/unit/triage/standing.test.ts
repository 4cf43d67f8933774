/**
 * Judgements that stand: a staff correction and the person's "yes, I am in danger" survive the
 * recombination that every new message triggers; words written after a correction are judged anew.
 */
import type { Triage } from '../../../src/db/schema';
import { combineWithStanding, type TriagePart } from '../../../src/triage/standing';

const t = (urgency: Triage['urgency'], categories: string[], reasons: string[] = []): Triage => ({ urgency, categories, reporter: 'self', reasons });
const at = (min: number) => new Date(Date.UTC(2026, 11, 5, 2, min));

const calm: TriagePart[] = [
  { at: at(0), triage: t('normal', ['poverty'], ['家賃']) },
  { at: at(5), triage: t('low', ['other'], ['お礼']) },
];

test('without standing judgements it is the plain combination', () => {
  expect(combineWithStanding(calm, {})).toMatchObject({ urgency: 'normal', categories: ['poverty'] });
  expect(combineWithStanding([], {})).toBeNull();
});

test("the person's はい to the safety question keeps the conversation an emergency after a calm next message", () => {
  const r = combineWithStanding(calm, { danger: { at: at(2), answer: 'yes' } })!;
  expect(r.urgency).toBe('emergency');
  expect(r.risk?.band).toBe('crisis');
  expect(r.categories).toEqual(['poverty']);
});

test('a staff downgrade holds over what came before it', () => {
  const parts: TriagePart[] = [{ at: at(0), triage: t('emergency', ['suicide'], ['危険']) }, ...calm.slice(1)];
  const r = combineWithStanding(parts, { correction: { at: at(3), by: '相談員 花子', urgency: 'high' } })!;
  expect(r.urgency).toBe('high');
  expect(r.reasons).toContain('危険');
  expect(r.reasons).toContain('職員による修正 (相談員 花子): urgency → high');
});

test('new words after a correction are judged anew: a later crisis still raises the urgency', () => {
  const parts: TriagePart[] = [...calm, { at: at(10), triage: t('emergency', ['suicide']) }];
  const r = combineWithStanding(parts, { correction: { at: at(6), by: 'x', urgency: 'low', categories: ['other'] } })!;
  expect(r.urgency).toBe('emergency');
  expect(r.categories[0]).toBe('suicide');
});

test('a staff correction after the safety answer wins over it; one before it does not', () => {
  const after = combineWithStanding(calm, { danger: { at: at(1), answer: 'unsure' }, correction: { at: at(4), by: 'x', urgency: 'normal' } })!;
  expect(after.urgency).toBe('normal');
  const before = combineWithStanding(calm, { danger: { at: at(4), answer: 'yes' }, correction: { at: at(1), by: 'x', urgency: 'low' } })!;
  expect(before.urgency).toBe('emergency');
});

test('corrected categories replace the earlier ones', () => {
  const r = combineWithStanding(calm, { correction: { at: at(6), by: 'x', categories: ['housing', 'debt'] } })!;
  expect(r.categories).toEqual(['housing', 'debt']);
});
