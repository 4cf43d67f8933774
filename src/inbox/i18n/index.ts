/** The inbox's language: the catalogues, the chosen language (kept in this browser), `useT()`. */
import type { Catalogue, InboxLang } from './catalogue.js';
import { ja } from './ja.js';
import { en } from './en.js';

export type { Catalogue, InboxLang } from './catalogue.js';
export { absoluteTime, relativeTime } from './time.js';
export { I18n, useT } from './context.js';
export { definePage, usePage, type PageStrings } from './pages.js';

export { CATEGORY_CODES } from './vocabulary.js';

export const catalogues: Record<InboxLang, Catalogue> = { ja, en };

const LANG_KEY = 'tsunagu.inbox.lang';

export function initialLang(): InboxLang {
  try {
    const v = localStorage.getItem(LANG_KEY);
    if (v === 'ja' || v === 'en') return v;
  } catch {
    /* ignore */
  }
  return 'ja';
}

export function saveLang(lang: InboxLang): void {
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    /* ignore */
  }
}
