/**
 * Acute needs: a collapse, someone not seen for days, no food, nowhere to sleep tonight, eviction,
 * debt collectors, wandering at night, pregnancy alarms, minors.
 */
import { PROFESSIONAL_CONTEXT_RE, PROFESSIONAL_RE, type Category, type Urgency } from '../lexicon';
import type { RuleContext } from './context';
import { quote, arrow } from './hit';

/** Alarm signs in pregnancy. */
const PREGNANCY_ALARM_RE = /(血が(出|で|止ま)|出血|(おなか|お腹|腹)が[^。！？\n]{0,6}(痛|いた))/;

export function acute(ctx: RuleContext): void {
  const { norm, T, firstOf, allOf, R, hasChild, hasElder, noReply, minorSelf, childWontGoHome } = ctx;
  if (T.has('collapse')) {
    R.add(['health'], 'emergency', `${quote(firstOf('collapse')!.phrase)}（倒れている）→ health, emergency`);
  }
  const signKinds = allOf('lifeSign').filter((h, i, a) => !a.slice(0, i).some((o) => o.phrase === h.phrase)).length;
  const unreachable = !T.has('collapse') && (T.has('notSeen') || (signKinds >= 2 && (hasElder || /(一人暮らし|ひとり暮らし|独居)/.test(norm))) || (noReply && !R.has('suicide') && /(一人暮らし|ひとり暮らし|独居|高齢|[7-9][0-9](歳|代))/.test(norm)));
  if (unreachable && !T.has('years') && !R.has('abuse')) {
    const signs = T.has('lifeSign') || noReply;
    const u: Urgency = T.has('days') && signs ? 'emergency' : 'high';
    // living alone with nobody checking: isolation too; a relative who is in touch (family writing) is not isolated
    const alone = /(一人暮らし|ひとり暮らし|ひとりぐらし|独居|一人で(暮ら|住)|お一人)/.test(norm) && !/(父|母|祖父|祖母|親)(さん)?[(（]?[0-9]*[)）]?(と|が|は|の|に|を)/.test(norm);
    const cats: Category[] = [...(hasElder || !hasChild ? (['elderly'] as Category[]) : []), ...(alone || !hasElder ? (['isolation'] as Category[]) : [])];
    const seen = firstOf('notSeen') ?? firstOf('noReply');
    const why = seen
      ? `${quote(seen.phrase)}${signs ? '＋' + quote((firstOf('lifeSign') ?? firstOf('noReply'))!.phrase) : ''}`
      : [...new Set(allOf('lifeSign').map((h) => quote(h.phrase)))].join('＋') + '（異変のサインが複数）';
    if (T.has('days') || signs || hasElder) R.add(cats, u, `${why} ${arrow(cats, u)}`);
  }
  if (T.has('noFoodDays')) {
    const kids = T.has('baby') || hasChild;
    R.add(kids ? ['poverty', 'child'] : ['poverty'], kids ? 'emergency' : 'high', `${quote(firstOf('noFoodDays')!.phrase)}${kids ? '（乳幼児・子どもあり）' : ''} ${arrow(kids ? ['poverty', 'child'] : ['poverty'], kids ? 'emergency' : 'high')}`);
  } else if (T.has('noFoodToday')) {
    R.add(['poverty'], 'high', `${quote(firstOf('noFoodToday')!.phrase)} → poverty, high`);
  }
  if (T.has('kickedOut') && minorSelf) {
    R.add(['child'], 'high', `${quote(firstOf('kickedOut')!.phrase)}（未成年）→ child, high`);
  } else if (T.has('kickedOut') && (R.has('abuse') || childWontGoHome) && !T.has('sleepTonight') && !T.has('evict')) {
    // 「帰りたくない」 from someone hurt at home is part of the abuse, not a housing need
  } else {
    if (T.has('sleepTonight')) R.add(['housing'], 'high', `${quote(firstOf('sleepTonight')!.phrase)} → housing, high`);
    if (T.has('evict') || T.has('kickedOut')) {
      const h = (firstOf('evict') ?? firstOf('kickedOut'))!;
      const u: Urgency = T.has('deadline') || T.has('kickedOut') ? 'high' : 'normal';
      R.add(['housing'], u, `${quote(h.phrase)}${T.has('deadline') ? '（期限が迫る）' : ''} ${arrow(['housing'], u)}`);
    }
  }
  if (R.has('debt') && T.has('debtThreat')) R.add(['debt'], 'high', `${quote(firstOf('debtThreat')!.phrase)}（取り立ての期限）→ debt, high`);
  // a person with dementia alone tonight (README: left alone at night → high)
  if (R.has('elderly') && /(認知症|物忘れ|もの忘れ)/.test(norm) && /(今夜|今晩|夜|今日)(は|も)?[^。！？\n]{0,10}(一人きり|ひとりきり|一人で|ひとりで|一人だけ|ひとりだけ|一人に)/.test(norm)) {
    R.add(['elderly'], 'high', '認知症の方が夜に一人 → elderly, high');
  }
  // an older person walking the corridor or street at night, calling out: wandering
  if (!T.has('wander') && hasElder && /(夜中|深夜|夜間|真夜中|明け方)[^。！？\n]{0,30}(廊下|外|道|近所|町内|通り)(を|で)?[^。！？\n]{0,4}(歩いて|歩き回|うろうろ|ふらふら|さまよ)/.test(norm)) {
    R.add(['elderly'], 'high', '高齢の方が夜中に歩き回る → elderly, high');
  }
  if (T.has('wander')) {
    R.add(['elderly'], 'high', `${quote(firstOf('wander')!.phrase)}（認知症の方の夜間・独り）→ elderly, high`);
  }
  // bleeding or strong pain in pregnancy is a medical emergency, whatever the age
  if (T.has('pregnancy') && (T.has('bleeding') || PREGNANCY_ALARM_RE.test(norm))) {
    R.add(['health'], 'emergency', `${quote(firstOf('pregnancy')!.phrase)}＋出血・強い痛み → health, emergency`);
  }
  if (T.has('pregnancy')) {
    if (T.has('minorAny')) R.add(['child'], 'high', `${quote(firstOf('pregnancy')!.phrase)}（未成年）→ child, high`);
    else R.add(['health'], undefined, `${quote(firstOf('pregnancy')!.phrase)} → health`);
  }
  if (T.has('postnatal') && T.has('crying')) R.add(['health'], undefined, `${quote(firstOf('postnatal')!.phrase)}＋${quote(firstOf('crying')!.phrase)}（産後の不調）→ health`);
  if (T.has('minorAny') && (R.has('suicide') || T.has('pregnancy'))) R.add(['child'], T.has('pregnancy') ? 'high' : undefined, '未成年 → child');
  if (!R.has('child') && T.has('childWord') && /(教員|教師|担任|学校の先生|保育士|スクール)/.test(norm) && (PROFESSIONAL_RE.test(norm) || PROFESSIONAL_CONTEXT_RE.test(norm))) {
    R.add(['child'], undefined, '学校・保育からの相談で子どもが対象 → child');
  }
}
