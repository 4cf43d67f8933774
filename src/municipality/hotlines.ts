/**
 * Which hotlines to show in an emergency reply, and how to write them. LINE messages must stay
 * short, so the list is capped (default 4): every `always` hotline first (119, 110), then the
 * ones that fit the message's categories, most salient category first. Given the hour, a line
 * that is closed then is left out (never an `always` one); given who is writing, a line meant for
 * the person themself is not offered to someone worried about another (and the other way round).
 */
import type { Municipality, MunicipalityLang } from './schema';
import { hotlineOpen } from './open-hours';

/** Who is writing: the person in trouble, or someone worried about another person. */
export type Writer = 'self' | 'others';

export interface SelectedHotline {
  id: string;
  name: string;
  number: string;
  hours: string;
  url?: string;
  /** Where one can write instead of calling. */
  chat?: string;
}

export const DEFAULT_MAX_HOTLINES = 4;

export function selectHotlines(
  m: Municipality,
  opts: {
    categories: readonly string[];
    lang: MunicipalityLang;
    max?: number;
    at?: Date;
    writer?: Writer;
    /** A call may not be safe (danger at home): topical lines one can write to come first. */
    preferChat?: boolean;
  },
): SelectedHotline[] {
  const fits = (h: Municipality['hotlines'][number]) =>
    (!opts.at || hotlineOpen(m, h, opts.at)) && (!opts.writer || h.audience === 'all' || h.audience === opts.writer);
  const max = Math.max(0, Math.floor(opts.max ?? DEFAULT_MAX_HOTLINES));
  const picked = new Set<string>();
  const order: Municipality['hotlines'] = [];
  const take = (h: Municipality['hotlines'][number]) => {
    if (!picked.has(h.id)) {
      picked.add(h.id);
      order.push(h);
    }
  };
  for (const h of m.hotlines) if (h.always) take(h);
  const topical = (h: Municipality['hotlines'][number], category: string) => (h.topics as readonly string[]).includes(category) && fits(h);
  for (const pass of opts.preferChat ? [true, false] : [false]) {
    for (const category of opts.categories) {
      for (const h of m.hotlines) if (topical(h, category) && (!pass || h.chat)) take(h);
    }
  }
  return order.slice(0, max).map((h) => ({
    id: h.id,
    name: h.name[opts.lang],
    number: h.number,
    hours: h.hours[opts.lang],
    ...(h.url ? { url: h.url } : {}),
    ...(h.chat ? { chat: h.chat } : {}),
  }));
}

const CHAT: Record<MunicipalityLang, string> = { ja: 'チャット', en: 'chat', 'easy-ja': 'チャット' };

/**
 * One line per hotline: ja/easy-ja 「・いのちの電話 0570-783-556（毎日10時〜22時）」,
 * en "• Inochi no Denwa 0570-783-556 (daily 10:00–22:00)"; a chat page follows when there is one.
 */
export function formatHotlines(list: readonly SelectedHotline[], lang: MunicipalityLang): string {
  return list
    .map((h) => {
      const line = lang === 'en' ? `• ${h.name} ${h.number} (${h.hours})` : `・${h.name} ${h.number}（${h.hours}）`;
      return h.chat ? `${line} ${CHAT[lang]}: ${h.chat}` : line;
    })
    .join('\n');
}
