/**
 * The cues the rules look for, compiled once per tokenizer: phrase index (matched on lemmas and
 * readings), regular expressions, the foreign-language cues, and the scan for words of danger to
 * life in the unread part of a long message (../long-text.ts).
 */
import { ACUTE_CUES, CATEGORY_CUES, FOREIGN_CUES, SERVICE_CUES, SUICIDE_CUES, VIOLENCE_CUES, type Cue, type ForeignCue } from '../lexicon';
import { crisisScan, type CrisisScan } from '../long-text';
import { compilePhrases, type PhraseIndex } from '../match';
import { safetyNetVocabulary } from '../safety-net';
import type { Tokenizer } from '../tokenize';

export interface Compiled {
  tokenizer: Tokenizer;
  index: PhraseIndex<Cue>;
  regexes: Array<{ cue: Cue; re: RegExp }>;
  foreign: Array<{ cue: ForeignCue; re: RegExp }>;
  /** Words of danger to life, for the scan of a long message's unread part (./long-text.ts). */
  crisis: CrisisScan;
}

/** Foreign cues about danger to life (the rest name needs such as rent or food). */
const foreignCrisis = (c: ForeignCue) =>
  (c.cats ?? []).some((k) => k === 'suicide' || k === 'abuse' || k === 'dv') || (c.tags ?? []).some((t) => ['violence', 'towardMe', 'collapse', 'cry', 'afraidHome', 'noFoodDays'].includes(t));

export function compile(tokenizer: Tokenizer): Compiled {
  const crisisCues: Cue[] = [...SUICIDE_CUES, ...VIOLENCE_CUES, ...ACUTE_CUES];
  const cues: Cue[] = [...crisisCues, ...CATEGORY_CUES, ...SERVICE_CUES];
  const index = compilePhrases(
    tokenizer,
    cues.filter((c) => c.ja?.length).map((c) => ({ cue: c, phrases: c.ja! })),
  );
  const net = safetyNetVocabulary(tokenizer);
  const isCrisis = new Set(crisisCues);
  return {
    tokenizer,
    index,
    regexes: cues.flatMap((c) => (c.re ?? []).map((re) => ({ cue: c, re }))),
    foreign: FOREIGN_CUES.map((c) => ({ cue: c, re: c.re })),
    crisis: crisisScan({
      phrases: [...index.all.filter((p) => isCrisis.has(p.cue)).flatMap((p) => [p.phrase, p.kana]), ...net.phrases],
      regexes: [...crisisCues.flatMap((c) => c.re ?? []), ...FOREIGN_CUES.filter(foreignCrisis).map((c) => c.re), ...net.regexes],
    }),
  };
}
