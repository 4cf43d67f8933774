import path from 'node:path';
import { formatHotlines, loadMunicipality, selectHotlines } from '../../../src/municipality';

const m = loadMunicipality(path.resolve(__dirname, '../../../config/municipality.example.yaml'));
const numbers = (categories: string[], max?: number) =>
  selectHotlines(m, { categories, lang: 'ja', max }).map((h) => h.number);

describe('selectHotlines', () => {
  test('suicide: 119 and 110 first, then いのちの電話', () => {
    const list = selectHotlines(m, { categories: ['suicide'], lang: 'ja' });
    expect(list.map((h) => h.number).slice(0, 2)).toEqual(['119', '110']);
    expect(list.map((h) => h.number)).toContain('0570-783-556');
    expect(list.find((h) => h.number === '0570-783-556')!.name).toBe('いのちの電話');
    expect(list).toHaveLength(4);
  });

  test('dv: #8008', () => {
    expect(numbers(['dv'])).toEqual(['119', '110', '0120-279-338', '#8008']);
    expect(numbers(['dv'], 5)).toContain('0120-279-889');
  });

  test('abuse and child: 189 before the child-only line', () => {
    expect(numbers(['abuse', 'child'])).toEqual(['119', '110', '189', '0120-0-78310']);
  });

  test('the most salient category comes first', () => {
    expect(numbers(['dv', 'suicide'])[2]).toBe('0120-279-338');
    expect(numbers(['health', 'suicide'], 10)).toEqual(['119', '110', '0570-064-556', '#7119', '0570-783-556', '0120-279-338']);
  });

  test('no duplicates, max respected, always first', () => {
    for (const max of [1, 2, 3, 4, 6]) {
      const list = numbers(['suicide', 'dv', 'abuse', 'child', 'health'], max);
      expect(list.length).toBe(max);
      expect(new Set(list).size).toBe(list.length);
      expect(list.slice(0, 2)).toEqual(['119', '110'].slice(0, max));
    }
    expect(numbers([], 0)).toEqual([]);
  });

  test('no matching category: only the always hotlines', () => {
    expect(numbers(['other'])).toEqual(['119', '110', '0120-279-338']);
    expect(numbers(['elderly', 'unknown-category'])).toEqual(['119', '110']);
  });

  test('language of names and hours; url kept', () => {
    const en = selectHotlines(m, { categories: ['dv'], lang: 'en', max: 5 });
    expect(en[0]).toEqual({ id: 'fire-ambulance', name: 'Ambulance / Fire', number: '119', hours: '24 hours' });
    expect(en.find((h) => h.id === 'dv-soudan-plus')!.url).toBe('https://soudanplus.jp/');
    const easy = selectHotlines(m, { categories: [], lang: 'easy-ja' });
    expect(easy[1].name).toBe('けいさつ');
  });
});

describe('formatHotlines', () => {
  test('ja lines', () => {
    const text = formatHotlines(selectHotlines(m, { categories: ['suicide'], lang: 'ja' }), 'ja');
    const lines = text.split('\n');
    expect(lines[0]).toBe('・救急・消防 119（24時間）');
    expect(lines[2]).toMatch(/^・いのちの電話 0570-783-556（毎日10時〜22時.*）$/);
  });

  test('en lines', () => {
    const text = formatHotlines(selectHotlines(m, { categories: ['suicide'], lang: 'en', max: 2 }), 'en');
    expect(text).toBe('• Ambulance / Fire 119 (24 hours)\n• Police 110 (24 hours)');
  });

  test('empty list', () => {
    expect(formatHotlines([], 'ja')).toBe('');
  });
});
