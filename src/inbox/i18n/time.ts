/** Times as staff read them: relative ("3分前") for the last week, then the date. */
import type { Catalogue } from './catalogue.js';

/** "3分前" / "3 minutes ago"; older than a week: the date. */
export function relativeTime(iso: string, now: number, t: Catalogue): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '';
  const sec = Math.round((then - now) / 1000);
  const abs = Math.abs(sec);
  if (abs < 45) return t.relative.justNow;
  try {
    const rtf = new Intl.RelativeTimeFormat(t.htmlLang, { numeric: 'auto' });
    if (abs < 3600) return rtf.format(Math.round(sec / 60), 'minute');
    if (abs < 86400) return rtf.format(Math.round(sec / 3600), 'hour');
    if (abs < 7 * 86400) return rtf.format(Math.round(sec / 86400), 'day');
  } catch {
    /* fall through */
  }
  return absoluteTime(iso, t);
}

export function absoluteTime(iso: string, t: Catalogue): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  try {
    return new Intl.DateTimeFormat(t.htmlLang, {
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    }).format(d);
  } catch {
    return d.toLocaleString();
  }
}
