import { asksForAnonymity, asksToWithdrawConsent, understandAnswer, understandSafety, understandSubject, understandWithdrawChoice } from '../../../src/dialogue/understand';

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

  test.each([
    ['はい', 'yes'], ['あります', 'yes'], ['危ないです', 'yes'], ['助けて', 'yes'], ['yes', 'yes'],
    ['いいえ', 'no'], ['ないです', 'no'], ['大丈夫です', 'no'], ['危なくないです', 'no'], ["No, I'm safe", 'no'],
    ['わからない', 'unsure'], ['分かりません', 'unsure'], ['not sure', 'unsure'], ['大丈夫じゃない', 'unsure'], ['はい、大丈夫です', 'unsure'],
    ['今日は天気がいいですね', null], ['', null],
  ])('safety question: %s → %s', (text, expected) => expect(understandSafety(text)).toBe(expected));

  test.each([
    ['連絡', 'contact'], ['共有の同意です', 'share'], ['両方', 'both'], ['連絡も共有も', 'both'], ['both', 'both'],
    ['やめます', 'keep'], ['そのままで', 'keep'], ['うーん', null],
  ])('which consent: %s → %s', (text, expected) => expect(understandWithdrawChoice(text)).toBe(expected));

  test('anonymity and withdrawal requests', () => {
    expect(asksForAnonymity('匿名でお願いします')).toBe(true);
    expect(asksForAnonymity('名前は言いたくないのですが')).toBe(true);
    expect(asksForAnonymity('I want to stay anonymous')).toBe(true);
    expect(asksForAnonymity('私だと言わないでください')).toBe(true);
    expect(asksForAnonymity('私が連絡したことは内緒にしてください')).toBe(true);
    expect(asksForAnonymity("don't tell anyone it was me")).toBe(true);
    expect(asksForAnonymity('母のことで相談です')).toBe(false);
    expect(asksForAnonymity('私から母に言わないといけないでしょうか')).toBe(false);
    expect(asksToWithdrawConsent('同意を取り消したい')).toBe(true);
    expect(asksToWithdrawConsent('さっきの同意は撤回します')).toBe(true);
    expect(asksToWithdrawConsent('同意します')).toBe(false);
  });
});
