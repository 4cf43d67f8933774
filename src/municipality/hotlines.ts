/**
 * Which hotlines to show in an emergency reply, and how to write them. LINE messages must stay
 * short, so the list is capped (default 4): every `always` hotline first (119, 110), then the
 * ones that fit the message's categories, most salient category first.
 */
import type { Municipality, MunicipalityLang } from './schema';

export interface SelectedHotline {
  id: string;
  name: string;
  number: string;
  hours: string;
  url?: string;
}

export const DEFAULT_MAX_HOTLINES = 4;

export function selectHotlines(
  m: Municipality,
  opts: { categories: readonly string[]; lang: MunicipalityLang; max?: number },
): SelectedHotline[] {
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
  for (const category of opts.categories) {
    for (const h of m.hotlines) if ((h.topics as readonly string[]).includes(category)) take(h);
  }
  return order.slice(0, max).map((h) => ({
    id: h.id,
    name: h.name[opts.lang],
    number: h.number,
    hours: h.hours[opts.lang],
    ...(h.url ? { url: h.url } : {}),
  }));
}

/**
 * One line per hotline: ja/easy-ja 「・いのちの電話 0570-783-556（毎日10時〜22時）」,
 * en "• Inochi no Denwa 0570-783-556 (daily 10:00–22:00)".
 */
export function formatHotlines(list: readonly SelectedHotline[], lang: MunicipalityLang): string {
  return list
    .map((h) => (lang === 'en' ? `• ${h.name} ${h.number} (${h.hours})` : `・${h.name} ${h.number}（${h.hours}）`))
    .join('\n');
}
