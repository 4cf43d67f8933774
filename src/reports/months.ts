/** A range of calendar months (YYYY-MM), as the reports count them. */
import { AppError } from '../errors';

/** The longest range one request may ask for (10 years), so a report stays one screen of work. */
export const MAX_MONTHS = 120;

export const isMonth = (s: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(s);

const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
const fromIndex = (i: number) => `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`;

/** Every month from `from` to `to`, both included; 400 when reversed or longer than MAX_MONTHS. */
export function monthsBetween(from: string, to: string): string[] {
  const a = index(from);
  const b = index(to);
  if (b < a) throw new AppError('invalid_query', 'from must not be after to');
  if (b - a + 1 > MAX_MONTHS) throw new AppError('invalid_query', `at most ${MAX_MONTHS} months`);
  return Array.from({ length: b - a + 1 }, (_, k) => fromIndex(a + k));
}

/** The month after `m` (the range's end is the first instant of the month after `to`). */
export const nextMonth = (m: string) => fromIndex(index(m) + 1);
