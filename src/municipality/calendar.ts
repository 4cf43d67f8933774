/**
 * Staffed hours in the municipality's own time zone. Pure functions; local time is read with
 * Intl.DateTimeFormat, so results do not depend on the server's TZ.
 *
 * Precedence for one local date: an `extraOpenDates` entry wins; otherwise a national holiday
 * (when `holidays.national`) or a `closedDates` entry closes the day; otherwise the weekly
 * schedule applies.
 */
import holidayJp from '@holiday-jp/holiday_jp';
import { parseTime, WEEKDAYS, type Municipality, type MunicipalityLang, type TimeRange } from './schema';

const NATIONAL_HOLIDAYS: Record<string, unknown> = holidayJp.holidays;
const MINUTE = 60_000;
const DAY = 86_400_000;
/** How far ahead nextStaffedStart looks. */
export const SEARCH_DAYS = 30;

/** A calendar date (no time zone attached). */
export interface LocalDate {
  year: number;
  month: number; // 1-12
  day: number;
}

interface LocalParts extends LocalDate {
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * The parts of recent seconds, per time zone: every front-door turn asks for the local time, and
 * out of hours for the start of the next staffed hours, the same instants for every message of
 * the day (`formatToParts` was about 1 % of the workers' CPU under load). Bounded: emptied when full.
 */
const remembered = new Map<string, LocalParts>();
const REMEMBER_MAX = 4096;

/** Wall-clock parts of `at` in `timeZone` (to the second). */
export function localParts(at: Date, timeZone: string): LocalParts {
  const key = `${timeZone}|${Math.floor(at.getTime() / 1000)}`;
  const known = remembered.get(key);
  if (known) return { ...known };
  const out: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(at)) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  const parts = {
    year: out.year,
    month: out.month,
    day: out.day,
    hour: out.hour === 24 ? 0 : out.hour,
    minute: out.minute,
    second: out.second,
  };
  if (remembered.size >= REMEMBER_MAX) remembered.clear();
  remembered.set(key, parts);
  return { ...parts };
}

/** The instant at which the wall clock in `timeZone` shows the given date and minute of day. */
export function zonedTime(date: LocalDate, minuteOfDay: number, timeZone: string): Date {
  const wall = Date.UTC(date.year, date.month - 1, date.day) + minuteOfDay * MINUTE;
  const offsetAt = (t: number) => {
    const p = localParts(new Date(t), timeZone);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(t / 1000) * 1000;
  };
  // Two passes settle offsets that change between the guess and the answer (DST).
  let t = wall - offsetAt(wall);
  t = wall - offsetAt(t);
  return new Date(t);
}

const pad = (n: number) => String(n).padStart(2, '0');
const addDays = (d: LocalDate, n: number): LocalDate => {
  const u = new Date(Date.UTC(d.year, d.month - 1, d.day) + n * DAY);
  return { year: u.getUTCFullYear(), month: u.getUTCMonth() + 1, day: u.getUTCDate() };
};
const weekdayOf = (d: LocalDate) => new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
const isoDate = (d: LocalDate) => `${d.year}-${pad(d.month)}-${pad(d.day)}`;
const monthDay = (d: LocalDate) => `${pad(d.month)}-${pad(d.day)}`;

/** Whether a date spec ("MM-DD" every year, or "YYYY-MM-DD") matches. */
const specMatches = (spec: string, d: LocalDate) => (spec.length === 5 ? spec === monthDay(d) : spec === isoDate(d));

/** Whether a closedDates range (inclusive; MM-DD ranges may wrap over the new year) holds `d`. */
function inRange(from: string, to: string, d: LocalDate): boolean {
  if (from.length === 10) {
    const iso = isoDate(d);
    return from <= iso && iso <= to;
  }
  const md = monthDay(d);
  return from <= to ? from <= md && md <= to : md >= from || md <= to;
}

export function isNationalHoliday(d: LocalDate): boolean {
  return Object.prototype.hasOwnProperty.call(NATIONAL_HOLIDAYS, isoDate(d));
}

/** Why a date is closed although the weekly schedule may have hours; undefined when it is not. */
export function closedReason(m: Municipality, d: LocalDate): 'national_holiday' | 'closed_date' | undefined {
  if (m.holidays.extraOpenDates.some((e) => specMatches(e.date, d))) return undefined;
  if (m.holidays.closedDates.some((c) => inRange(c.from, c.to, d))) return 'closed_date';
  if (m.holidays.national && isNationalHoliday(d)) return 'national_holiday';
  return undefined;
}

/** The staffed ranges of one local date, sorted by start (empty when closed). */
export function hoursOn(m: Municipality, d: LocalDate): TimeRange[] {
  const weekly = m.staffedHours[WEEKDAYS[weekdayOf(d)]];
  const extra = m.holidays.extraOpenDates.find((e) => specMatches(e.date, d));
  let ranges: TimeRange[];
  if (extra) ranges = extra.hours ?? weekly;
  else if (closedReason(m, d)) ranges = [];
  else ranges = weekly;
  return [...ranges].sort((a, b) => parseTime(a.start) - parseTime(b.start));
}

/** Whether a person is on duty at `at` (start inclusive, end exclusive). */
export function isStaffed(m: Municipality, at: Date): boolean {
  const p = localParts(at, m.timezone);
  const minute = p.hour * 60 + p.minute;
  return hoursOn(m, p).some((r) => parseTime(r.start) <= minute && minute < parseTime(r.end));
}

/**
 * The next moment a person will answer: `at` itself when staffed now, else the start of the next
 * staffed range within SEARCH_DAYS days (holidays and closed dates skipped), else null.
 */
export function nextStaffedStart(m: Municipality, at: Date): Date | null {
  if (isStaffed(m, at)) return at;
  const today = localParts(at, m.timezone);
  const limit = at.getTime() + SEARCH_DAYS * DAY;
  for (let i = 0; i <= SEARCH_DAYS; i++) {
    const d = addDays(today, i);
    for (const r of hoursOn(m, d)) {
      const start = zonedTime(d, parseTime(r.start), m.timezone);
      if (start.getTime() > limit) return null;
      if (start.getTime() > at.getTime()) return start;
    }
  }
  return null;
}

const WEEKDAY_JA = ['日', '月', '火', '水', '木', '金', '土'];
const WEEKDAY_EASY = ['にちようび', 'げつようび', 'かようび', 'すいようび', 'もくようび', 'きんようび', 'どようび'];
const WEEKDAY_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTH_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** 1ぷん 2ふん 3ぷん 4ぷん 5ふん 6ぷん 7ふん 8ぷん 9ふん 10ぷん (by the last digit). */
const easyMinuteSuffix = (min: number) => ([2, 5, 7, 9].includes(min % 10) ? 'ふん' : 'ぷん');

/** A time of day (minutes after midnight): ja 「8時30分」, en "8:30", easy-ja 「8じ30ぷん」. */
export function formatClock(minuteOfDay: number, lang: MunicipalityLang): string {
  const hour = Math.floor(minuteOfDay / 60);
  const minute = minuteOfDay % 60;
  switch (lang) {
    case 'en':
      return `${hour}:${pad(minute)}`;
    case 'easy-ja':
      return `${hour}じ${minute ? `${minute}${easyMinuteSuffix(minute)}` : ''}`;
    default:
      return `${hour}時${minute ? `${minute}分` : ''}`;
  }
}

/** The name of a weekday (0 = Sunday): ja 「月」, en "Mon", easy-ja 「げつようび」. */
export function weekdayName(weekday: number, lang: MunicipalityLang): string {
  return (lang === 'en' ? WEEKDAY_EN : lang === 'easy-ja' ? WEEKDAY_EASY : WEEKDAY_JA)[weekday];
}

/** `at` as local date and time: ja 「12月1日(月) 8時30分」, en "Mon 1 Dec, 8:30", easy-ja 「12がつ1にち（げつようび）8じ30ぷん」. */
export function formatLocalDateTime(m: Municipality, at: Date, lang: MunicipalityLang): string {
  const p = localParts(at, m.timezone);
  const wd = weekdayName(weekdayOf(p), lang);
  const clock = formatClock(p.hour * 60 + p.minute, lang);
  switch (lang) {
    case 'en':
      return `${wd} ${p.day} ${MONTH_EN[p.month - 1]}, ${clock}`;
    case 'easy-ja':
      return `${p.month}がつ${p.day}にち（${wd}）${clock}`;
    default:
      return `${p.month}月${p.day}日(${wd}) ${clock}`;
  }
}

const NOW: Record<MunicipalityLang, string> = { ja: 'ただいま', en: 'now', 'easy-ja': 'いま' };
const NOT_SOON: Record<MunicipalityLang, string> = {
  ja: `${SEARCH_DAYS}日以内の受付予定はありません`,
  en: `not within the next ${SEARCH_DAYS} days`,
  'easy-ja': `${SEARCH_DAYS}にち いないに こたえられる ひは ありません`,
};

/**
 * When a person will next answer, for a message: the local date and time of nextStaffedStart
 * (see formatLocalDateTime); 「ただいま」/"now"/「いま」 when staffed at `at`; a "not within 30
 * days" phrase when nothing is scheduled.
 */
export function describeNextStaffed(m: Municipality, at: Date, lang: MunicipalityLang): string {
  const next = nextStaffedStart(m, at);
  if (!next) return NOT_SOON[lang];
  if (next.getTime() === at.getTime()) return NOW[lang];
  return formatLocalDateTime(m, next, lang);
}
