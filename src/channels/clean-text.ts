/**
 * What a person typed, made safe to store: control characters are removed (NUL cannot be stored
 * in a Postgres text or jsonb value at all, and the others are invisible noise), except line
 * breaks and tabs. Anything else, emoji and every script included, is kept as written.
 */
// C0 controls without \t (09) and \n (0A); \r (0D) goes too: a line break is \n. DEL and C1 controls.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

export function cleanText(s: string): string {
  return s.replace(CONTROL, '');
}
