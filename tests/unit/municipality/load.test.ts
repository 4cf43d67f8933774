import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { loadMunicipality, MunicipalityError, parseMunicipality, type Municipality } from '../../../src/municipality';

const EXAMPLE = path.resolve(__dirname, '../../../config/municipality.example.yaml');
const exampleData = () => parse(fs.readFileSync(EXAMPLE, 'utf8')) as Record<string, any>;

/** The error thrown by fn (fails the test when nothing is thrown). */
function errorOf(fn: () => unknown): MunicipalityError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(MunicipalityError);
    return e as MunicipalityError;
  }
  throw new Error('expected a MunicipalityError');
}

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tsunagu-municipality-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const writeTmp = (name: string, text: string) => {
  const p = path.join(tmp, name);
  fs.writeFileSync(p, text);
  return p;
};

describe('the shipped example file', () => {
  let m: Municipality;
  beforeAll(() => {
    m = loadMunicipality(EXAMPLE);
  });

  test('loads and validates', () => {
    expect(m.name.ja).toContain('〇〇市');
    expect(m.timezone).toBe('Asia/Tokyo');
    expect(m.staffedHours.mon).toEqual([{ start: '08:30', end: '17:15' }]);
    expect(m.staffedHours.wed.map((r) => r.end)).toContain('20:00');
    expect(m.staffedHours.sat).toEqual([]);
    expect(m.staffedHours.sun).toEqual([]);
    expect(m.holidays.national).toBe(true);
    expect(m.holidays.closedDates).toContainEqual(expect.objectContaining({ from: '12-29', to: '01-03' }));
    expect(m.escalation.unacknowledgedMinutes).toBe(5);
    // Ships an out-of-hours target (the local test receiver) and a roster for nights and holidays.
    expect(m.escalation.webhookUrl).toBe('http://127.0.0.1:8025/oncall');
    expect(m.escalation.onCall).toEqual([expect.objectContaining({ hours: 'outsideStaffedHours' })]);
    expect(m.escalation.tellPersonUnreachedSeconds).toBe(60);
  });

  test('tellPersonUnreachedSeconds: 60 when left out, 0 allowed, negative or fractional refused', () => {
    const d = exampleData();
    delete d.escalation.tellPersonUnreachedSeconds;
    expect(parseMunicipality(d, 'x.yaml').escalation.tellPersonUnreachedSeconds).toBe(60);
    d.escalation.tellPersonUnreachedSeconds = 0;
    expect(parseMunicipality(d, 'x.yaml').escalation.tellPersonUnreachedSeconds).toBe(0);
    for (const bad of [-1, 1.5, 'soon']) {
      d.escalation.tellPersonUnreachedSeconds = bad;
      expect(errorOf(() => parseMunicipality(d, 'x.yaml')).issues).toContainEqual(expect.stringMatching(/^escalation\.tellPersonUnreachedSeconds: /));
    }
  });

  test('ships the well-known national numbers, quoted as text', () => {
    const byNumber = new Map(m.hotlines.map((h) => [h.number, h]));
    for (const n of ['119', '110', '0570-783-556', '0120-279-338', '189', '#8008', '0120-279-889', '0570-064-556', '#7119']) {
      expect(byNumber.has(n)).toBe(true);
    }
    expect(byNumber.get('119')!.always).toBe(true);
    expect(byNumber.get('110')!.always).toBe(true);
    expect(byNumber.get('0570-783-556')!.topics).toContain('suicide');
    expect(byNumber.get('189')!.topics).toEqual(expect.arrayContaining(['abuse', 'child']));
    for (const h of m.hotlines) {
      expect(h.name.ja && h.name.en && h.name['easy-ja']).toBeTruthy();
      expect(h.hours.ja && h.hours.en && h.hours['easy-ja']).toBeTruthy();
    }
  });
});

describe('a broken file gives a readable error naming the field', () => {
  test('a bad time', () => {
    const d = exampleData();
    d.staffedHours.mon[0].end = '17:75';
    const e = errorOf(() => parseMunicipality(d, 'x.yaml'));
    expect(e.code).toBe('municipality_invalid');
    expect(e.message).toContain('x.yaml');
    expect(e.message).toMatch(/staffedHours\.mon\[0\]\.end: must be HH:MM/);
  });

  test('a time written as a bare number', () => {
    const d = exampleData();
    d.staffedHours.tue[0].start = 830;
    expect(errorOf(() => parseMunicipality(d)).issues).toContainEqual(expect.stringMatching(/^staffedHours\.tue\[0\]\.start: must be HH:MM/));
  });

  test('start after end, overlapping ranges', () => {
    const d = exampleData();
    d.staffedHours.thu = [{ start: '17:00', end: '09:00' }];
    d.staffedHours.fri = [
      { start: '08:30', end: '17:15' },
      { start: '17:00', end: '20:00' },
    ];
    const { issues } = errorOf(() => parseMunicipality(d));
    expect(issues).toContainEqual(expect.stringMatching(/^staffedHours\.thu\[0\]\.end: start must be before end/));
    expect(issues).toContainEqual(expect.stringMatching(/^staffedHours\.fri\[1\]\.start: overlaps 08:30–17:15/));
  });

  test('a duplicate hotline id', () => {
    const d = exampleData();
    d.hotlines[3].id = d.hotlines[2].id;
    const { issues } = errorOf(() => parseMunicipality(d));
    expect(issues).toContainEqual(expect.stringMatching(/^hotlines\[3\]\.id: duplicate id "inochi-no-denwa" \(also hotlines\[2\]\)/));
  });

  test('no always hotline', () => {
    const d = exampleData();
    for (const h of d.hotlines) h.always = false;
    const { issues } = errorOf(() => parseMunicipality(d));
    expect(issues).toContainEqual(expect.stringMatching(/^hotlines: at least one hotline must have `always: true`/));
  });

  test('every problem is listed at once, with wrong and missing fields named', () => {
    const d = exampleData();
    d.staffedHours.mon[0].end = '25:00';
    d.hotlines[1].id = d.hotlines[0].id;
    d.hotlines[4].topics = ['suicide', 'suicidal'];
    delete d.hotlines[5].number;
    d.holidays.closedDates.push('13-01');
    d.escalation.unacknowledgedMinutes = 0;
    d.timezone = 'Asia/Tokio';
    d.staffedHours.satuday = [];
    const { message, issues } = errorOf(() => parseMunicipality(d, 'bad.yaml'));
    expect(message).toMatch(/^Invalid municipality file bad\.yaml:/);
    const fields = issues.map((l) => l.split(': ')[0]);
    expect(fields).toEqual(
      expect.arrayContaining([
        'staffedHours.mon[0].end',
        'hotlines[1].id',
        'hotlines[4].topics[1]',
        'hotlines[5].number',
        'holidays.closedDates[1].from',
        'escalation.unacknowledgedMinutes',
        'timezone',
        'staffedHours',
      ]),
    );
    expect(issues).toContainEqual('hotlines[5].number: is required');
    expect(issues).toContainEqual(expect.stringMatching(/^staffedHours: .*satuday/));
  });

  test('an unquoted phone number is refused with a hint', () => {
    const d = exampleData();
    d.hotlines[0].number = 119;
    d.hotlines[6].number = null; // what `number: #8008` unquoted becomes
    const { issues } = errorOf(() => parseMunicipality(d));
    expect(issues).toContainEqual(expect.stringMatching(/^hotlines\[0\]\.number: .*quote it/));
    expect(issues).toContainEqual(expect.stringMatching(/^hotlines\[6\]\.number: .*quote it/));
  });

  test('an extra open date on a Sunday needs hours', () => {
    const d = exampleData();
    d.holidays.extraOpenDates = ['2026-03-29'];
    expect(errorOf(() => parseMunicipality(d)).issues).toContainEqual(
      expect.stringMatching(/^holidays\.extraOpenDates\[0\]\.hours: 2026-03-29 is a sun/),
    );
  });

  test('a broken YAML file names the file and field', () => {
    const text = fs.readFileSync(EXAMPLE, 'utf8').replace('mon: [{ start: "08:30", end: "17:15" }]', 'mon: [{ start: "08:30", end: "5pm" }]');
    const file = writeTmp('bad-time.yaml', text);
    const e = errorOf(() => loadMunicipality(file));
    expect(e.message).toContain(file);
    expect(e.message).toContain('staffedHours.mon[0].end: must be HH:MM');
  });

  test('invalid YAML syntax names the line', () => {
    const file = writeTmp('syntax.yaml', 'name:\n  ja: x\n  en: [unclosed\n');
    const e = errorOf(() => loadMunicipality(file));
    expect(e.message).toContain(file);
    expect(e.issues[0]).toMatch(/^line \d+, column \d+: /);
  });

  test('hotline hours, audience and chat; escalation e-mail and on-call roster', () => {
    const d = exampleData();
    d.hotlines[2].openHours = '9to5';
    d.hotlines[3].openHours = [{ start: '22:00', end: '08:00' }];
    d.hotlines[4].audience = 'neighbours';
    d.hotlines[5].chat = 'soudanplus.jp';
    d.escalation.email = ['oncall@city', 'ok@city.example.jp'];
    d.escalation.onCall = [{ name: '夜間', hours: 'nights' }, { hours: '24h' }];
    const { issues } = errorOf(() => parseMunicipality(d));
    expect(issues).toContainEqual(expect.stringMatching(/^hotlines\[2\]\.openHours: must be 24h, a list of/));
    expect(issues).toContainEqual(expect.stringMatching(/^hotlines\[3\]\.openHours/));
    expect(issues).toContainEqual(expect.stringMatching(/^hotlines\[4\]\.audience: must be self, others or all/));
    expect(issues).toContainEqual(expect.stringMatching(/^hotlines\[5\]\.chat: must be an http\(s\) URL/));
    expect(issues).toContainEqual(expect.stringMatching(/^escalation\.email\[0\]: must be an e-mail address/));
    expect(issues).not.toContainEqual(expect.stringMatching(/^escalation\.email\[1\]/));
    expect(issues).toContainEqual(expect.stringMatching(/^escalation\.onCall\[0\]\.hours: must be 24h, outsideStaffedHours/));
    expect(issues).toContainEqual('escalation.onCall[1].name: is required');
  });

  test('the three forms of openHours are accepted', () => {
    const d = exampleData();
    d.hotlines[2].openHours = '24h';
    d.hotlines[3].openHours = [{ start: '00:00', end: '08:00' }, { start: '22:00', end: '24:00' }];
    d.hotlines[4].openHours = { ...d.staffedHours };
    const m = parseMunicipality(d);
    expect(m.hotlines[2].openHours).toBe('24h');
    expect(m.hotlines[3].openHours).toHaveLength(2);
    expect(m.hotlines[4].openHours).toMatchObject({ mon: [{ start: '08:30', end: '17:15' }] });
    expect(m.hotlines[2].audience).toBe('self'); // as shipped
    expect(m.hotlines[0].audience).toBe('all'); // the default
  });

  test('a missing file', () => {
    const e = errorOf(() => loadMunicipality(path.join(tmp, 'nope.yaml')));
    expect(e.message).toMatch(/nope\.yaml: file not found/);
  });
});
