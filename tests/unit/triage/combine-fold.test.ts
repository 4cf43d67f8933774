/**
 * Combining a conversation's triage is a fold: the result of the first messages, combined with
 * the later ones, is the result of all of them. A message's triage starts from the
 * conversation's result instead of reading a row per earlier message where no judgement stands
 * (src/triage/load-for-combining.ts, issue 13); this holds the claim it rests on, over any parts.
 */
import fc from 'fast-check';
import type { Triage } from '../../../src/db/schema';
import { CATEGORIES, REPORTERS, RISK_BANDS, URGENCIES } from '../../../src/contracts/enums';
import { combineTriage } from '../../../src/triage/combine';

const part: fc.Arbitrary<Triage> = fc.record(
  {
    categories: fc.uniqueArray(fc.constantFrom(...CATEGORIES), { maxLength: 4 }),
    urgency: fc.constantFrom(...URGENCIES),
    reporter: fc.constantFrom(...REPORTERS),
    reasons: fc.uniqueArray(fc.constantFrom('家賃', '介護', '眠れない', '職員による修正', '「死にたい」 → suicide'), { maxLength: 3 }),
    risk: fc.record({ score: fc.double({ min: 0, max: 1, noNaN: true }), band: fc.constantFrom(...RISK_BANDS) }),
  },
  { requiredKeys: ['categories', 'urgency', 'reporter', 'reasons'] },
);

describe('combining triage results is a fold', () => {
  test('the first messages combined, then the rest, equals all of them combined at once', () => {
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 6 }), fc.array(part, { maxLength: 6 }), (first, rest) => {
        expect(combineTriage([combineTriage(first), ...rest])).toEqual(combineTriage([...first, ...rest]));
      }),
      { numRuns: 2000 },
    );
  });

  test('combining a result again with a part it already holds changes nothing (a retried job)', () => {
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 6 }), fc.nat(5), (parts, i) => {
        const all = combineTriage(parts);
        expect(combineTriage([all, parts[i % parts.length]])).toEqual(all);
      }),
      { numRuns: 2000 },
    );
  });
});
