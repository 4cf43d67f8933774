/**
 * The language to answer a message in, from the language the person wrote it in. A widget takes
 * its first language from the browser and LINE from the profile, but a resident on a borrowed or
 * Japanese-set phone who writes English must not get the hotline reply, or the first answer, in
 * Japanese. What the message shows clearly wins; otherwise the language the person has.
 *
 * - English written → English;
 * - やさしい日本語 written (short spaced phrases, hardly any kanji: src/triage/language.ts) → やさしい日本語;
 * - ordinary Japanese written → Japanese, except for a person who has やさしい日本語 (they may have
 *   chosen it, and plain Japanese is still Japanese they can read more easily);
 * - anything else (a stamp, a number, a language the bot has no words in) → unchanged.
 */
import { detectLanguage } from '../triage/language';
import type { Lang } from './texts';

export function writtenLanguage(current: Lang, text: string): Lang {
  // lower case: triage's detector matches English words as written (「My neighbour」 would be missed)
  const { lang } = detectLanguage(text.toLowerCase());
  if (lang === 'en') return 'en';
  if (lang === 'easy-ja') return 'easy-ja';
  if (lang === 'ja' && current === 'en') return 'ja';
  return current;
}
