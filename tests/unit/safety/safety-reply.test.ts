/**
 * The crisis reply fits who is writing, says truthfully what happens now, and lists only
 * hotlines open at that hour — in ja, en and やさしい日本語.
 */
import path from 'node:path';
import { loadMunicipality, zonedTime } from '../../../src/municipality';
import { safetyReplyText, writerOf, type SafetyReplyInput } from '../../../src/safety/safety-reply';

const m = loadMunicipality(path.resolve(__dirname, '../../../config/municipality.example.yaml'));
// A Tuesday (no holiday) in Tokyo: noon, and 23:00 when いのちの電話 (10–22) is closed.
const noon = zonedTime({ year: 2026, month: 12, day: 8 }, 12 * 60, 'Asia/Tokyo');
const night = zonedTime({ year: 2026, month: 12, day: 8 }, 23 * 60, 'Asia/Tokyo');
const base: SafetyReplyInput = { lang: 'ja', categories: ['suicide'], writer: 'self', channel: 'widget', duty: 'staff', nextStaffed: null, at: noon };
const reply = (over: Partial<SafetyReplyInput>) => safetyReplyText(m, { ...base, ...over });

describe('who is writing', () => {
  test('the person themself: care, staff told, the lifeline', () => {
    const text = reply({});
    expect(text).toContain('あなたのことが心配です');
    expect(text).toContain('相談員にすぐ知らせました');
    expect(text).toContain('119');
    expect(text).toContain('いのちの電話');
  });

  test.each([
    ['ja', ['安否確認', '110', '119', '住所', '最後に', '無理に家の中に入ったりしないでください'], ['あなたのことが心配です', 'いのちの電話', 'よりそい', 'こころの健康']],
    ['en', ['welfare check', '110', '119', 'address', 'last saw', 'do not force your way'], ['worried about you', 'Inochi no Denwa', 'Yorisoi', 'Mental health']],
    ['easy-ja', ['あんぴかくにん', '110', '119', 'じゅうしょ', 'さいごに', 'むりに いえに はいらないで'], ['あなたの ことが しんぱい', 'いのちの でんわ', 'よりそい']],
  ] as const)('someone worried about another (%s): a welfare check through 110/119, what to tell, stay safe; no lifeline for the person themself', (lang, present, absent) => {
    const text = reply({ lang, writer: 'others' });
    for (const p of present) expect(text).toContain(p);
    for (const a of absent) expect(text).not.toContain(a);
  });

  test.each([
    ['ja', 'widget', ['110', '電話ができない', 'チャット: https://soudanplus.jp/', '交番', '#8008', '「すぐに閉じる」']],
    ['en', 'widget', ['110', 'cannot call', 'chat: https://soudanplus.jp/', 'police box', '#8008', '"Leave now"']],
    ['easy-ja', 'widget', ['110', 'でんわが できない', 'チャット: https://soudanplus.jp/', 'こうばん', '#8008', '「すぐ とじる」']],
  ] as const)('danger from a partner (%s): options that need no call, and the quick exit in the widget', (lang, channel, present) => {
    const text = reply({ lang, channel, categories: ['dv'] });
    for (const p of present) expect(text).toContain(p);
  });

  test('on LINE there is no exit button to mention', () => {
    const text = reply({ channel: 'line', categories: ['dv'] });
    expect(text).toContain('電話ができない');
    expect(text).not.toContain('すぐに閉じる');
  });

  test('a family member worried about DV gets the welfare-check advice, not the no-call options', () => {
    const text = reply({ writer: 'others', categories: ['dv'] });
    expect(text).toContain('安否確認');
    expect(text).not.toContain('電話ができない');
  });
});

describe('what happens now, truthfully', () => {
  test.each([
    ['ja', 'staff', '相談員にすぐ知らせました'],
    ['en', 'staff', 'We have told a counsellor right away'],
    ['easy-ja', 'staff', 'すぐに そうだんいんに しらせました'],
    ['ja', 'on_call', '当番の職員に知らせています'],
    ['en', 'on_call', 'we are alerting the staff member on call'],
    ['easy-ja', 'on_call', 'とうばんの しょくいんに しらせて います'],
  ] as const)('%s, %s: %s', (lang, duty, words) => {
    expect(reply({ lang, duty })).toContain(words);
  });

  test.each([
    ['ja', '12月9日(水) 8時30分', 'いまは、このメッセージをすぐに読める職員がいません。相談員が読めるのは 12月9日(水) 8時30分 以降です。', '今すぐ下の番号に電話してください', '相談員にすぐ知らせました'],
    ['en', 'Wed 9 Dec, 8:30', 'No one can read this message right now. A counsellor will read it from Wed 9 Dec, 8:30.', 'call one of the numbers below now', 'told a counsellor'],
    ['easy-ja', '12がつ9にち（すいようび）8じ30ぷん', 'いまは この メッセージを すぐに よめる ひとが いません。そうだんいんが よめるのは 12がつ9にち（すいようび）8じ30ぷん からです。', 'いま すぐ したの ばんごうに でんわ', 'そうだんいんに しらせました'],
  ] as const)('nobody on duty (%s): no one can read it until the desk opens; call now; never "staff told"', (lang, next, nobody, callNow, never) => {
    const text = reply({ lang, duty: 'nobody', nextStaffed: next, at: night });
    expect(text).toContain(nobody);
    expect(text).toContain(callNow);
    expect(text).not.toContain(never);
  });

  test('nobody on duty within the desk hours (everyone signed out): no time is promised', () => {
    const text = reply({ duty: 'nobody', nextStaffed: null });
    expect(text).toContain('いまは、このメッセージをすぐに読める職員がいません。');
    expect(text).not.toContain('以降です');
  });
});

describe('later, when every on-call target refused the notice', () => {
  test.each([
    ['ja', '12月9日(水) 8時30分', '先ほどのメッセージについて、当番の職員に、まだ連絡がついていません。いまは、このメッセージをすぐに読める職員がいません。相談員が読めるのは 12月9日(水) 8時30分 以降です。', '今すぐ下の番号に電話してください', ['当番の職員に知らせています', 'あなたのことが心配です']],
    ['en', 'Wed 9 Dec, 8:30', 'About your message: we have not been able to reach the staff member on call yet. No one can read this message right now. A counsellor will read it from Wed 9 Dec, 8:30.', 'call one of the numbers below now', ['we are alerting', 'worried about you']],
    ['easy-ja', '12がつ9にち（すいようび）8じ30ぷん', 'さきほどの メッセージの ことで、とうばんの しょくいんに まだ れんらくが つきません。いまは この メッセージを すぐに よめる ひとが いません。', 'いま すぐ したの ばんごうに でんわ', ['しらせて います', 'あなたの ことが しんぱい']],
  ] as const)('%s: not reached, nobody can read it until the desk opens, call now; no second opening', (lang, next, unreached, callNow, never) => {
    const text = reply({ lang, duty: 'nobody', nextStaffed: next, at: night, unreached: true });
    expect(text.startsWith(unreached)).toBe(true);
    expect(text).toContain(callNow);
    for (const n of never) expect(text).not.toContain(n);
    expect(text).toContain('119');
  });

  test('to someone worried about another: the welfare check, still', () => {
    const text = reply({ writer: 'others', duty: 'nobody', unreached: true, at: night });
    expect(text).toContain('当番の職員に、まだ連絡がついていません');
    expect(text).toContain('安否確認');
  });
});

describe('hotlines open at that hour', () => {
  test('いのちの電話 (10:00–22:00) at noon, not at 23:00; 119 and 110 always', () => {
    expect(reply({ at: noon })).toContain('いのちの電話');
    const late = reply({ at: night, duty: 'nobody' });
    expect(late).not.toContain('いのちの電話');
    expect(late).toContain('119');
    expect(late).toContain('110');
    expect(late).toContain('よりそいホットライン'); // 24 hours
  });
});

describe('writerOf', () => {
  test.each([
    [{ subject: 'neighbour', triage: null }, 'others'],
    [{ subject: 'family', triage: { reporter: 'self' } }, 'others'],
    [{ subject: 'self', triage: { reporter: 'neighbour' } }, 'self'],
    [{ subject: null, triage: { reporter: 'professional' } }, 'others'],
    [{ subject: null, triage: { reporter: 'unknown' } }, 'self'],
    [{ subject: null, triage: null }, 'self'],
  ] as const)('%j → %s', (c, writer) => expect(writerOf(c)).toBe(writer));
});
