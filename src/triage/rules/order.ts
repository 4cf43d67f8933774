/** The categories in the order staff read them: what most changes what they do first. */
import type { LanguageInfo } from '../language';
import type { Category, Tag } from '../lexicon';
import type { Result } from './result';

/** Default salience: what most changes what staff do first. */
const SALIENCE: Category[] = [
  'suicide',
  'dv',
  'abuse',
  'foreign',
  '8050',
  'carer',
  'selfneglect',
  'hikikomori',
  'debt',
  'housing',
  'disability',
  'elderly',
  'child',
  'health',
  'poverty',
  'employment',
  'isolation',
  'other',
];

export function order(R: Result, lang: LanguageInfo, T: Set<Tag>): Category[] {
  const cats = [...R.cats.keys()];
  const rank = (c: Category): number => {
    if (c === 'foreign' && !lang.nonStandardJapanese && !R.has('abuse') && !R.has('dv') && !R.has('suicide')) return 3;
    // a feared harm: the carer's own need leads (child, abuse)
    if (c === 'abuse' && T.has('fearHarm') && !T.has('abuseExplicit') && !T.has('neglect')) return 50;
    return SALIENCE.indexOf(c);
  };
  return cats.sort((a, b) => rank(a) - rank(b) || (R.cats.get(a)! - R.cats.get(b)!));
}
