/**
 * Parsimony: a need already covered by a more specific category is not added again (the README's
 * labelling rules), and the gap between services.
 */
import { type Category } from '../lexicon';
import type { RuleContext } from './context';
import { catsOf, tagsOf, quote } from './hit';

export function parsimony(ctx: RuleContext): void {
  const { norm, live, T, firstOf, R, hasElder } = ctx;
  // the carer's burden is the need; the cared-for older person is `elderly` only for frailty, night wandering, ダブルケア,
  // a feared harm (abuse carries the victim group) or when the carer is old too (老老介護)
  const oldCarer = /老老介護|老々介護|(私|わたし|自分|僕|俺)(も|は)[^。！？\n]{0,4}(8[0-9]|9[0-9])(歳|才|で|に|、|です)?/.test(norm);
  if (R.has('carer') && !R.has('8050') && !R.has('abuse') && !oldCarer && !T.has('doubleCare') && !T.has('wander') && !T.has('frail') && !T.has('youngCarer')) {
    if (R.has('elderly')) R.reasons.push('介護者の負担が主 → elderly は付けない');
    R.remove('elderly');
  }
  // an illness named next to suicide or a disability is part of that need (health: illness that is not suicidal)
  const healthHits = live.filter((h) => catsOf(h.cue).includes('health'));
  if (R.has('health') && healthHits.length && healthHits.every((h) => h.cue.id === '心身の不調') && !T.has('collapse') && (R.has('suicide') || R.has('disability'))) {
    R.remove('health');
    R.reasons.push(`病名は${R.has('suicide') ? 'suicide' : 'disability'}に含める → health は付けない`);
  }
  // 「払えない」「貯金もない」 say why a debt, rent arrears or economic abuse hurts; poverty only when nothing else explains them
  const povertyHits = live.filter((h) => catsOf(h.cue).includes('poverty') && !h.topic);
  if (R.has('poverty') && povertyHits.length && povertyHits.every((h) => tagsOf(h.cue).includes('payOnly')) && !T.has('noFoodToday') && !T.has('noFoodDays') && (R.has('debt') || R.has('housing') || R.has('abuse'))) {
    R.remove('poverty');
    R.reasons.push('支払いの困難は借金・家賃・経済的虐待の一部 → poverty は付けない');
  }
  // no heating because of the bill is poverty, not self-neglect
  const neglectHits = live.filter((h) => catsOf(h.cue).includes('selfneglect'));
  if (R.has('selfneglect') && R.has('poverty') && neglectHits.length && neglectHits.every((h) => tagsOf(h.cue).includes('exposureOnly'))) {
    R.remove('selfneglect');
    R.reasons.push('費用のために冷暖房を使わない → poverty（selfneglect ではない）');
  }
  // sleeplessness or nausea next to another need is that need's toll, not a separate illness
  const STRESS_SIGN = /^(眠れ|不眠|吐き気|動悸|過呼吸|胸が苦し|胸がぎゅっと|涙が止まらない)/;
  const others = [...R.cats.keys()].filter((k) => !['health', 'foreign', 'other'].includes(k));
  if (R.has('health') && others.length && healthHits.length && healthHits.every((h) => STRESS_SIGN.test(h.phrase))) {
    R.remove('health');
    R.reasons.push('不眠・吐き気は他の困りごとの影響 → health は付けない');
  }
  // withdrawal words without ひきこもり, years or months are a recent pulling back (older people after a loss): isolation
  const withdrawHits = live.filter((h) => catsOf(h.cue).includes('hikikomori'));
  if (R.has('hikikomori') && !R.has('8050') && hasElder && !T.has('years') && withdrawHits.every((h) => !/(ひきこも|引きこも|引き籠|ニート)/.test(h.phrase))) {
    R.remove('hikikomori');
    R.add(['isolation'], undefined, '高齢の方の最近の閉じこもり → isolation（hikikomori は長期のひきこもり）');
  }
  // long-term withdrawal at home already says the person is cut off: hikikomori, not isolation as well
  if (R.has('hikikomori') && R.has('isolation') && !live.some((h) => catsOf(h.cue).includes('isolation') && /(孤独|孤立|さみし|寂し|さびし)/.test(h.phrase))) R.remove('isolation');
  // a minor who has not come home (帰ってこない, 家出): the child's safety, the same day
  if (T.has('minorAny') && !T.has('minor') && /(帰ってこな|帰って来な|かえってこな|家出|行方がわから)/.test(norm) && !R.has('abuse')) {
    R.add(['child'], 'high', '未成年が帰ってこない → child, high');
  }
  if (T.has('gap')) {
    R.add(['other'], undefined, `${quote(firstOf('gap')!.phrase)}（制度の狭間）→ other`);
    for (const c of ['disability', 'poverty', 'health', 'employment'] as Category[]) R.remove(c);
  }
}
