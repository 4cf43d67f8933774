/**
 * The model file's int16 weights (src/triage/model/binary.ts): each weight comes back within half
 * a step of what training made, scores move by no more than that allows, the file is about half
 * the float32 size, and a file of the earlier float32 form is refused with a way out.
 */
import { decodeModel, encodeModel } from '../../../src/triage/model/binary';
import { MODEL_FORMAT, rowsOf, scores, type Head, type HeadName, type LinearModel } from '../../../src/triage/model/linear';

// a small model with weights of very different sizes, from a fixed sequence (no Math.random)
function sampleModel(features = 500): LinearModel {
  let x = 12345;
  const next = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
  const head = (labels: string[], kind: Head['kind']): Head => ({
    labels,
    kind,
    bias: labels.map(() => next()),
    weights: Float32Array.from({ length: features * labels.length }, (_, i) => next() * (i % 7 === 0 ? 6 : 0.05)),
  });
  const heads: Record<HeadName, Head> = {
    categories: head(['elderly', 'child', 'suicide'], 'sigmoid'),
    urgency: head(['emergency', 'high', 'normal', 'low'], 'softmax'),
    reporter: head(['self', 'family'], 'softmax'),
    risk: head(['risk'], 'sigmoid'),
  };
  return {
    format: MODEL_FORMAT,
    heads,
    calibration: { a: 1, b: 0 },
    thresholds: { check: 0.1, crisis: 0.3, category: 0.4 },
    trainedOn: {},
    features: Array.from({ length: features }, (_, i) => `c:語${i}`),
  };
}

test('int16 weights come back within half a step, and scores within what that allows', () => {
  const model = sampleModel();
  const bytes = encodeModel(model);
  const loaded = decodeModel(bytes, 'v');
  for (const name of Object.keys(model.heads) as HeadName[]) {
    const original = model.heads[name];
    const got = loaded.model.heads[name];
    expect(got.weights).toBeInstanceOf(Int16Array);
    const step = got.step!;
    let max = 0;
    for (const w of original.weights) max = Math.max(max, Math.abs(w));
    expect(step).toBeCloseTo(max / 32767, 12);
    model.features.forEach((f, r) => {
      const row = loaded.row(f)!;
      const k = original.labels.length;
      for (let j = 0; j < k; j++) expect(Math.abs(got.weights[row * k + j] * step - original.weights[r * k + j])).toBeLessThanOrEqual(step / 2 + 1e-9);
    });
    // a message of 40 features: its logits move by at most 40 half-steps (scaled), in practice far less
    const picked = model.features.filter((_, i) => i % 12 === 0);
    const a = rowsOf((f) => model.features.indexOf(f), picked);
    const b = rowsOf(loaded.row, picked);
    const za = scores(original, a.rows, a.scale);
    const zb = scores(got, b.rows, b.scale);
    za.forEach((z, j) => expect(Math.abs(zb[j] - z)).toBeLessThanOrEqual((picked.length * step) / 2 * a.scale + 1e-9));
  }
  // about half of a float32 file: 10 weights per feature at 2 bytes instead of 4
  const weights = 500 * 10;
  expect(bytes.length).toBeLessThan(4 * weights);
  expect(bytes.length).toBeGreaterThan(2 * weights);
});

test('a file of the earlier float32 form is refused with a message to retrain', () => {
  const bytes = encodeModel(sampleModel(10));
  const headLength = bytes.readUInt32LE(8);
  const header = JSON.parse(bytes.subarray(12, 12 + headLength).toString('utf8'));
  delete header.weightType;
  const text = Buffer.from(JSON.stringify(header).padEnd(headLength, ' '));
  const old = Buffer.from(bytes);
  text.copy(old, 12);
  expect(() => decodeModel(old, 'v')).toThrow(/npm run train:triage/);
});

test('a decoded int16 model encodes back to the same bytes (its steps are kept, not rounded again)', () => {
  const bytes = encodeModel(sampleModel(50));
  const loaded = decodeModel(bytes, 'v');
  const features = Array.from({ length: loaded.size }, (_, r) => loaded.feature(r));
  expect(encodeModel({ ...loaded.model, features }).equals(bytes)).toBe(true);
});
