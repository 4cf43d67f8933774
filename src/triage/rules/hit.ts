/** A cue found in a message, and the small helpers every rule stage uses to read and explain it. */
import type { Category, Cue, ForeignCue, Tag, Urgency } from '../lexicon';
import type { MatchSpan } from '../match';

export type AnyCue = Cue | ForeignCue;

export interface Hit {
  cue: AnyCue;
  phrase: string;
  span: MatchSpan;
  /** Why the hit does not count (negated, hyperbole, …). */
  dropped?: string;
  /** Someone else's words relayed by the writer. */
  relay?: string;
  /** Names a topic or service only. */
  topic: boolean;
}

export const tagsOf = (c: AnyCue): Tag[] => c.tags ?? [];
export const catsOf = (c: AnyCue): Category[] => c.cats ?? [];

/** Tags whose hits are checked for negation, hyperbole and past-resolved context. */
export const CRISIS_TAGS: Tag[] = ['ideation', 'ideationWeak', 'entrust', 'means', 'meansWeak', 'act', 'selfharm', 'farewell', 'farewellWeak', 'relayHint', 'cry', 'despair'];

export const quote = (s: string) => `「${s.trim()}」`;
export const arrow = (cats: Category[], urgency?: Urgency) => `→ ${[...cats, ...(urgency ? [urgency] : [])].join(', ')}`;
