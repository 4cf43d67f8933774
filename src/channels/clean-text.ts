/**
 * What a person typed, made safe to store: control characters are removed (NUL cannot be stored
 * in a Postgres text or jsonb value at all, and the others are invisible noise), except line
 * breaks and tabs. Anything else, emoji and every script included, is kept as written; a lone
 * surrogate becomes U+FFFD.
 */
// C0 controls without \t (09) and \n (0A); \r (0D) goes too: a line break is \n. DEL and C1 controls.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

// A lone half of a surrogate pair is no character: it becomes U+FFFD, as writing it as UTF-8
// made it anyway (intake passes messages to the database as JSON, which refuses it outright).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function cleanText(s: string): string {
  return s.replace(CONTROL, '').replace(LONE_SURROGATE, '\uFFFD');
}
