/**
 * A cry for help with nothing else, greetings and service questions, a minor's own difficulty;
 * `low` when no difficulty is described.
 */
import { DIFFICULTY_RE, NOT_DIFFICULTY_RE, QUESTION_RE } from '../lexicon';
import type { RuleContext } from './context';
import { catsOf, tagsOf, quote } from './hit';

export function lowUrgency(ctx: RuleContext): void {
  const { norm, lang, japanese, hits, live, T, firstOf, R } = ctx;
  const needCats = [...R.cats.keys()].filter((k) => k !== 'foreign' && k !== 'other');
  if (T.has('cry') && needCats.length === 0) R.add(['other'], 'high', `${quote(firstOf('cry')!.phrase)}（助けを求める声）→ other, high`);
  for (const h of live.filter((x) => tagsOf(x.cue).some((t) => t === 'greeting' || t === 'thanks' || t === 'serviceQ'))) {
    if (needCats.length === 0) R.add(['other'], undefined, `${quote(h.phrase)}（あいさつ・お礼・サービスへの質問）→ other`);
  }
  // a minor writing about their own difficulty with no other field: the child's own situation (README: Minors)
  if (T.has('minor') && needCats.length === 0 && !T.has('greeting') && !T.has('serviceQ') && DIFFICULTY_RE.test(norm)) {
    R.add(['child'], undefined, '未成年の本人の困りごと → child');
    needCats.push('child');
  }
  if (needCats.length > 0) R.remove('other');
  if (R.cats.size === 0 || (R.cats.size === 1 && R.has('foreign') && lang.nonStandardJapanese)) R.add(['other'], undefined, '該当する分野なし → other');

  if (R.urgency === 'normal') {
    // 'other' needs (a crime, a return from prison, the gap between services) describe a difficulty too
    const needHit = live.some((h) => !h.topic && catsOf(h.cue).some((k) => k !== 'foreign' && (k !== 'other' || !tagsOf(h.cue).some((t) => t === 'greeting' || t === 'thanks' || t === 'serviceQ'))) && !tagsOf(h.cue).includes('cry'));
    let rest = norm;
    for (const h of hits.filter((x) => x.dropped || x.topic)) rest = rest.slice(0, h.span.start) + ' '.repeat(h.span.end - h.span.start) + rest.slice(h.span.end);
    rest = rest.replace(NOT_DIFFICULTY_RE, ' ');
    // a question about a service that names a field (住宅の申し込み, 家族会, 居場所) but describes no difficulty is `low`:
    // the category words are its topic, not a need the writer reports
    // (one sentence, a question, no report of what has happened or is going on)
    const sentences = norm.split(/[。！？!?\n]/).filter((x) => x.trim());
    const question = japanese && sentences.length === 1 && QUESTION_RE.test(norm) && !/(ています|ている|てる|てて|ました|でした|られ|され)(?!か|ますか|るか)/.test(norm);
    const difficulty = ((needHit || R.needRule) && !(question && !R.needRule && !DIFFICULTY_RE.test(rest))) || (japanese && DIFFICULTY_RE.test(rest)) || T.has('cry');
    if (!difficulty) {
      R.urgency = 'low';
      R.reasons.push('困りごとの記述がない質問・あいさつ → low');
    }
  }
}
