/**
 * A bare answer to the bot's question does not put a conversation in the `check` lane; anything
 * more than an answer, another step, or a crisis is left as triage found it.
 */
import { createClassifier, type Classifier } from '../../../src/triage';
import { isBareAnswer, settleAnswer } from '../../../src/triage/answer-to-question';
import type { Triage } from '../../../src/db/schema';

const check: Triage = { categories: ['other'], urgency: 'low', reporter: 'self', reasons: ['r'], risk: { score: 0.25, band: 'check' } };

test('bare answers at the question they answer', () => {
  for (const t of ['自分のことです', '自分のこと', '家族のことです', '母のことです。', '近所の人のことです', 'Myself', 'my mother']) expect({ t, bare: isBareAnswer('askSubject', t) }).toEqual({ t, bare: true });
  for (const t of ['はい', 'いいえ', 'あとで', 'はい、お願いします', 'OK', 'later']) expect({ t, bare: isBareAnswer('askContact', t) }).toEqual({ t, bare: true });
});

test('not bare: a story, a danger, another step', () => {
  for (const t of ['母が倒れた', '自分のことです。もう限界で', '家族のことですが、夫が包丁を持っていて']) expect({ t, bare: isBareAnswer('askSubject', t) }).toEqual({ t, bare: false });
  expect(isBareAnswer('askContact', 'はい、でももう死にたい')).toBe(false);
  expect(isBareAnswer('done', '自分のことです')).toBe(false);
  expect(isBareAnswer(undefined, 'はい')).toBe(false);
  expect(isBareAnswer('askSafety', 'はい')).toBe(false); // the dialogue itself acts on the safety answer
});

test('only `check` is cleared, with a reason; crisis and clear stand', () => {
  const settled = settleAnswer(check, 'askSubject', '自分のことです');
  expect(settled.risk).toEqual({ score: 0.25, band: 'clear' });
  expect(settled.reasons.at(-1)).toContain('ボットの質問への答え');
  const crisis: Triage = { ...check, urgency: 'emergency', risk: { score: 0.9, band: 'crisis' } };
  expect(settleAnswer(crisis, 'askSubject', '自分のことです')).toBe(crisis);
  expect(settleAnswer(check, 'askSubject', '母が倒れた')).toBe(check);
});

describe('with the committed model', () => {
  let c: Classifier;
  beforeAll(async () => {
    c = await createClassifier();
  });
  // Engine 2d956fc883bf put these in `check` by itself (0.25 against 0.088), which is why the rule
  // exists; the engine trained with more writers gives them about 0.05. The rule stays as a guard
  // for the next retrain; its own effect is tested above on a `check` result.
  test('bare answers end up `clear` at their question, whatever the model alone says', () => {
    for (const t of ['自分のことです', '家族のことです', '母のことです', 'はい']) {
      const step = t === 'はい' ? 'askContact' : 'askSubject';
      expect({ t, band: settleAnswer(c.classify(t), step, t).risk?.band }).toEqual({ t, band: 'clear' });
    }
  });
});
