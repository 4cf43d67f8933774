/**
 * Violence and control: DV by a partner or ex-partner, abuse of a child, an older or disabled
 * person (also in a facility), a workplace's violence, a feared harm; emergency when it is
 * happening now.
 */
import { NOW_RE, type Category, type Urgency } from '../lexicon';
import { pastTime, sentenceOf } from '../negation';
import type { RuleContext } from './context';
import { quote, arrow } from './hit';

const PROGRESSIVE_AFTER = /^(っ)?(て|で)(る|いる|います|ます|ん|て)/;
const PAST_AFTER = /^(っ)?(た|だ|ました|れた|れました|られた|られました|てた|ていた|てきた|れてた|れていた|れてました)/;
/** Habitual time words: 毎晩, いつも, しょっちゅう. */
const HABITUAL_RE = /(毎晩|毎日|毎朝|毎回|いつも|しょっちゅう|よく|たびに|度に|ときどき|時々|たまに)/;
/** Hearsay: someone told the writer. */
const REPORTED_RE = /(言って|言った|いって|らしい|そうです|みたい|聞いた)/;
/** Residents, users, patients, pupils: victims in a care or school setting. */
const INSTITUTION_VICTIM_RE = /(入居者|利用者|入所者|患者|園児|児童|生徒)(さん|様)?(を|に|が|の)/;

export function violence(ctx: RuleContext): void {
  const { norm, japanese, tokens, T, firstOf, allOf, R, hasChild, hasElder, hasDisab, childWontGoHome } = ctx;
  const violence = allOf('violence');
  const partner = T.has('partner') || T.has('exPartner');
  // 「今」 / 「いま」 as a word meaning 'right now' (not 今は…, 今まで, います)
  const nowWord = tokens.some((t, i) => (t.surface === '今' || t.surface === 'いま') && t.pos === '名詞' && !/^(は|まで|から|の|さら|も|ごろ|頃|でも|学期|年|年度|月|週|日|回|度|後|朝|夜|晩|夏|冬|春|秋|期|時)/.test(tokens[i + 1]?.surface ?? ''));
  // 「今は仕事に行っている」 / 现在他去上班了: the other person is away, so now is a safe moment
  const nowish = (japanese ? nowWord : NOW_RE.test(norm)) && !/(今は|いまは)[^。\n]{0,12}(いない|いません|出かけ|仕事|外出|安全|離れ)|上班|去工作|不在家|\bat work\b|\b(trabalho|trabajo|trabaho|kerja)\b|đi làm/.test(norm);
  const violenceNow = violence.some((h) => {
    const a = norm.slice(h.span.end, h.span.end + 8);
    // 「さっき殴られた」「今、首を絞められた」: just happened counts as now
    if (PAST_AFTER.test(a) && /(さっき|たった今|今さっき|いましがた|今、|いま、)/.test(sentenceOf(norm, h.span).text) && !pastTime(norm, h.span)) return true;
    if (PAST_AFTER.test(a) || pastTime(norm, h.span)) return false;
    // 「毎晩怒鳴ってる」 is a habit (high), not something happening this minute, unless 今 is said
    if (HABITUAL_RE.test(sentenceOf(norm, h.span).text) && !nowWord) return false;
    // 「叩いているのを見ました」: witnessed earlier, reported afterwards
    if (/(のを|ところを|ところ)(見|目撃|聞い|きい)(た|ました|て)/.test(norm.slice(h.span.end, h.span.end + 16))) return false;
    return PROGRESSIVE_AFTER.test(a) || nowish;
  });
  // 「閉じ込められる」と言っていました: hiding or confinement told second-hand is not happening now
  const hidingNow = allOf('hiding').some((h) => !REPORTED_RE.test(sentenceOf(norm, h.span).text));
  // sounds heard 「毎晩」 are a pattern to report (high), not an incident now
  const soundsNow = allOf('inProgress').some((h) => nowWord || !HABITUAL_RE.test(sentenceOf(norm, h.span).text));
  // a weapon shown last week (先週は包丁を向けられた) is grave but not happening now
  const weaponNow = allOf('weapon').some((h) => !pastTime(norm, h.span));
  const acuteViolence = violenceNow || weaponNow || hidingNow || soundsNow;

  // ママの彼氏 / 継父 hurting a child is abuse, not DV (unless the writer names DV)
  const dvSignal = (violence.length > 0 || T.has('control') || T.has('stalking')) && (partner || T.has('stalking')) && !(T.has('parentWord') && !T.has('bothParents') && !partner) && !T.has('parentPartner');
  if (T.has('dvExplicit') || dvSignal || (T.has('bothParents') && violence.length)) {
    let u: Urgency = 'high';
    if (acuteViolence && (violence.length || weaponNow)) u = 'emergency';
    else if (T.has('safe') && !violenceNow) u = 'normal';
    const why = firstOf('violence') ?? firstOf('control') ?? firstOf('stalking') ?? firstOf('dvExplicit')!;
    const cats: Category[] = ['dv'];
    // children in the incident or fleeing with the writer (子ども2人と逃げて), not only mentioned
    const kidsInvolved =
      (/(子ども|子供|こども)(たち|達)?([0-9０-９一二三]人)?(と|も|を連れ)/.test(norm) && (T.has('hiding') || u === 'emergency' || /(逃げ(て|ました|た(?!い))|避難し(て|た(?!い)|ました)|家を出(て|た(?!い)|ました)|実家に(来|き|帰っ|戻っ|い))/.test(norm))) ||
      // children frightened by or watching the violence
      /(子ども|子供|こども|娘|息子)(たち|達)?(が|も|は)[^。！？\n]{0,8}(怯え|おびえ|こわが|怖が|見て|泣い|目の前)|(子ども|子供|こども)の(目の)?前で/.test(norm);
    if ((T.has('bothParents') && !hasElder) || (hasChild && kidsInvolved)) cats.push('child');
    if (hasElder && /(老夫婦|高齢の(ご)?夫婦|[78９9]0代の(ご)?(夫婦|夫|妻)|(両親|二人|ふたり)とも[78９9]0代|[（(][7-9][0-9][)）][\s\S]{0,40}[（(][7-9][0-9][)）])/.test(norm)) cats.push('elderly');
    R.add(cats, u, `${quote(why.phrase)}（配偶者・交際相手から）${arrow(cats, u)}`);
  }

  // staff hurting or confining residents, users or pupils: abuse in a facility, even though 同僚/職員 is a workplace word
  const institutional = violence.length > 0 && INSTITUTION_VICTIM_RE.test(norm);
  const abuseSignal =
    institutional ||
    childWontGoHome ||
    T.has('abuseExplicit') ||
    T.has('neglect') ||
    (T.has('neglectChild') && hasChild && !hasElder) ||
    T.has('afraidHome') ||
    (T.has('inProgress') && hasChild) ||
    (violence.length > 0 && !R.has('dv') && !T.has('workplace') && (hasChild || hasElder || hasDisab || (T.has('towardMe') && T.has('parentWord')) || T.has('parentPartner') || T.has('inProgress')));
  if (violence.length > 0 && T.has('workplace') && !R.has('dv') && !hasChild && !institutional) {
    R.add(['employment'], undefined, `${quote(violence[0].phrase)}（職場での暴言・暴力）→ employment`);
  }
  if (abuseSignal && !R.has('dv')) {
    const group: Category[] = [];
    // 息子さん / 娘さん of an older person are adults: the victim is the older person
    const youngChild = /(子ども|子供|こども|男の子|女の子|赤ちゃん|児童|生徒|園児|孫|幼児)/.test(norm) || T.has('minorAny') || T.has('baby');
    if (hasElder && !(T.has('minor') || T.has('afraidHome')) && (!hasChild || !youngChild || /(年金|利用者|介護|高齢|[78９9][0-9])/.test(norm))) group.push('elderly');
    else if (hasDisab) group.push('disability');
    else group.push('child');
    let u: Urgency = 'high';
    const childAlone = T.has('neglect') && T.has('days') && (T.has('notSeen') || /(だけで|置き去り|(帰|かえ)って(こ|き|来)(て)?(い)?ない|(一人|ひとり)で)/.test(norm));
    // hit or kicked and 「帰りたくない」: a child afraid to go home tonight
    const fearOfHome = T.has('kickedOut') && (T.has('minorAny') || T.has('parentWord') || T.has('parentPartner')) && violence.length > 0 && /(帰りたくない|かえりたくない)/.test(norm);
    const inProgressNow = soundsNow && (nowWord || allOf('inProgress').some((h) => PROGRESSIVE_AFTER.test(norm.slice(h.span.end, h.span.end + 8)) || /(いて|いる|てる|てて)$/.test(norm.slice(h.span.start, h.span.end))));
    if (inProgressNow || T.has('afraidHome') || fearOfHome || childAlone || (acuteViolence && violence.length)) u = 'emergency';
    const why = firstOf('abuseExplicit') ?? firstOf('afraidHome') ?? firstOf('neglect') ?? firstOf('neglectChild') ?? firstOf('inProgress') ?? firstOf('violence') ?? firstOf('kickedOut')!;
    R.add(['abuse', ...group], u, `${quote(why.phrase)}（虐待の${u === 'emergency' ? '進行・危険' : '疑い'}）${arrow(['abuse', ...group], u)}`);
  }
  if (T.has('fearHarm') && !R.has('abuse')) {
    const elderTarget = (hasElder || R.has('elderly') || R.has('carer')) && !/(育児|子育て|息子|娘|子ども|子供|こども)/.test(norm);
    const group: Category[] = elderTarget ? ['carer', 'elderly'] : ['child'];
    R.add([...group, 'abuse'], 'normal', `${quote(firstOf('fearHarm')!.phrase)}（加害への恐れ、未遂）${arrow([...group, 'abuse'], 'normal')}`);
  }
}
