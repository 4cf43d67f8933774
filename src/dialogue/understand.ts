/**
 * Reads a person's free-text answer to the bot's question. Buttons are the easy path; free text
 * always works too. Only short messages are read as answers: a long message is the person's
 * story, and the bot must not mistake it for a yes or no.
 */
export type Subject = 'self' | 'family' | 'neighbour';
export type Answer = 'yes' | 'no' | 'later';
export type SafetyAnswer = 'yes' | 'no' | 'unsure';
export type WithdrawChoice = 'contact' | 'share' | 'both' | 'keep';

const SHORT = 30;
const norm = (t: string) => t.normalize('NFKC').trim().toLowerCase();

/**
 * Japanese words that say whose worry it is, per subject. Also read by triage
 * (src/triage/answer-to-question.ts) to tell a bare answer to "whose worry is it?" from a story.
 */
export const SUBJECT_WORDS: Record<Subject, readonly string[]> = {
  neighbour: ['近所の人', '近所の方', '隣の人', 'となりの人', '近所', '隣', 'となり', '知人', '知り合い', '友人', '友達', 'ともだち', 'きんじょ', 'しりあい', '民生委員'],
  family: ['家族', '母', '父', '妻', '夫', '息子', '娘', '祖母', '祖父', '兄', '姉', '弟', '妹', '親', '子ども', '子供', 'こども', 'かぞく'],
  self: ['自分', '私', 'わたし', '僕', 'ぼく', '俺', 'じぶん', '本人'],
};

const subjectCues: [Subject, RegExp][] = [
  ['neighbour', new RegExp(`${SUBJECT_WORDS.neighbour.join('|')}|neighbo|friend|someone i know`)],
  ['family', new RegExp(`${SUBJECT_WORDS.family.join('|')}|family|mother|father|mom|dad|son|daughter|wife|husband|parent|child`)],
  ['self', new RegExp(`${SUBJECT_WORDS.self.join('|')}|myself|^me$|about me|^i am|^i'm`)],
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

// 「私だと言わないで」「通報したのが私だと知られたくない」: who wrote must stay hidden, in any words.
const anonymityCues =
  /匿名|とくめい|名前は(言|い)いたくない|名前を(出|だ)さ|名乗りたくない|なのりたくない|名前は伏せ|誰かわからない|(私|わたし|僕|ぼく|俺|自分)(だ|から|が(言|い|知らせ|連絡|通報|相談)).{0,6}(言わないで|いわないで|言わないでください|伝えないで|つたえないで|知られたくない|しられたくない|内緒|ないしょ|秘密|ばれ|バレ)|(なまえ|名前)(を|は)?\s*(いわないで|言わないで|出さないで|ださないで|教えないで|おしえないで)|anonymous|anonymously|without (giving )?my name|don'?t want to give my name|don'?t (tell|say).{0,20}(it was|it's|that it's|that it was) me|keep my name out|(leave|keep) me out of it/;

export function asksForAnonymity(text: string): boolean {
  return anonymityCues.test(norm(text));
}

const withdrawalCues =
  /同意.{0,6}(取り消|取消|とりけ|撤回|やめ|止め)|(取り消|撤回).{0,6}同意|どうい.{0,6}(とりけ|やめ)|withdraw.{0,12}consent|revoke.{0,12}consent|consent.{0,12}withdraw/;

export function asksToWithdrawConsent(text: string): boolean {
  return withdrawalCues.test(norm(text));
}

/**
 * An answer to the safety question (「今、命に危険がありますか？」). Yes and no together
 * (「はい、大丈夫です」) or any doubt read as `unsure`, which is handled like yes: when it is not
 * clear that nobody is in danger, a person looks at once.
 */
export function understandSafety(text: string): SafetyAnswer | null {
  const t = norm(text).replace(/[。.!！、,]/g, ' ').trim();
  if (!t || t.length > SHORT) return null;
  if (/(わか|分か)(ら|りません|んない)|不明|どうだろう|微妙|not sure|don'?t know|dont know|idk|unsure|maybe|たぶん|多分/.test(t)) return 'unsure';
  // 「大丈夫じゃない」 is not a no: anything but a plain "fine" is a reason to look now.
  if (/(大丈夫|だいじょうぶ|平気|へいき)(じゃ|では)(ない|ありません)|not (ok|okay|fine|safe)/.test(t)) return 'unsure';
  const notDanger = /(危な|あぶな)くない|危険(は|じゃ|では)?(ない|ありません)|not in danger|no danger/.test(t);
  const no = notDanger || /^(いいえ|いえ|いや|ない|ありません|no|nope)/.test(t) || /大丈夫|だいじょうぶ|平気|へいき|i'?m (ok|okay|fine|safe)|we'?re (ok|okay|fine|safe)/.test(t);
  const yes = /^(はい|ええ|うん|ある|あります|yes|yeah|yep)/.test(t) || (!notDanger && /危な|あぶな|危険|助けて|たすけて|help/.test(t));
  if (yes && no) return 'unsure';
  return yes ? 'yes' : no ? 'no' : null;
}

/** Which consent to withdraw, in free text: 連絡 / 共有 / 両方, or keeping them (やめる). */
export function understandWithdrawChoice(text: string): WithdrawChoice | null {
  const t = norm(text);
  if (!t || t.length > SHORT) return null;
  if (/取り消さない|とりけさない|やめる|やめます|そのまま|キャンセル|keep|cancel|never ?mind/.test(t)) return 'keep';
  const contact = /連絡|れんらく|contact/.test(t);
  const share = /共有|きょうゆう|つたえ|伝え|shar/.test(t);
  if (/両方|りょうほう|全部|ぜんぶ|すべて|どちらも|both|all/.test(t) || (contact && share)) return 'both';
  return contact ? 'contact' : share ? 'share' : null;
}
