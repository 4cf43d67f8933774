/**
 * Hours other than the desk's own: when a hotline answers, who of the on-call roster covers an
 * hour, and the desk's weekly hours said in words (やさしい日本語 texts tell them). Pure, in the
 * municipality's time zone like calendar.ts.
 */
import { formatClock, isStaffed, localParts, weekdayName } from './calendar';
import { parseTime, WEEKDAYS, type Hotline, type Municipality, type MunicipalityLang, type RosterEntry, type TimeRange, type WeeklyHours } from './schema';

const within = (ranges: readonly TimeRange[], minute: number) => ranges.some((r) => parseTime(r.start) <= minute && minute < parseTime(r.end));

function clockAt(m: Municipality, at: Date) {
  const p = localParts(at, m.timezone);
  return { weekday: new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay(), minute: p.hour * 60 + p.minute };
}

/** Whether a hotline answers at `at` (one without `openHours` is taken to answer at any hour). */
export function hotlineOpen(m: Municipality, h: Pick<Hotline, 'openHours'>, at: Date): boolean {
  const hours = h.openHours;
  if (!hours || hours === '24h') return true;
  const { weekday, minute } = clockAt(m, at);
  return within(Array.isArray(hours) ? hours : hours[WEEKDAYS[weekday]], minute);
}

function rosterCovers(m: Municipality, hours: RosterEntry['hours'], at: Date): boolean {
  if (hours === '24h') return true;
  if (hours === 'outsideStaffedHours') return !isStaffed(m, at);
  const { weekday, minute } = clockAt(m, at);
  return within(hours[WEEKDAYS[weekday]], minute);
}

/** The first line of the on-call roster that covers `at`, or null when nobody is on call then. */
export function onCallAt(m: Municipality, at: Date): RosterEntry | null {
  return m.escalation.onCall.find((e) => rosterCovers(m, e.hours, at)) ?? null;
}

/** Touching ranges become one (8:30–17:15 and 17:15–20:00 are 8:30–20:00 to a reader). */
function merged(ranges: readonly TimeRange[]): [number, number][] {
  const out: [number, number][] = [];
  for (const r of [...ranges].sort((a, b) => parseTime(a.start) - parseTime(b.start))) {
    const last = out.at(-1);
    if (last && last[1] === parseTime(r.start)) last[1] = parseTime(r.end);
    else out.push([parseTime(r.start), parseTime(r.end)]);
  }
  return out;
}

const SEP: Record<MunicipalityLang, { day: string; group: string; range: string; closed: string; holidays: string }> = {
  ja: { day: '・', group: '、', range: '〜', closed: '受付はありません', holidays: '（祝日・休庁日を除く）' },
  en: { day: ', ', group: '; ', range: '–', closed: 'no staffed hours', holidays: ' (except holidays and closing days)' },
  'easy-ja': { day: '・', group: '、', range: '〜', closed: 'うけつけは ありません', holidays: '（やすみの ひを のぞく）' },
};

/**
 * The weekly staffed hours in words, days with the same hours together, Monday first:
 * ja 「月・火・木・金 8時30分〜17時15分、水 8時30分〜20時（祝日・休庁日を除く）」.
 */
export function describeStaffedHours(m: Municipality, lang: MunicipalityLang): string {
  const s = SEP[lang];
  const groups = new Map<string, number[]>();
  for (const wd of [1, 2, 3, 4, 5, 6, 0]) {
    const ranges = merged((m.staffedHours as WeeklyHours)[WEEKDAYS[wd]]);
    if (ranges.length === 0) continue;
    const key = ranges.map(([a, b]) => `${formatClock(a, lang)}${s.range}${formatClock(b, lang)}`).join(s.day);
    groups.set(key, [...(groups.get(key) ?? []), wd]);
  }
  if (groups.size === 0) return s.closed;
  const text = [...groups].map(([hours, days]) => `${days.map((d) => weekdayName(d, lang)).join(s.day)} ${hours}`).join(s.group);
  const closes = m.holidays.national || m.holidays.closedDates.length > 0;
  return closes ? `${text}${s.holidays}` : text;
}
