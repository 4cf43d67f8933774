/**
 * The first look that orders the triage queue (src/triage/crisis-hint.ts): words of danger to
 * life, in any width, go ahead; ordinary words and context alone (夫, 今日, 新聞) do not.
 */
import { mayBeCrisis } from '../../../src/triage/crisis-hint';

test('words of danger to life are seen, whatever the width or case', () => {
  for (const t of ['今から首を吊ります。さようなら', 'もう死にたい', '夫に殴られて血が止まらない', '母が倒れていて返事がない', 'ｼﾆﾀｲ…いや、死にたい', 'たすけて', '薬を全部飲んだ']) {
    expect({ t, hint: mayBeCrisis(t) }).toEqual({ t, hint: true });
  }
});

test('ordinary messages and context words alone are not', () => {
  for (const t of ['家賃が払えなくて困っています', '夫の仕事のことで相談です', '今日の夕方に電話してもいいですか', '新聞で窓口を知りました', 'ありがとうございます', '']) {
    expect({ t, hint: mayBeCrisis(t) }).toEqual({ t, hint: false });
  }
});
