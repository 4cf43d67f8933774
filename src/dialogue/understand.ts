/**
 * Reads a person's free-text answer to the bot's question. Buttons are the easy path; free text
 * always works too. Only short messages are read as answers: a long message is the person's
 * story, and the bot must not mistake it for a yes or no.
 */
export type Subject = 'self' | 'family' | 'neighbour';
export type Answer = 'yes' | 'no' | 'later';

const SHORT = 30;
const norm = (t: string) => t.normalize('NFKC').trim().toLowerCase();

const subjectCues: [Subject, RegExp][] = [
  ['neighbour', /近所|隣|となり|知人|知り合い|友人|友達|ともだち|きんじょ|しりあい|民生委員|neighbo|friend|someone i know/],
  ['family', /家族|母|父|妻|夫|息子|娘|祖母|祖父|兄|姉|弟|妹|親|子ども|子供|こども|かぞく|family|mother|father|mom|dad|son|daughter|wife|husband|parent|child/],
  ['self', /自分|私|わたし|僕|ぼく|俺|じぶん|本人|myself|^me$|about me|^i am|^i'm/],
];

export function understandSubject(text: string): Subject | null {
  const t = norm(text);
  if (!t || t.length > SHORT) return null;
  for (const [subject, re] of subjectCues) if (re.test(t)) return subject;
  return null;
}

export function understandAnswer(text: string): Answer | null {
  const t = norm(text).replace(/[。.!！、,]/g, '');
  if (!t || t.length > SHORT) return null;
  if (/あとで|後で|後ほど|のちほど|later|not now|考えます|かんがえ/.test(t)) return 'later';
  if (/^(いいえ|いえ|いや|いやです|だめ|ダメ|結構です|けっこうです|no|nope|no thanks|困ります|やめて)/.test(t)) return 'no';
  if (/^(はい|ええ|うん|お願い|おねがい|大丈夫|だいじょうぶ|かまいません|構いません|いいですよ|ok|okay|yes|sure|了解|りょうかい)/.test(t)) return 'yes';
  return null;
}

const anonymityCues =
  /匿名|とくめい|名前は(言|い)いたくない|名前を(出|だ)さ|名乗りたくない|なのりたくない|名前は伏せ|誰かわからない|anonymous|anonymously|without (giving )?my name|don't want to give my name/;

export function asksForAnonymity(text: string): boolean {
  return anonymityCues.test(norm(text));
}

const withdrawalCues =
  /同意.{0,6}(取り消|取消|とりけ|撤回|やめ|止め)|(取り消|撤回).{0,6}同意|どうい.{0,6}(とりけ|やめ)|withdraw.{0,12}consent|revoke.{0,12}consent|consent.{0,12}withdraw/;

export function asksToWithdrawConsent(text: string): boolean {
  return withdrawalCues.test(norm(text));
}
