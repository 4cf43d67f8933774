/**
 * The names the server's label tables give (src/contracts/case-labels.ts: data only, no server
 * code reaches the bundle), in one language of the inbox, so a category or a channel is called
 * the same on every screen, in the report and in the PDFs.
 */
import { CATEGORY_LABELS, CHANNEL_LABELS, CONSENT_SCOPE_LABELS } from '../../contracts/case-labels';
import type { InboxLang } from './catalogue.js';

/** Category codes in the order triage defines them. */
export const CATEGORY_CODES = Object.keys(CATEGORY_LABELS);

export function vocabulary(lang: InboxLang) {
  return { category: namesIn(CATEGORY_LABELS, lang), channel: namesIn(CHANNEL_LABELS, lang), consentScope: namesIn(CONSENT_SCOPE_LABELS, lang) };
}

function namesIn<K extends string>(labels: Record<K, { ja: string; en: string }>, lang: InboxLang): Record<K, string> {
  return Object.fromEntries(Object.entries<{ ja: string; en: string }>(labels).map(([k, v]) => [k, v[lang]])) as Record<K, string>;
}
