/**
 * Issue 13 (memory): the kuromoji dictionary and the model are held once per process and every
 * triage thread works on views of them. These views must give exactly what the ordinary loading
 * gives: the same tokens, the same model rows and predictions, and a pool built on them
 * classifies as the classifier in this thread does.
 */
import fs from 'node:fs';
import path from 'node:path';
import kuromoji from 'kuromoji';
import type { Logger } from '../../../src/logger';
import { createClassifier, createTriagePool, MODEL_FILE } from '../../../src/triage';
import { decodeModel, encodeModel } from '../../../src/triage/model/binary';
import { compileModel, MODEL_FORMAT, predict } from '../../../src/triage/model/linear';
import { loadTriageModel, sharedModelBytes } from '../../../src/triage/model/load';
import { DICTIONARY_DIR, kuromojiOnShared, loadSharedDictionary } from '../../../src/triage/shared-dictionary';
import { ADVERSARIAL } from '../../fixtures/triage/adversarial';

const CORPUS = path.resolve(__dirname, '../../../corpus/train');
const texts = ['w1-elderly-households.jsonl', 'w7-traps-and-voices.jsonl']
  .flatMap((f) => fs.readFileSync(path.join(CORPUS, f), 'utf8').split('\n').filter((l) => l.trim()).slice(0, 150))
  .map((l) => {
    const j = JSON.parse(l) as { text?: string; texts?: string[] };
    return j.text ?? (j.texts ?? []).join('\n');
  });

type Kuromoji = kuromoji.Tokenizer<kuromoji.IpadicFeatures>;

test('kuromoji on the shared dictionary gives the same tokens as kuromoji on its own files', async () => {
  const own = await new Promise<Kuromoji>((resolve, reject) => kuromoji.builder({ dicPath: DICTIONARY_DIR }).build((err, tk) => (err ? reject(err) : resolve(tk))));
  const shared = kuromojiOnShared(loadSharedDictionary()) as Kuromoji;
  const samples = [...texts, 'ｱｲｳ ABC 123 😂 がっこうにいきたくない', ...Object.values(ADVERSARIAL).map((t) => t.slice(0, 200))];
  for (const t of samples) expect(shared.tokenize(t)).toEqual(own.tokenize(t));
}, 60_000);

describe('the binary model file', () => {
  const trained = compileModel(
    {
      format: MODEL_FORMAT,
      features: ['c:死', 'c:死に', 'w:死ぬ', 'x:help', 'y:^_help', 'c:😂', 'rt:ideation', 'c:ｱ'],
      heads: {
        categories: { labels: ['suicide', 'other'], kind: 'sigmoid', bias: [-1, 0.5], weights: Float32Array.from({ length: 16 }, (_, i) => (i % 5) - 2) },
        urgency: { labels: ['emergency', 'high', 'normal', 'low'], kind: 'softmax', bias: [0, 0, 1, 0], weights: Float32Array.from({ length: 32 }, (_, i) => (i % 7) / 3 - 1) },
        reporter: { labels: ['self', 'unknown'], kind: 'softmax', bias: [0, 0], weights: Float32Array.from({ length: 16 }, (_, i) => i / 10) },
        risk: { labels: ['risk'], kind: 'sigmoid', bias: [-2], weights: Float32Array.from([3, 2, 1.5, 2.5, 0.1, -1, 4, 0]) },
      },
      calibration: { a: 0.9, b: 0.1 },
      thresholds: { check: 0.2, crisis: 0.6, category: 0.4 },
      trainedOn: { note: 'test' },
    },
    'in-memory',
  );

  // int16 weights (src/triage/model/binary.ts): the same words, probabilities within rounding
  const expectSamePrediction = (got: ReturnType<typeof predict>, want: ReturnType<typeof predict>) => {
    expect(got.riskWords).toEqual(want.riskWords);
    expect(got.risk).toBeCloseTo(want.risk, 4);
    for (const head of ['categories', 'urgency', 'reporter'] as const) {
      expect(Object.keys(got[head])).toEqual(Object.keys(want[head]));
      for (const [label, p] of Object.entries(want[head])) expect(got[head][label]).toBeCloseTo(p, 4);
    }
  };

  test('decodes to the same rows, names and, within int16 rounding, predictions as the model it was written from', () => {
    const bytes = encodeModel(trained.model);
    const sab = new SharedArrayBuffer(bytes.byteLength);
    new Uint8Array(sab).set(bytes);
    const loaded = decodeModel(new Uint8Array(sab), 'shared');
    expect(loaded.size).toBe(trained.size);
    for (const f of trained.model.features) expect(loaded.feature(loaded.row(f)!)).toBe(f);
    expect(loaded.row('c:知らない')).toBeUndefined();
    expect(loaded.row('')).toBeUndefined();
    for (const features of [['c:死', 'w:死ぬ', 'rt:ideation'], ['x:help', 'y:^_help', 'c:😂'], ['c:ｱ', 'unknown'], []]) {
      expectSamePrediction(predict(loaded, features), predict(trained, features));
    }
  });

  test('the committed model loads the same from the file and from the shared copy', () => {
    const fromFile = loadTriageModel(MODEL_FILE)!;
    const fromShared = loadTriageModel(undefined, sharedModelBytes())!;
    expect(fromShared.version).toBe(fromFile.version);
    const features = ['c:死に', 'c:たい', 'w:死ぬ', 'rt:ideation', 'lang:ja', 'x:bridge'];
    expect(predict(fromShared, features)).toEqual(predict(fromFile, features));
  });
});

test('a triage pool on the shared dictionary and model classifies as the classifier here does', async () => {
  const here = await createClassifier();
  const pool = createTriagePool({ threads: 2, timeoutMs: 30_000, log: { warn() {} } as unknown as Logger });
  try {
    const sample = texts.filter((_, i) => i % 10 === 0);
    const got = await Promise.all(sample.map((t) => pool.analyse(t)));
    got.forEach((g, i) => expect(g).toEqual(here.classify(sample[i])));
  } finally {
    await pool.close();
  }
}, 120_000);
