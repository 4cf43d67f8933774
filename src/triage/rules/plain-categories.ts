/**
 * Reasons for what was set aside, the categories that plain cues name, and a child's own behaviour
 * as the child's need.
 */
import { type Tag } from '../lexicon';
import type { RuleContext } from './context';
import { catsOf, tagsOf, quote, arrow, CRISIS_TAGS } from './hit';

export function plainCategories(ctx: RuleContext): void {
  const { lang, hits, live, T, R } = ctx;

  if (lang.nonStandardJapanese) R.add(['foreign'], undefined, `言語判定: ${lang.lang}（${lang.why}）→ foreign`);
  for (const h of hits.filter((x) => x.dropped && (catsOf(x.cue).length || tagsOf(x.cue).some((t) => CRISIS_TAGS.includes(t))))) {
    R.reasons.push(`${quote(h.phrase)}は${h.dropped} → 数えない`);
  }

  // plain category cues
  const STRUCTURAL: Tag[] = ['ideation', 'means', 'act', 'selfharm', 'relayHint', 'cry', 'neglect', 'abuseExplicit', 'dvExplicit', 'noFoodToday', 'noFoodDays', 'sleepTonight', 'evict', 'wander', 'doubleCare', 'youngCarer', 'gap'];
  for (const h of live) {
    const cats = catsOf(h.cue);
    if (cats.length === 0 || tagsOf(h.cue).some((t) => STRUCTURAL.includes(t))) continue;
    R.add(cats, undefined, `${quote(h.phrase)} ${arrow(cats)}`, false);
  }

  // a child's behaviour (暴れる, 友達を叩く) is the child's own need; with a disability it belongs to that need
  const childBehaviour = hits.find((h) => h.dropped === '子ども本人の行動' || h.dropped === '子ども同士の暴力');
  if (childBehaviour && !T.has('disabilityWord')) R.add(['child'], undefined, `${quote(childBehaviour.phrase)}（子ども本人の行動）→ child`);
}
