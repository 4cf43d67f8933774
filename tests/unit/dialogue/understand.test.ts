import { asksForAnonymity, asksToWithdrawConsent, understandAnswer, understandSubject } from '../../../src/dialogue/understand';

describe('reading free-text answers', () => {
  test.each([
    ['はい', 'yes'], ['はい、お願いします', 'yes'], ['ＯＫ', 'yes'], ['大丈夫です', 'yes'], ['Yes', 'yes'],
    ['いいえ', 'no'], ['結構です', 'no'], ['no thanks', 'no'],
    ['あとで', 'later'], ['後で考えます', 'later'], ['later', 'later'],
    ['わかりません', null], ['', null],
    ['はい。でも本当は夫に知られたくないので、その点だけ気をつけてほしいと思っています', null],
  ])('%s → %s', (text, expected) => expect(understandAnswer(text)).toBe(expected));

  test.each([
    ['自分のことです', 'self'], ['私です', 'self'], ['母のこと', 'family'], ['息子について', 'family'],
    ['隣の人', 'neighbour'], ['近所のおばあさん', 'neighbour'], ['my mother', 'family'], ['myself', 'self'],
    ['よくわからない', null],
  ])('about whom: %s → %s', (text, expected) => expect(understandSubject(text)).toBe(expected));

  test('anonymity and withdrawal requests', () => {
    expect(asksForAnonymity('匿名でお願いします')).toBe(true);
    expect(asksForAnonymity('名前は言いたくないのですが')).toBe(true);
    expect(asksForAnonymity('I want to stay anonymous')).toBe(true);
    expect(asksForAnonymity('母のことで相談です')).toBe(false);
    expect(asksToWithdrawConsent('同意を取り消したい')).toBe(true);
    expect(asksToWithdrawConsent('さっきの同意は撤回します')).toBe(true);
    expect(asksToWithdrawConsent('同意します')).toBe(false);
  });
});
