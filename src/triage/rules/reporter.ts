/**
 * Who is writing: the person themself, family, a neighbour, a professional, or unknown — with the
 * clue.
 */
import type { LanguageInfo } from '../language';
import { FOREIGN_FAMILY_RE, FOREIGN_NEIGHBOUR_RE, FOREIGN_SELF_RE, KIN_RE, NEIGHBOUR_RE, PROFESSIONAL_CONTEXT_RE, PROFESSIONAL_RE, SELF_RE, type Category, type Reporter, type Tag, type Urgency } from '../lexicon';
import { quote } from './hit';

export function detectReporter(norm: string, lang: LanguageInfo, cats: Category[], T: Set<Tag>, urgency: Urgency, firstPersonCrisis: boolean): { who: Reporter; why: string } {
  if (lang.nonStandardJapanese && lang.lang !== 'easy-ja') {
    if (firstPersonCrisis || /\b(we|our|us)\b/.test(norm)) return { who: 'self', why: 'first person' };
    if (FOREIGN_NEIGHBOUR_RE.test(norm)) return { who: 'neighbour', why: 'friend / neighbour' };
    if (FOREIGN_FAMILY_RE.test(norm) && !cats.includes('dv')) return { who: 'family', why: 'a relative' };
    if (FOREIGN_SELF_RE.test(norm)) return { who: 'self', why: 'first person' };
    return { who: 'unknown', why: 'no clue' };
  }
  const pro = norm.match(PROFESSIONAL_RE) ?? norm.match(PROFESSIONAL_CONTEXT_RE);
  if (pro) return { who: 'professional', why: quote(pro[0]) };
  const nb = norm.match(NEIGHBOUR_RE);
  const kin0 = norm.match(KIN_RE);
  // 「一人暮らしの父と連絡が取れない…お隣の方に見てもらったら」: the relative named first is the subject
  if (nb && !(kin0 && kin0.index! < nb.index! && /^(父|母|祖父|祖母|夫|妻|息子|娘|兄|姉|弟|妹)/.test(kin0[0]) && kin0.index! < 20)) return { who: 'neighbour', why: quote(nb[0]) };
  // the writer's own crisis (死にたい, 薬を飲んだ) or own caring burden
  if (firstPersonCrisis) return { who: 'self', why: '本人の危機' };
  // 「わたくしは七十八になる独り者です」: a self-introduction in the first sentence
  const first = norm.split(/[。！？!?\n]/)[0];
  if (/(私|わたし|わたくし|僕|ぼく|俺|おれ|あたし)(は|、)[^。]{0,20}(歳|才|になる|独り|一人暮らし|ひとり暮らし|一人で暮らし)/.test(first) && !KIN_RE.test(first)) return { who: 'self', why: '自己紹介' };
  const top = cats[0];
  // 「弟が職員にたたかれてる」: the passive belongs to a relative named as the subject
  const kinSubject = norm.match(/(弟|妹|兄|姉|息子|娘|母|父|祖母|祖父|孫|夫|妻|うちの子|上の子|下の子)(さん|くん|ちゃん)?([(（][^)）]{0,4}[)）])?(が|は)/);
  if (T.has('towardMe') && !T.has('bothParents') && !(kinSubject && !/(私|わたし|あたし|僕|ぼく|俺)(が|は|を|に)/.test(norm) && !T.has('minor'))) return { who: 'self', why: '本人への暴力' };
  if (T.has('minor') && !T.has('bothParents')) return { who: 'self', why: '未成年の本人' };
  if (cats.includes('dv') && !T.has('bothParents') && (T.has('partner') || T.has('exPartner') || T.has('stalking'))) return { who: 'self', why: '配偶者・交際相手からの被害' };
  // the carer is the writer, unless a relative is named as the one caring (母が父を介護していて)
  const kinCarer = /(母|父|祖母|祖父|妻|夫|姉|兄|弟|妹|義母|義父)(親)?([(（][0-9]+[)）])?(が|は)[^。！？\n]{0,16}(?<!要)(介護|世話|面倒を見)(を|して|し|で|に)/.test(norm) && !/(私|わたし|自分|僕|俺)(が|も|は|の)/.test(norm);
  if ((top === 'carer' || T.has('doubleCare') || T.has('youngCarer')) && !kinCarer) return { who: 'self', why: '介護・ケアをする本人' };
  if (cats.includes('8050') && !/(息子|娘|兄|姉|弟|妹)/.test(norm)) return { who: 'self', why: '8050の子ども本人' };
  if (cats.includes('abuse') && T.has('fearHarm')) return { who: 'self', why: '育児・介護をする本人' };
  // a relative named only as someone lost (主人を亡くして, 妻に先立たれ) or as the writer's only company is not the subject
  const kin = [...norm.matchAll(new RegExp(KIN_RE.source, 'g'))].find((m) => !/^[^。！？\n]{0,4}(亡くし|亡くなっ|なくなっ|先立たれ|死別|しかいな|しかおら|おりません|いません|いない|おらん)/.test(norm.slice(m.index! + m[0].length - 1, m.index! + m[0].length + 8)) && !/^(主人|夫|妻|家内)(を|に)/.test(m[0]));
  if (kin) return { who: 'family', why: quote(kin[0]) };
  const me = norm.match(SELF_RE);
  if (me) return { who: 'self', why: quote(me[0]) };
  if (urgency !== 'low') return { who: 'self', why: '他の人への言及がない困りごと' };
  return { who: 'unknown', why: '手がかりなし' };
}
