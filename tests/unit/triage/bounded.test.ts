/**
 * Issue 13: triage costs time in proportion to a text's length, whatever the text. kuromoji's
 * lattice made one long run of katakana or symbols quadratic (5,000 half-width katakana: 12 s),
 * and the rules judged every repeated cue in its whole sentence (死にたい × 1,250: 1.6 s).
 * Each adversarial 5,000-character text must be read in under 50 ms of CPU time of the thread
 * that reads it (not the process's, not wall time: ../../fixtures/triage/time-in-thread.ts), the
 * best of a few runs, on a quiet machine of the reference speed — on a busier or slower one the
 * line moves by how much slower a fixed piece of work, none of ours, ran in that thread at the
 * time (a full CI run made the same analysis read 50–52 ms against 20–36 at rest) — and a crisis
 * anywhere in it is still found. `npm run bench` prints the figures as measured.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { createClassifier, type Classifier } from '../../../src/triage';
import { MAX_WINDOW, tokenizerPieces, windows } from '../../../src/triage/segment';
import { ADVERSARIAL, ADVERSARIAL_LENGTH as N } from '../../fixtures/triage/adversarial';

let c: Classifier;
beforeAll(async () => {
  c = await createClassifier();
});

describe('worst-case triage time on 5,000 adversarial characters', () => {
  // measured in a worker thread, as production runs triage: jest's sandbox makes every global
  // lookup slow, which alone makes kuromoji four times slower than it is
  let times: Record<string, number>;
  let slowdown: Record<string, number>;
  let clock: string;
  beforeAll(async () => {
    const worker = new Worker(path.resolve(__dirname, '../../fixtures/triage/time-in-thread.cjs'));
    try {
      ({ times, slowdown, clock } = await new Promise<{ times: Record<string, number>; slowdown: Record<string, number>; clock: string }>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      }));
    } finally {
      await worker.terminate();
    }
  }, 120_000);

  test('the clock is the reading thread\'s own CPU time (Linux)', () => {
    expect(clock).toBe(process.platform === 'linux' ? 'thread' : 'process');
  });

  test.each(Object.keys(ADVERSARIAL))('%s: under 50 ms', (name) => {
    expect(ADVERSARIAL[name].length).toBeGreaterThanOrEqual(N - 2);
    expect(times[name]).toBeLessThan(50 * slowdown[name]);
  });
});

describe('a long text is read in full', () => {
  test('a crisis after 4,980 hard characters is found, with the reason that the text was read in parts', () => {
    const t = c.classify(`${'ｱ'.repeat(4980)}。今から首を吊ります`);
    expect(t.urgency).toBe('emergency');
    expect(t.categories[0]).toBe('suicide');
    expect(t.reasons[0]).toMatch(/長いメッセージ（\d+文字）: 初めの\d+文字と、命に関わることばのある\d+文を読んだ/);
  });

  test('a crisis in the middle of a long ordinary story is found, and the story\'s needs are kept', () => {
    const story = '母の介護で毎日眠れません。仕事も休みがちで、家賃の支払いも遅れています。'.repeat(40);
    const t = c.classify(`${story}もう限界です。今夜、橋から飛び降ります。${story}`);
    expect(t.urgency).toBe('emergency');
    expect(t.categories).toEqual(expect.arrayContaining(['suicide', 'carer']));
  });

  test('crisis words left unread past the reading budget make the message high, with the reason', () => {
    const t = c.classify(`${'ア'.repeat(1500)}${'死ぬほど忙しい。'.repeat(200)}`.slice(0, 5000));
    expect(t.urgency).toBe('high');
    expect(t.reasons[1]).toMatch(/命に関わることばのある\d+文は読み切れなかった → high/);
  });

  test('pieces and windows cover the text exactly, within their limits, without splitting a surrogate pair', () => {
    for (const text of Object.values(ADVERSARIAL)) {
      const pieces = tokenizerPieces(text);
      expect(pieces.map(([a, b]) => text.slice(a, b)).join('')).toBe(text);
      for (const [a, b] of pieces) {
        expect(b).toBeGreaterThan(a);
        expect(/[\ud800-\udbff]/.test(text[b - 1])).toBe(false);
      }
      const ws = windows(text);
      expect(ws.join('')).toBe(text);
      for (const w of ws) expect(w.length).toBeLessThanOrEqual(MAX_WINDOW);
    }
  });

  test('a short text is read whole, exactly as before: no parts reason', () => {
    const t = c.classify('今から首を吊ります。さようなら');
    expect(t.reasons.some((r) => r.includes('分けて読み'))).toBe(false);
    expect(t).toMatchObject({ urgency: 'emergency', categories: ['suicide'] });
  });
});
