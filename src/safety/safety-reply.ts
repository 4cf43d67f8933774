/**
 * The immediate answer to a message that signals danger to life: short, caring, says staff
 * were told, and gives the hotlines that fit (119/110 always, then by category), in the
 * person's language. Sent whatever the hour and whatever the bot's state.
 */
import type { Municipality } from '../municipality';
import { formatHotlines, selectHotlines } from '../municipality';
import { textsFor, type Lang } from '../dialogue/texts';

export function safetyReplyText(m: Municipality, lang: Lang, categories: string[]): string {
  const t = textsFor(lang);
  const hotlines = formatHotlines(selectHotlines(m, { categories, lang, max: 4 }), lang);
  return `${t.safety}\n\n${t.safetyHotlinesIntro}\n${hotlines}`;
}
