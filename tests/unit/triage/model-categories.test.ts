/**
 * Categories the learned model adds stay conservative (issue 10): `foreign` needs a sign that the
 * writer is, or writes for, a foreign resident — another language, a visa or status of residence,
 * the Japanese language as a barrier. Plain Japanese about rent or work is not that, and neither
 * is a Latin-script snippet inside a Japanese sentence. Sentences written for this test.
 */
import { CATEGORIES } from '../../../src/contracts/enums';
import { createClassifier } from '../../../src/triage';
import { blend } from '../../../src/triage/model/blend';
import type { Prediction } from '../../../src/triage/model/linear';

const sure = (cats: string[]): Prediction => ({
  categories: Object.fromEntries(CATEGORIES.map((c) => [c, cats.includes(c) ? 0.95 : 0.01])),
  urgency: { emergency: 0.01, high: 0.01, normal: 0.97, low: 0.01 },
  reporter: { self: 0.9, family: 0.025, neighbour: 0.025, professional: 0.025, unknown: 0.025 },
  risk: 0.01,
  riskWords: [],
});

describe('categories the model adds', () => {
  const thresholds = { check: 0.2, crisis: 0.6, category: 0.4 };
  const rules = { categories: ['housing'], urgency: 'normal' as const, reporter: 'self' as const, reasons: [] };

  test('even a confident `foreign` is not added without a sign of a foreign resident', () => {
    const plain = blend(rules, sure(['housing', 'foreign']), thresholds, ['lang:ja', 'c:家賃']);
    expect(plain.categories).toEqual(['housing']);
    expect(plain.reasons.at(-1)).not.toMatch(/foreign/);
    const sign = blend(rules, sure(['housing', 'foreign']), thresholds, ['lang:ja', 'fx:evidence']);
    expect(sign.categories).toEqual(['housing', 'foreign']);
  });

  test('the model adds at most two categories of its own, the likeliest', () => {
    const p = sure(['housing', 'poverty', 'employment', 'debt']);
    p.categories.employment = 0.99;
    p.categories.debt = 0.97;
    expect(blend(rules, p, thresholds, ['lang:ja']).categories).toEqual(['housing', 'employment', 'debt']);
  });

  test('plain Japanese about money, rent or work is not labelled foreign; a visa or another language is', async () => {
    const c = await createClassifier();
    const plain = [
      '家賃が払えなくて困っています',
      'アパートの更新料がどうしても用意できません',
      'パートを急に切られて、来月の生活費が心配です',
      '申請フォームで error code 403 と出て、家賃補助の申し込みができません',
    ];
    for (const text of plain) expect({ text, categories: c.classify(text).categories }).toEqual({ text, categories: expect.not.arrayContaining(['foreign']) });
    const foreign = ['在留カードの更新が近いのに、会社から急に辞めてくれと言われました', 'I lost my job last week and I cannot pay my rent. What can I do?'];
    for (const text of foreign) expect({ text, categories: c.classify(text).categories }).toEqual({ text, categories: expect.arrayContaining(['foreign']) });
  });
});
