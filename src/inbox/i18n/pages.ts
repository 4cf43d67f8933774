/**
 * Strings of a page that lives in its own file: `src/inbox/i18n/pages/<page>.ts` exports
 * `definePage({ ja: {...}, en: {...} })`; the page's components call `usePage(thatPage)`. Both
 * languages must have the same keys (the type of `ja` is the shape `en` must match).
 */
import { useContext } from 'preact/hooks';
import { I18n } from './context.js';
import type { InboxLang } from './catalogue.js';

export type PageStrings<T> = Record<InboxLang, T>;

export function definePage<T>(strings: { ja: T; en: NoInfer<T> }): PageStrings<T> {
  return strings;
}

/** The page's strings in the language the inbox is shown in. */
export function usePage<T>(page: PageStrings<T>): T {
  return page[useContext(I18n).htmlLang];
}
