/**
 * A first look at an inbound text as it is stored, before triage: does it hold one of the
 * lexicon's words of danger to life (suicidal ideation, means, acts, farewells; violence; acute
 * signs)? Used only to order the triage queue — such a message is triaged ahead of a backlog, so
 * its hotline reply is not held behind ordinary messages. Triage alone decides what it is: a miss
 * costs only the queue's usual order, a false hit only goes ahead. No tokenizer, no model (this
 * runs in the process that answers the webhook): NFKC, lower case and a plain substring search.
 */
import { ACUTE_CUES, SUICIDE_CUES, VIOLENCE_CUES, type Cue, type Tag } from './lexicon';

/** The cues that name danger to life themselves (not context such as 夫, 今日 or 新聞). */
const DANGER: ReadonlySet<Tag> = new Set<Tag>(['ideation', 'means', 'act', 'selfharm', 'bleeding', 'farewell', 'noReply', 'cry', 'violence', 'inProgress', 'afraidHome', 'weapon', 'hiding', 'collapse', 'acuteBody', 'noFoodDays']);
const cues = [...SUICIDE_CUES, ...VIOLENCE_CUES, ...ACUTE_CUES].filter((c: Cue) => c.tags?.some((t) => DANGER.has(t)));
// The rules match lemmas; on the surface a verb is conjugated (首を吊る → 首を吊ります), so a phrase
// ending in a verb's dictionary-form kana is looked for by its stem too (首を吊), when that stem is
// at least two characters and ends in a kanji or okurigana り/び (飛び降り).
const stem = (p: string) => (/[\u3400-\u9fffりび][るうくすつぬむぶぐ]$/.test(p) && p.length >= 3 ? p.slice(0, -1) : p);
const PHRASES = [...new Set(cues.flatMap((c) => c.ja ?? []).map((p) => stem(p.normalize('NFKC').toLowerCase())))].filter((p) => p.length >= 2);
const PATTERNS = cues.flatMap((c) => c.re ?? []);

export function mayBeCrisis(text: string): boolean {
  const t = text.normalize('NFKC').toLowerCase();
  return PHRASES.some((p) => t.includes(p)) || PATTERNS.some((re) => re.test(t));
}
