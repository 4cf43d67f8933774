/** Household patterns: 8050, ダブルケア, ヤングケアラー, a carer's exhaustion, self-neglect, frailty. */
import { CARE_STRAIN_RE, CONTACT_REFUSAL_RE, EXPOSURE_RE, type Category } from '../lexicon';
import type { RuleContext } from './context';
import { catsOf, tagsOf, quote, arrow } from './hit';

export function households(ctx: RuleContext): void {
  const { norm, live, T, firstOf, R, hasChild, hasElder, minorSelf } = ctx;
  const parentSide = T.has('elderAge') || T.has('parentsRef');
  const withdrawn = T.has('withdrawn') || T.has('dependent');
  // parents whose stated age is under 70 are not an 8050 household (README: late 70s to 90s)
  const youngParents = /(両親|親|父|母)(は|が|とも|も)?[^。！？\n]{0,4}([3-6]0代|[3-6][0-9](歳|才))/.test(norm) && !T.has('elderAge');
  if (parentSide && !youngParents && (T.has('midAge') || /親の年金/.test(norm)) && withdrawn) {
    const cats: Category[] = ['8050'];
    if (T.has('withdrawn')) cats.push('hikikomori');
    R.add(cats, undefined, `高齢の親＋中高年の子＋${T.has('withdrawn') ? 'ひきこもり' : '無職・依存'}（8050）${arrow(cats)}`);
    if (T.has('frail')) R.add(['elderly'], undefined, '親の衰え → elderly');
    if (!T.has('frail') && !live.some((h) => catsOf(h.cue).includes('elderly') && !tagsOf(h.cue).includes('frail'))) R.remove('elderly');
  }
  const careWork = T.has('careWork');
  const elderCare = R.has('elderly') || hasElder;
  if (T.has('doubleCare') || (careWork && elderCare && hasChild && /(子ども|子供|小学生|中学生|育児|子育て|宿題|保育園)/.test(norm) && !minorSelf)) {
    R.add(['carer', 'child', 'elderly'], undefined, `${quote((firstOf('doubleCare') ?? firstOf('careWork'))!.phrase)}（子育てと介護の両方: ダブルケア）→ carer, child, elderly`);
  }
  if (T.has('youngCarer') || (careWork && minorSelf)) {
    // 「ヤングケアラーってどんな支援が…」 names the topic only: no difficulty by itself
    const topicOnly = !!firstOf('youngCarer')?.topic && !careWork;
    R.add(['carer', 'child'], undefined, `${quote((firstOf('youngCarer') ?? firstOf('careWork'))!.phrase)}（ヤングケアラー）→ carer, child`, !topicOnly);
    if (!T.has('doubleCare')) R.remove('elderly');
    R.remove('disability');
  }
  if (!R.has('carer') && (R.has('elderly') || R.has('disability')) && (T.has('wander') || /介護/.test(norm)) && (CARE_STRAIN_RE.test(norm) || /(見張|見守)[^。！？\n]{0,6}(無理|できな|限界)/.test(norm)) && /(私|わたし|自分)(も|は|が)/.test(norm)) {
    R.add(['carer'], undefined, '介護する本人の疲弊 → carer');
  }
  if (R.has('selfneglect')) {
    if (hasElder || /(父|母|祖父|祖母)(が|は)/.test(norm)) R.add(['elderly'], undefined, '高齢の方のセルフネグレクト → elderly');
    if (CONTACT_REFUSAL_RE.test(norm)) R.add(['isolation'], undefined, '関わりの拒否 → isolation');
    if (hasElder && EXPOSURE_RE.test(norm)) R.add([], 'high', '寒さ・暑さの中の高齢者 → high');
  }
  if (!R.has('elderly') && hasElder && T.has('decline')) R.add(['elderly'], undefined, `高齢＋${quote(firstOf('decline')!.phrase)} → elderly`);
}
