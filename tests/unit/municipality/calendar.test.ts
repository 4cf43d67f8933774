import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import {
  describeNextStaffed,
  formatLocalDateTime,
  isStaffed,
  loadMunicipality,
  nextStaffedStart,
  parseMunicipality,
  zonedTime,
} from '../../../src/municipality';

const EXAMPLE = path.resolve(__dirname, '../../../config/municipality.example.yaml');
const m = loadMunicipality(EXAMPLE);
/** A Japan wall-clock time, e.g. jst('2026-11-20T18:00'). */
const jst = (s: string) => new Date(`${s}:00+09:00`);

describe('isStaffed (Asia/Tokyo, mon–fri 08:30–17:15, wed until 20:00)', () => {
  test.each([
    ['2026-11-19T10:00', true, 'weekday (Thu) 10:00'],
    ['2026-11-19T08:30', true, 'opening minute'],
    ['2026-11-19T08:29', false, 'one minute before opening'],
    ['2026-11-19T17:14', true, 'last minute'],
    ['2026-11-19T17:15', false, 'closing time (end excluded)'],
    ['2026-11-19T18:00', false, 'weekday 18:00'],
    ['2026-11-18T18:00', true, 'Wednesday evening line'],
    ['2026-11-18T20:00', false, 'Wednesday after the evening line'],
    ['2026-11-21T10:00', false, 'Saturday'],
    ['2026-11-22T10:00', false, 'Sunday'],
    ['2026-11-03T10:00', false, '文化の日 (Tue)'],
    ['2026-11-23T10:00', false, '勤労感謝の日 (Mon)'],
    ['2027-01-01T10:00', false, '元日'],
    ['2026-12-28T10:00', true, 'last working day of the year (Mon)'],
    ['2026-12-29T10:00', false, '12-29 年末'],
    ['2026-12-30T10:00', false, '12-30 年末 (Wed)'],
    ['2027-01-04T10:00', true, 'first working day (Mon)'],
    ['2026-03-29T10:00', true, 'extra open Sunday 09:00–12:00'],
    ['2026-03-29T13:00', false, 'extra open Sunday after 12:00'],
  ])('%s → %s (%s)', (at, expected) => {
    expect(isStaffed(m, jst(at))).toBe(expected);
  });

  test('uses the municipality time zone, not UTC or the server TZ', () => {
    // Monday 2026-11-16 00:30 UTC is Monday 09:30 in Tokyo.
    expect(isStaffed(m, new Date('2026-11-16T00:30:00Z'))).toBe(true);
    // Sunday 2026-11-15 23:30 UTC is Monday 08:30 in Tokyo: opening minute.
    expect(isStaffed(m, new Date('2026-11-15T23:30:00Z'))).toBe(true);
    // Monday 2026-11-16 10:00 UTC is Monday 19:00 in Tokyo: closed.
    expect(isStaffed(m, new Date('2026-11-16T10:00:00Z'))).toBe(false);
    // Friday 2026-11-20 23:00 UTC is Saturday 08:00 in Tokyo.
    expect(isStaffed(m, new Date('2026-11-20T23:00:00Z'))).toBe(false);
  });

  test('national: false opens on national holidays', () => {
    const d = parse(fs.readFileSync(EXAMPLE, 'utf8'));
    d.holidays.national = false;
    const open = parseMunicipality(d);
    expect(isStaffed(open, jst('2026-11-03T10:00'))).toBe(true);
    expect(isStaffed(open, jst('2026-12-30T10:00'))).toBe(false); // closedDates still apply
  });

  test('one-off closed ranges and extra open dates by weekday hours', () => {
    const d = parse(fs.readFileSync(EXAMPLE, 'utf8'));
    d.holidays.closedDates.push({ from: '2026-08-12', to: '2026-08-14' });
    d.holidays.extraOpenDates.push('2026-11-03'); // a holiday on a Tuesday: open with Tuesday hours
    const x = parseMunicipality(d);
    expect(isStaffed(x, jst('2026-08-11T10:00'))).toBe(false); // 山の日 2026-08-11
    expect(isStaffed(x, jst('2026-08-13T10:00'))).toBe(false);
    expect(isStaffed(x, jst('2026-08-17T10:00'))).toBe(true);
    expect(isStaffed(x, jst('2026-11-03T10:00'))).toBe(true);
    expect(isStaffed(x, jst('2026-11-03T17:30'))).toBe(false);
  });
});

describe('nextStaffedStart', () => {
  test('staffed now → the same moment', () => {
    const at = jst('2026-11-19T10:00');
    expect(nextStaffedStart(m, at)).toEqual(at);
  });

  test('before opening → today 08:30', () => {
    expect(nextStaffedStart(m, jst('2026-11-19T07:00'))).toEqual(jst('2026-11-19T08:30'));
  });

  test('weekday evening → next morning', () => {
    expect(nextStaffedStart(m, jst('2026-11-19T18:00'))).toEqual(jst('2026-11-20T08:30'));
  });

  test('Friday 18:00 → Monday 08:30', () => {
    expect(nextStaffedStart(m, jst('2026-11-13T18:00'))).toEqual(jst('2026-11-16T08:30'));
  });

  test('Friday 18:00 before a holiday Monday (勤労感謝の日) → Tuesday 08:30', () => {
    const next = nextStaffedStart(m, jst('2026-11-20T18:00'));
    expect(next).toEqual(jst('2026-11-24T08:30'));
    expect(next!.toISOString()).toBe('2026-11-23T23:30:00.000Z');
  });

  test('year end → first working day in January', () => {
    expect(nextStaffedStart(m, jst('2026-12-28T18:00'))).toEqual(jst('2027-01-04T08:30'));
    expect(nextStaffedStart(m, jst('2026-12-31T12:00'))).toEqual(jst('2027-01-04T08:30'));
  });

  test('between ranges of the same day', () => {
    const d = parse(fs.readFileSync(EXAMPLE, 'utf8'));
    d.staffedHours.mon = [
      { start: '08:30', end: '12:00' },
      { start: '13:00', end: '17:15' },
    ];
    expect(nextStaffedStart(parseMunicipality(d), jst('2026-11-16T12:30'))).toEqual(jst('2026-11-16T13:00'));
  });

  test('null when nobody answers within 30 days', () => {
    const d = parse(fs.readFileSync(EXAMPLE, 'utf8'));
    for (const day of ['mon', 'tue', 'wed', 'thu', 'fri']) d.staffedHours[day] = [];
    d.holidays.extraOpenDates = [];
    expect(nextStaffedStart(parseMunicipality(d), jst('2026-11-20T18:00'))).toBeNull();
  });

  test('works in a time zone with daylight saving time', () => {
    const d = parse(fs.readFileSync(EXAMPLE, 'utf8'));
    d.timezone = 'America/New_York';
    d.holidays.national = false;
    const ny = parseMunicipality(d);
    // Fri 2026-10-30 18:00 EDT (UTC-4) → Mon 2026-11-02 08:30 EST (UTC-5), after the switch on Nov 1.
    expect(nextStaffedStart(ny, new Date('2026-10-30T22:00:00Z'))!.toISOString()).toBe('2026-11-02T13:30:00.000Z');
  });
});

describe('describeNextStaffed', () => {
  const fri = jst('2026-11-20T18:00');

  test('ja / en / easy-ja', () => {
    expect(describeNextStaffed(m, fri, 'ja')).toBe('11月24日(火) 8時30分');
    expect(describeNextStaffed(m, fri, 'en')).toBe('Tue 24 Nov, 8:30');
    expect(describeNextStaffed(m, fri, 'easy-ja')).toBe('11がつ24にち（かようび）8じ30ぷん');
  });

  test('the brief examples: Mon 1 Dec', () => {
    const at = jst('2025-11-28T18:00'); // Friday
    expect(describeNextStaffed(m, at, 'ja')).toBe('12月1日(月) 8時30分');
    expect(describeNextStaffed(m, at, 'en')).toBe('Mon 1 Dec, 8:30');
    expect(describeNextStaffed(m, at, 'easy-ja')).toBe('12がつ1にち（げつようび）8じ30ぷん');
  });

  test('whole hours and minute readings', () => {
    expect(formatLocalDateTime(m, jst('2026-11-16T09:00'), 'ja')).toBe('11月16日(月) 9時');
    expect(formatLocalDateTime(m, jst('2026-11-16T09:00'), 'en')).toBe('Mon 16 Nov, 9:00');
    expect(formatLocalDateTime(m, jst('2026-11-16T09:00'), 'easy-ja')).toBe('11がつ16にち（げつようび）9じ');
    expect(formatLocalDateTime(m, jst('2026-11-16T17:15'), 'easy-ja')).toBe('11がつ16にち（げつようび）17じ15ふん');
  });

  test('staffed now, and nothing within 30 days', () => {
    expect(describeNextStaffed(m, jst('2026-11-19T10:00'), 'ja')).toBe('ただいま');
    expect(describeNextStaffed(m, jst('2026-11-19T10:00'), 'en')).toBe('now');
    const d = parse(fs.readFileSync(EXAMPLE, 'utf8'));
    for (const day of ['mon', 'tue', 'wed', 'thu', 'fri']) d.staffedHours[day] = [];
    d.holidays.extraOpenDates = [];
    expect(describeNextStaffed(parseMunicipality(d), jst('2026-11-19T10:00'), 'en')).toMatch(/not within the next 30 days/);
  });

  test('zonedTime turns a Tokyo wall clock into the right instant', () => {
    expect(zonedTime({ year: 2027, month: 1, day: 4 }, 8 * 60 + 30, 'Asia/Tokyo').toISOString()).toBe('2027-01-03T23:30:00.000Z');
  });
});
