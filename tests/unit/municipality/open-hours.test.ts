import path from 'node:path';
import { describeStaffedHours, hotlineOpen, loadMunicipality, onCallAt, parseMunicipality, selectHotlines, formatHotlines, zonedTime, type Municipality } from '../../../src/municipality';

const m = loadMunicipality(path.resolve(__dirname, '../../../config/municipality.example.yaml'));
const tokyo = (day: number, hour: number, minute = 0) => zonedTime({ year: 2026, month: 12, day }, hour * 60 + minute, 'Asia/Tokyo');
// 2026-12-08 is a Tuesday, 12-09 a Wednesday (evening desk until 20:00), 12-12 a Saturday.
const with_ = (edit: (d: Record<string, any>) => void): Municipality => {
  const d = structuredClone(m) as unknown as Record<string, any>;
  edit(d);
  return parseMunicipality(d);
};

describe('hotline hours', () => {
  const inochi = m.hotlines.find((h) => h.id === 'inochi-no-denwa')!;
  test.each([
    [tokyo(8, 9, 59), false],
    [tokyo(8, 10, 0), true],
    [tokyo(8, 21, 59), true],
    [tokyo(8, 22, 0), false],
    [tokyo(12, 3, 0), false],
  ])('いのちの電話 (daily 10:00–22:00) at %s → %s', (at, open) => expect(hotlineOpen(m, inochi, at)).toBe(open));

  test('24h and no openHours are open at any hour; a weekly schedule follows its day', () => {
    expect(hotlineOpen(m, { openHours: '24h' }, tokyo(12, 3))).toBe(true);
    expect(hotlineOpen(m, { openHours: undefined }, tokyo(12, 3))).toBe(true);
    const weekdays = { ...m.staffedHours };
    expect(hotlineOpen(m, { openHours: weekdays }, tokyo(8, 12))).toBe(true);
    expect(hotlineOpen(m, { openHours: weekdays }, tokyo(12, 12))).toBe(false);
  });

  test('a closed line is left out of the list at that hour; 119 and 110 never', () => {
    const numbers = (at: Date) => selectHotlines(m, { categories: ['suicide'], lang: 'ja', at, max: 10 }).map((h) => h.number);
    expect(numbers(tokyo(8, 12))).toContain('0570-783-556');
    expect(numbers(tokyo(8, 23))).not.toContain('0570-783-556');
    const allClosed = with_((d) => {
      for (const h of d.hotlines) h.openHours = [{ start: '09:00', end: '10:00' }];
    });
    expect(selectHotlines(allClosed, { categories: ['suicide'], lang: 'ja', at: tokyo(8, 23) }).map((h) => h.number)).toEqual(['119', '110']);
  });

  test('who is writing: lines for the person themself are not offered to someone worried about another', () => {
    const forOthers = selectHotlines(m, { categories: ['suicide', 'abuse', 'child'], lang: 'ja', writer: 'others', max: 10 }).map((h) => h.id);
    expect(forOthers).toEqual(['fire-ambulance', 'police', 'child-abuse-189']);
    const forSelf = selectHotlines(m, { categories: ['suicide'], lang: 'ja', writer: 'self', max: 10 }).map((h) => h.id);
    expect(forSelf).toContain('inochi-no-denwa');
  });

  test('a call may be unsafe: lines one can write to come first; the chat page is printed', () => {
    const list = selectHotlines(m, { categories: ['dv'], lang: 'ja', writer: 'self', preferChat: true, max: 5 });
    expect(list.map((h) => h.id)).toEqual(['fire-ambulance', 'police', 'dv-soudan-plus', 'yorisoi', 'dv-navi']);
    expect(formatHotlines(list, 'ja')).toContain('・DV相談＋（プラス） 0120-279-889（24時間・無料・チャットやメールでも相談できます） チャット: https://soudanplus.jp/');
    expect(formatHotlines(selectHotlines(m, { categories: ['dv'], lang: 'en', preferChat: true }), 'en')).toContain('chat: https://soudanplus.jp/');
  });
});

describe('the on-call roster', () => {
  test('outsideStaffedHours (as shipped): nights, weekends, holidays', () => {
    expect(onCallAt(m, tokyo(8, 12))).toBeNull(); // Tuesday noon: the desk is open
    expect(onCallAt(m, tokyo(8, 23))?.name).toMatch(/夜間・休日当番/);
    expect(onCallAt(m, tokyo(9, 19))).toBeNull(); // Wednesday evening desk
    expect(onCallAt(m, tokyo(12, 12))).not.toBeNull(); // Saturday
    expect(onCallAt(m, zonedTime({ year: 2026, month: 12, day: 30 }, 12 * 60, 'Asia/Tokyo'))).not.toBeNull(); // 年末年始
  });

  test('24h, a weekly roster, the first line that covers the hour, none', () => {
    const r = with_((d) => {
      d.escalation.onCall = [
        { name: '平日夜', hours: { ...d.staffedHours, mon: [{ start: '17:15', end: '24:00' }], tue: [{ start: '17:15', end: '24:00' }] } },
        { name: '常時', hours: '24h' },
      ];
    });
    expect(onCallAt(r, tokyo(8, 23))?.name).toBe('平日夜');
    expect(onCallAt(r, tokyo(12, 3))?.name).toBe('常時');
    expect(onCallAt(with_((d) => (d.escalation.onCall = [])), tokyo(8, 23))).toBeNull();
  });
});

describe('staffed hours in words', () => {
  test.each([
    ['ja', '月・火・木・金 8時30分〜17時15分、水 8時30分〜20時（祝日・休庁日を除く）'],
    ['en', 'Mon, Tue, Thu, Fri 8:30–17:15; Wed 8:30–20:00 (except holidays and closing days)'],
    ['easy-ja', 'げつようび・かようび・もくようび・きんようび 8じ30ぷん〜17じ15ふん、すいようび 8じ30ぷん〜20じ（やすみの ひを のぞく）'],
  ] as const)('%s', (lang, words) => expect(describeStaffedHours(m, lang)).toBe(words));

  test('never staffed', () => {
    const closed = with_((d) => {
      for (const day of Object.keys(d.staffedHours)) d.staffedHours[day] = [];
    });
    expect(describeStaffedHours(closed, 'easy-ja')).toBe('うけつけは ありません');
  });
});
