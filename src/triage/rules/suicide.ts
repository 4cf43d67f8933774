/**
 * Danger to the writer's own life, or someone else's told by the writer: ideation, means, acts,
 * places, farewells, endings and self-harm, each with what makes it acute.
 */
import { sentenceOf } from '../negation';
import type { RuleContext } from './context';
import { quote } from './hit';

/** A time that makes an ending word a plan: 今夜, つぎの電車, これから. */
const TONIGHT_RE = /(今夜|今晩|こんや|今日|きょう|今から|いまから|これから|つぎの|次の|明日の朝|あしたの朝)/;
/** Everyday activities at a height, by the tracks or the water. */
const PLACE_BENIGN_RE = /(洗濯|干し|干して|掃除|住んで|住む|近くの|近くに|バイト|働|通勤|通学|騒音|ビアガーデン|カフェ|園芸|花|布団|タバコ|たばこ|釣り|散歩|家賃|引っ越)/;

export function suicide(ctx: RuleContext): void {
  const { norm, T, firstOf, allOf, R, noReply, crisisFirst, crisisRelayed } = ctx;
  // 「ベランダで洗濯物」「線路の近くに住んでいて」: a place named for daily life, not as where the writer stands now
  for (const h of allOf('meansWeak')) if (PLACE_BENIGN_RE.test(sentenceOf(norm, h.span).text)) h.dropped = '日常の場所';
  const weakMeans = allOf('meansWeak').filter((h) => !h.dropped);
  // 「連載を終わりにする」「作業はこれで終わりにする予定」: ending a thing, not one's life
  for (const h of allOf('ideationWeak')) {
    const sent = sentenceOf(norm, h.span);
    const head = norm.slice(sent.start, h.span.start);
    const m = head.match(/([\u3400-\u9fffァ-ヴー]{1,8})(を|は|も)[^。！？\n]{0,6}$/);
    if ((m && !/(人生|全部|すべて|全て|命|自分|私|俺|僕|生活)$/.test(m[1])) || /(予定|つもりです|ことにしました|来月|来年)/.test(sent.text)) h.dropped = '物事の終わり';
  }
  const ending = allOf('ideationWeak').filter((h) => !h.dropped);
  const endingFirst = ending.filter((h, i) => !h.relay && !ending.slice(0, i).some((o) => o.span.start < h.span.end && h.span.start < o.span.end));
  const endingRelayed = ending.filter((h) => h.relay);
  const farewell = allOf('farewell');
  const entrust = allOf('entrust');
  const despair = T.has('farewellWeak') || T.has('cry');
  if (crisisFirst.length) {
    const h = crisisFirst[0];
    R.add(['suicide'], 'emergency', `${quote(h.phrase)}（本人の希死念慮・計画・行為）→ suicide, emergency`);
  } else if (weakMeans.length >= 2 || (weakMeans.length && (despair || farewell.length || endingFirst.length))) {
    R.add(['suicide'], 'emergency', `${weakMeans.map((h) => quote(h.phrase)).join('')}（場所・高さ・手段の示唆）→ suicide, emergency`);
  }
  // 「終わりにする」「消えます」 are read as ending one's life only next to despair, a place, a farewell or a time
  if (endingFirst.length && (despair || farewell.length || entrust.length || weakMeans.length || TONIGHT_RE.test(norm) || endingFirst.length >= 2)) {
    R.add(['suicide'], 'emergency', `${quote(endingFirst[0].phrase)}（終わり・離脱のことば）＋疲弊・別れ・場所・時刻 → suicide, emergency`);
  }
  // two different farewell signals (今までありがとう + 猫をお願いします) are a goodbye, not thanks
  const farewellKinds = farewell.filter((h, i) => !farewell.slice(0, i).some((o) => o.span.start < h.span.end && h.span.start < o.span.end)).length;
  if (farewell.length && (crisisFirst.length || despair || noReply || weakMeans.length || endingFirst.length || entrust.length || farewellKinds >= 2 || T.has('days'))) {
    R.add(['suicide'], 'emergency', `${quote(farewell[0].phrase)}（別れのことば）→ suicide, emergency`);
  }
  if (endingRelayed.length && !crisisRelayed.length) {
    const acute = noReply || weakMeans.length > 0 || farewell.length > 0;
    if (acute || despair) R.add(['suicide'], acute ? 'emergency' : 'high', `${quote(endingRelayed[0].phrase)}（${endingRelayed[0].relay}）→ suicide, ${acute ? 'emergency' : 'high'}`);
  }
  if (noReply && (T.has('farewellWeak') || farewell.length || crisisRelayed.length) && !T.has('notSeen')) {
    R.add(['suicide'], 'emergency', `別れを思わせる言葉のあと${quote(firstOf('noReply')!.phrase)} → suicide, emergency`);
  }
  if (crisisRelayed.length) {
    const acute = T.has('means') || T.has('act') || noReply;
    R.add(['suicide'], acute ? 'emergency' : 'high', `${quote(crisisRelayed[0].phrase)}（${crisisRelayed[0].relay}）→ suicide, ${acute ? 'emergency' : 'high'}`);
  }
  if (T.has('relayHint')) R.add(['suicide'], 'high', `${quote(firstOf('relayHint')!.phrase)}（命に関わる示唆）→ suicide, high`);
  if (T.has('selfharm')) {
    const acute = T.has('bleeding') || T.has('act');
    R.add(['suicide'], acute ? 'emergency' : 'high', `${quote(firstOf('selfharm')!.phrase)}（自傷）→ suicide, ${acute ? 'emergency' : 'high'}`);
  }
  ctx.endingRelayed = endingRelayed;
}
