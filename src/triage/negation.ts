/**
 * Context checks for a matched cue: negation, hyperbole and jokes, quotation by someone else,
 * past events that are over, and conditionals. Each returns a short reason when it applies so
 * counsellors can see why a crisis word was not counted.
 */
import type { MatchSpan } from './match';

const SENTENCE_END = /[。！？!?\n]/g;

/** Sentence ends of the last text asked about: every cue of a message asks, so find them once. */
let endsOf: { text: string; ends: number[] } = { text: '', ends: [] };
function sentenceEnds(text: string): number[] {
  if (endsOf.text !== text) endsOf = { text, ends: [...text.matchAll(SENTENCE_END)].map((m) => m.index!) };
  return endsOf.ends;
}

/** The sentence (between 。！？!? or line breaks) that holds the span. */
export function sentenceOf(text: string, span: MatchSpan): { start: number; end: number; text: string } {
  const ends = sentenceEnds(text);
  // the first end at or after span.end closes the sentence; the last end before span.start opens it
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid] < span.end) lo = mid + 1;
    else hi = mid;
  }
  const e = lo < ends.length ? ends[lo] : text.length;
  let i = lo - 1;
  while (i >= 0 && ends[i] >= span.start) i--;
  const s = i >= 0 ? ends[i] + 1 : 0;
  return { start: s, end: e, text: text.slice(s, e) };
}

const after = (text: string, span: MatchSpan, n = 24) => text.slice(span.end, span.end + n);
const before = (text: string, span: MatchSpan, n = 16) => text.slice(Math.max(0, span.start - n), span.start);

// 「死にたいって気持ちはないです」「消えたいという思いはありません」: a noun such as 気持ち may sit between
// 「消えたいとかそういうんじゃない」「死にたいとかでは全くなくて」: そういう/ん and 全く may sit between too
const NEG_AFTER =
  /^[」』"'\s]*(とか|なんて|なんか|など|って|という|っていう)?(そういう|そんな)?(気持ち|きもち|思い|考え|つもり|感じ|気|の|ん|わけ|訳|こと)?(は|も|が)?(では|じゃ|じゃあ|でわ|でも|や|ちゃ)?(全然|ぜんぜん|全く|まったく|特に|別に)?(ない|なく|なかっ|ありません|ねえ|ねー|ないです|あらへん|ちゃう)/;
/** 「殴られるとかじゃない」: the cue's ending may sit before とか. */
const NEG_TOKA_AFTER = /^[ぁ-ん]{1,3}?(とか|なんて|なんか)(は|も)?(そういう|そんな)?(ん|の)?(では|じゃ|でわ)(全然|全く|まったく|特に)?(ない|なく|ありません)/;
/** "bukan mau mati", "không muốn chết", 「不想死」: a negation just before a cue in another language. */
export const FOREIGN_NEG_BEFORE = /(não|nao|\bno|không|tidak|bukan|hindi|ayoko|不|안|ไม่)\s*$/;
/** 죽고 싶지 않아, 죽고 싶다는 생각은 아니지만: Korean negates after. */
export const FOREIGN_NEG_AFTER = /^\s*(지 ?않|(다는|다고) ?(생각|마음|뜻)?(은|는|이|도)? ?아니)/;
const NEG_THINK_AFTER =
  /^[」』"'\s]*(とか|なんて|なんか|って|とは|と)?(は|も)?((思って|おもって|考えて|かんがえて|思わ|おもわ|考え)(い|は|も)?(ない|ません|なかっ)|(思った|おもった|考えた)こと(は|も|が)?(ない|ありません|一度も|いちども|なかっ))/;
const NEG_BEFORE_EN = /\b(don'?t|do not|not|never|no longer|wouldn'?t)\s+(\w+\s+){0,2}$/;

// 殴られたことはない: the passive ending may sit between the word and たこと
const NEVER_AFTER = /^(っ)?([ぁ-ん]{0,3})?(た|だ)(こと|ことは|ことが|ことも|ことなど)(ない|ありません|一度も|いちども|なかっ)/;
/** 「消えたい。辞めたいって意味で」: the writer says the word meant something else. */
const MEANT_AFTER = /^[^。！？!?\n]{0,4}[。、,]?[^。！？!?\n]{0,12}(って|という|っていう)意味/;

/** 「叩いてはいない」「殴ってない」: the act did not happen. */
const NOT_DONE_AFTER = /^(っ)?(て|で)(は|も)?(い)?(ない|ません|なかっ)/;

/** 「死にたいとかではない」「死にたくない」「虐待とかではないと思います」, English "not …". */
export function negation(text: string, span: MatchSpan): string | undefined {
  const a = after(text, span);
  if (NOT_DONE_AFTER.test(a) && /[いっ]$/.test(text.slice(span.start, span.end))) return '否定（していない）';
  if (NEVER_AFTER.test(a)) return '否定（したことはない）';
  if (NEG_AFTER.test(a) || NEG_THINK_AFTER.test(a) || NEG_TOKA_AFTER.test(a)) return '否定';
  const cue = text.slice(span.start, span.end);
  if (!/[\u3040-\u30ff]/.test(cue) && (FOREIGN_NEG_BEFORE.test(before(text, span, 8)) || FOREIGN_NEG_AFTER.test(after(text, span, 16)))) return '否定';
  if (MEANT_AFTER.test(after(text, span, 24))) return '別の意味だと言い換え';
  if (/[a-z]/.test(text.slice(span.start, span.end)) && NEG_BEFORE_EN.test(before(text, span, 30))) return '否定 (not)';
  return undefined;
}

const HYPER_AFTER = /^(ほど|くらい|ぐらい|位|かと思|かとおも|かと|そうな(くらい|ほど))/;
const JOKE = /(笑|（笑）|\(笑\)|ｗ|(?<![a-z])w{1,}(?![a-z])|草|😂|🤣|😆|😹|\blol\b|\blmao\b|\bhaha|\bjk\b)/;

/** News, fiction, lyrics, lessons: crisis words about a story, not the writer. */
// 主人公, 登場人物, 作中: a character's crisis in a story the writer is writing or reading
const MEDIA = /(ニュース|事件|報道|記事|ドラマ|映画|漫画|マンガ|小説|歌詞|曲の?|アニメ|ゲーム|授業|レポート|番組|主人公|登場人物|作中|\b(song|lyrics|movie|news|article)\b)/;
export const aboutMedia = (sentence: string): boolean => MEDIA.test(sentence);
export function mediaTopic(text: string, span: MatchSpan): string | undefined {
  return aboutMedia(sentenceOf(text, span).text) ? '報道・作品の話' : undefined;
}

/** Laughter in the sentence (笑, w, 😂, lol). */
export const laughing = (sentence: string): boolean => JOKE.test(sentence);

/** 「死ぬほど忙しい」「死にそう笑」「死ぬかと思った😂」"killing me lol". */
export function hyperbole(text: string, span: MatchSpan): string | undefined {
  if (HYPER_AFTER.test(after(text, span))) return '誇張表現';
  if (JOKE.test(sentenceOf(text, span).text)) return '冗談・笑い';
  return undefined;
}

const PAST_MARKER =
  /(時期|頃|ころ|去年|昨年|昔|以前|前は|当時|あのとき|あの時|(高校|中学|小学校|大学|学生|子ども|子供|若い)(の)?(とき|時|頃|時代)|(\d+|数|何)年前|ことがあ(る|った|りました)|こともあった|こともありました|書いてしまって|言ってしまって|てた(けど|が|時)|ていた(けど|が|時|のは)|ってたけど|でした(が|けど))/;
const RESOLVED =
  /(今は|いまは|現在は|今では|最近は)[^。！？!?\n]{0,20}(落ち着|おちつ|元気|大丈夫|平気|全然|ぜんぜん|してない|していない|しておらず|治|良くな|よくな|通院|通って|安定|決ま|楽し|なんとか|何とか|やれて|やって(い)?(ます|る)|働いて)|もう(大丈夫|平気)|(だいぶ|すっかり)(元気|良く|よく|落ち着)/;

/** A past episode that is over: 「消えたいって思ってた時期もあったけど、今は元気」. */
export function pastResolved(text: string, span: MatchSpan): string | undefined {
  const sent = sentenceOf(text, span);
  if (!PAST_MARKER.test(sent.text) && !PAST_MARKER.test(after(text, span, 30))) return undefined;
  if (RESOLVED.test(text)) return '過去のことで今は落ち着いている';
  return undefined;
}

// the quoted words may run on a little past the cue (「いないほうが楽だよね」って言う)
const QUOTE_AFTER =
  /^([^」』"。！？!?\n]{0,12}[」』"])?([『「][^」』\n]{0,30}[」』])*[」』"'\s、,]*(って|と|とか|っと)[^。！？!?\n]{0,14}?(あり|あっ|言っ|言う|言い|言わ|いっ|いう|いわ|口に|こぼ|つぶや|呟|漏ら|話し|ぼそっと|書い|書き込|投稿|ポスト|ツイート|送っ|送られ|ライン|line|メール|メッセージ|連絡|が来|がき|聞い|聞か|きい|訊|メモ|手紙|書き置き|残し)/;
/** The quoted words end with an explicit closing bracket before the verb of saying or writing. */
const CLOSED_QUOTE_AFTER = /^[^」』"。！？!?\n]{0,12}[」』"]/;
const THIRD_PARTY_SUBJECT =
  /(母|父|夫|妻|息子|娘|兄|姉|弟|妹|祖母|祖父|主人|旦那|彼氏|彼女|友(だち|達|人)|知り合い|同僚|生徒|子|利用者|本人|あの子|その子|パートさん)(さん|くん|ちゃん)?(が|は|から|も)/;
const FIRST_PERSON = /(私|わたし|あたし|僕|ぼく|俺|おれ|自分)(が|は|も)/;

/** Words someone else said, relayed by the writer: 「息子が『生きてる意味ない』って言う」. */
export function relayed(text: string, span: MatchSpan): string | undefined {
  const sent = sentenceOf(text, span);
  const head = text.slice(sent.start, span.start);
  const quoted = QUOTE_AFTER.test(after(text, span, 30));
  const thirdBefore = THIRD_PARTY_SUBJECT.test(head) && !FIRST_PERSON.test(head);
  if (quoted && (thirdBefore || THIRD_PARTY_SUBJECT.test(after(text, span, 30)) || !FIRST_PERSON.test(sent.text))) {
    if (thirdBefore || THIRD_PARTY_SUBJECT.test(text)) return '第三者の言葉の引用';
  }
  if (thirdBefore && /(たが|がって|がる)/.test(after(text, span, 6))) return '第三者の様子';
  // 「…『消えたい』と書いてありました」: bracketed words written or said by someone the writer
  // reports on; the writer's own words carry a first-person subject (私は『…』と言った)
  if (quoted && CLOSED_QUOTE_AFTER.test(after(text, span, 14)) && !FIRST_PERSON.test(head)) return '引用された言葉';
  return undefined;
}

// 「倒れたら」 is hypothetical, but the passive 「絞められた」 also starts with ら
const COND_AFTER = /^(ら(?!れ)|たら|だら|ば|なら|ても|としたら|とき)/;
const COND_END = /(たら|だら|れば|えば|なら|ても)$/;
/** 「私が倒れたら」: a hypothetical. */
export function conditional(text: string, span: MatchSpan): string | undefined {
  return COND_AFTER.test(after(text, span, 6)) || COND_END.test(text.slice(span.start, span.end)) ? '仮定' : undefined;
}

const PAST_TIME = /(昨年|去年|先月|先週|昨日|きのう|前に|年前|か月前|ヶ月前|カ月前|以前|昔|この前|こないだ)/;
const CHILDHOOD = /(子ども|子供|こども|小さい|幼い|幼少|小学生|中学生|学生)(の)?(ころ|頃|とき|時|時代|期)/;

/** Violence in the writer's own childhood, told as an adult (flashbacks): not current abuse. */
export function childhoodPast(text: string, span: MatchSpan): string | undefined {
  return CHILDHOOD.test(sentenceOf(text, span).text) ? '子どもの頃の出来事' : undefined;
}
/** A time word in the same sentence that puts the event in the past. */
export function pastTime(text: string, span: MatchSpan): string | undefined {
  return PAST_TIME.test(sentenceOf(text, span).text) ? '過去の出来事' : undefined;
}

/** Where one goes: 「がっこうに いきたくない」「がっこう いきたくない」 is 行きたくない, not 生きたくない. */
const GO_TO_BEFORE = /([にへ]|学校|がっこう|会社|かいしゃ|仕事|しごと|保育園|ほいくえん|幼稚園|ようちえん|病院|びょういん|塾|じゅく|バイト)\s*$/;
export function goNotLive(text: string, span: MatchSpan): boolean {
  return /^いき/.test(text.slice(span.start, span.end)) && GO_TO_BEFORE.test(text.slice(Math.max(0, span.start - 8), span.start));
}
