/** 相談番号: the 和暦 year in the municipality's time zone, and the sequence padded to six digits. */
import { eraYearPrefix, formatCaseNumber } from '../../../src/cases/case-number';

describe('case numbers', () => {
  it.each([
    ['2026-12-05T03:00:00Z', 'Asia/Tokyo', 'R8'],
    ['2019-05-01T00:00:00+09:00', 'Asia/Tokyo', 'R1'],
    ['2019-04-30T23:59:00+09:00', 'Asia/Tokyo', 'H31'],
    // New Year in Japan while it is still 31 December in UTC: the municipality's year counts.
    ['2026-12-31T15:30:00Z', 'Asia/Tokyo', 'R9'],
    ['2026-12-31T15:30:00Z', 'UTC', 'R8'],
  ])('%s in %s is %s', (at, tz, prefix) => {
    expect(eraYearPrefix(new Date(at), tz)).toBe(prefix);
  });
  it('pads the sequence', () => {
    expect(formatCaseNumber('R8', 123)).toBe('R8-000123');
    expect(formatCaseNumber('R8', 1234567)).toBe('R8-1234567');
  });
});
