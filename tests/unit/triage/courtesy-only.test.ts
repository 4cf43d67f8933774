/**
 * A message of courtesies only is left to the rules (a greeting): the learned model must not put
 * 「夜分にすみません」 in crisis. Anything more than courtesies is read as usual.
 */
import { createClassifier, type Classifier } from '../../../src/triage';
import { courtesyOnly } from '../../../src/triage/courtesy-only';

test('courtesies only, in several languages', () => {
  for (const t of ['夜分にすみません', 'はじめまして、よろしくお願いします。', 'こんばんは🙏', 'oi boa noite', 'Hello, sorry to bother you', 'xin chào', '夜分遅くに失礼します'])
    expect({ t, only: courtesyOnly(t) }).toEqual({ t, only: true });
  for (const t of ['夜分にすみません、母が倒れています', 'すみません、もう無理です', 'こんばんは。屋上にいます', 'oi, me ajuda', '', 'たすけて'])
    expect({ t, only: courtesyOnly(t) }).toEqual({ t, only: false });
});

describe('with the committed model', () => {
  let c: Classifier;
  beforeAll(async () => {
    c = await createClassifier();
  });
  test('a greeting is clear and says why; a greeting with a danger is not cleared', () => {
    const greeting = c.classify('夜分にすみません');
    expect(greeting.risk?.band).toBe('clear');
    expect(greeting.urgency).not.toBe('emergency');
    expect(greeting.reasons.at(-1)).toContain('あいさつだけ');
    expect(c.classify('夜分にすみません。いま屋上にいて、もう飛び降りようと思っています').risk?.band).toBe('crisis');
  });
});
