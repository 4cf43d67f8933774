/**
 * Finds the phone numbers in a message, so each can be a `tel:` link that is easy to tap and
 * never breaks across lines: emergency numbers (110, 119, 189…), short dials (#8008, #7119) and
 * Japanese numbers (0120-279-338, 0570-783-556, 03-1234-5678, 09012345678, +81-3-1234-5678),
 * also written with full-width digits. Amounts, dates, times and longer digit runs are left alone.
 */

export interface PhoneMatch {
  /** Offsets in the original text (end exclusive). */
  start: number;
  end: number;
  /** `tel:` URI: digits, `+` and `#` (as %23) only. */
  href: string;
}

/** Three-digit numbers that are only ever dialled as such (police, fire, coast guard, child guidance, consumer, disaster). */
const SHORT = '110|119|118|189|188|171';
const PATTERN = new RegExp(
  [
    '\\+81[- ]?\\d{1,4}[- ]?\\d{1,4}[- ]?\\d{3,4}',
    '0\\d{1,4}-\\d{1,4}-\\d{3,5}',
    '0\\d{9,10}',
    '#\\d{4}',
    `(?:${SHORT})`,
  ].join('|'),
  'g',
);
const DASHES = '‐‑‒–—―−－ーｰ';
/** After a number these make it a quantity, a date or a time, not something to dial. */
const UNITS = '円年月日歳才人件個%％分秒時';

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isJoiner = (c: string | undefined) => c !== undefined && '-.,:/'.includes(c);

/** Same length as `text` (UTF-16 units): full-width digits and signs made ASCII, dashes between digits made '-'. */
function normalise(text: string): string {
  const out: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xff10 && code <= 0xff19) out.push(String.fromCharCode(code - 0xff10 + 48));
    else if (text[i] === '＃') out.push('#');
    else if (text[i] === '＋') out.push('+');
    else out.push(text[i]);
  }
  for (let i = 1; i < out.length - 1; i++) {
    if (DASHES.includes(out[i]) && isDigit(out[i - 1]) && isDigit(out[i + 1])) out[i] = '-';
  }
  return out.join('');
}

export function findPhoneNumbers(text: string): PhoneMatch[] {
  const s = normalise(text);
  const found: PhoneMatch[] = [];
  PATTERN.lastIndex = 0;
  for (let m = PATTERN.exec(s); m; m = PATTERN.exec(s)) {
    const start = m.index;
    const end = start + m[0].length;
    const before = s[start - 1];
    const after = s[end];
    const standsAlone =
      !(before !== undefined && /[0-9A-Za-z#+]/.test(before)) &&
      !(isJoiner(before) && isDigit(s[start - 2])) &&
      !isDigit(after) &&
      !(isJoiner(after) && isDigit(s[end + 1])) &&
      !(after !== undefined && /[A-Za-z]/.test(after)) &&
      !(after !== undefined && UNITS.includes(after));
    if (!standsAlone) {
      // Try again from the next character (a shorter number may start inside this one).
      PATTERN.lastIndex = start + 1;
      continue;
    }
    const dial = m[0].replace(/[^0-9+#]/g, '').replace(/#/g, '%23');
    found.push({ start, end, href: `tel:${dial}` });
  }
  return found;
}
