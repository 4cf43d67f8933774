/**
 * The learned triage model: one linear layer over the binary features of ./features.ts with four
 * heads — categories (one logistic unit each), urgency and reporter (softmax), and risk (a
 * logistic unit for "life or safety at risk now", calibrated by Platt scaling). Predicting costs
 * one sparse dot product per head (well under a millisecond); the file is binary (./binary.ts),
 * and its SHA-256 is the model's version.
 */
import { createHash } from 'node:crypto';
import { decodeModel, encodeModel } from './binary';

// 3: the risk is calibrated on riskLogit below (the risk head with the urgency head's emergency), not on the risk head alone
export const MODEL_FORMAT = 'tsunagu-triage-linear/3';

export type HeadName = 'categories' | 'urgency' | 'reporter' | 'risk';

export interface Head {
  labels: string[];
  kind: 'sigmoid' | 'softmax';
  bias: number[];
  /** features × labels, row by feature: the weights themselves, or int16 steps of `step` (./binary.ts). */
  weights: Float32Array | Int16Array;
  /** The weight of one int16 step; absent when `weights` are the weights. */
  step?: number;
}

export interface Thresholds {
  /** Calibrated risk at or above which a message is in the `check` band. */
  check: number;
  /** Calibrated risk at or above which a message is in the `crisis` band (urgency emergency). */
  crisis: number;
  /** Probability at or above which the model adds a category. */
  category: number;
}

/** Everything of a model but its feature names (a loaded file keeps those in its own buffer). */
export interface ModelMeta {
  format: typeof MODEL_FORMAT;
  heads: Record<HeadName, Head>;
  /** Platt scaling of the risk head's score: p = sigmoid(a·z + b). */
  calibration: { a: number; b: number };
  thresholds: Thresholds;
  /** How it was trained (files, lines, seed, settings, cross-validated scores): for the README and staff. */
  trainedOn: Record<string, unknown>;
}

export interface LinearModel extends ModelMeta {
  features: string[];
}

export interface Prediction {
  categories: Record<string, number>;
  urgency: Record<string, number>;
  reporter: Record<string, number>;
  /** Calibrated probability that life or safety is at risk now. */
  risk: number;
  /** Words of the message that pushed the risk up most, strongest first. */
  riskWords: string[];
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

function softmax(z: number[]): number[] {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

export interface CompiledModel {
  model: ModelMeta;
  /** The weight row of a feature, if the model knows it. */
  row(feature: string): number | undefined;
  /** The feature of a row (for the reason staff read). */
  feature(row: number): string;
  /** Number of features. */
  size: number;
  version: string;
}

/** A model in memory, as training makes it (features by name in a Map). */
export function compileModel(model: LinearModel, version: string): CompiledModel & { model: LinearModel } {
  const index = new Map(model.features.map((f, i) => [f, i]));
  return { model, row: (f) => index.get(f), feature: (r) => model.features[r], size: model.features.length, version };
}

/** Feature rows of a message and the scale that makes its vector unit length. */
export function rowsOf(row: (feature: string) => number | undefined, features: string[]): { rows: number[]; scale: number } {
  const rows: number[] = [];
  for (const f of features) {
    const i = row(f);
    if (i !== undefined) rows.push(i);
  }
  return { rows, scale: rows.length ? 1 / Math.sqrt(rows.length) : 0 };
}

/** Raw scores (logits) of one head. */
export function scores(head: Head, rows: number[], scale: number): number[] {
  const k = head.labels.length;
  const z = head.bias.slice();
  const s = scale * (head.step ?? 1);
  for (const r of rows) {
    const base = r * k;
    for (let j = 0; j < k; j++) z[j] += head.weights[base + j] * s;
  }
  return z;
}

/**
 * The score the calibrated risk is computed from: the mean of the risk head's logit and the
 * urgency head's log-odds of `emergency`. The urgency head learns emergency against `high`,
 * `normal` and `low` separately, which ranks held-out writers' emergencies better than the risk
 * head alone (README: 0.792 → 0.806 of emergencies at the same false alarms, 7 of 9 writers).
 */
export function riskLogit(heads: Record<HeadName, Head>, rows: number[], scale: number): number {
  const zRisk = scores(heads.risk, rows, scale)[0];
  const u = scores(heads.urgency, rows, scale);
  const e = heads.urgency.labels.indexOf('emergency');
  const m = Math.max(...u);
  const others = u.reduce((sum, z, j) => (j === e ? sum : sum + Math.exp(z - m)), 0);
  const zUrgency = u[e] - m - Math.log(others);
  return (zRisk + zUrgency) / 2;
}

const toRecord = (labels: string[], p: number[]) => Object.fromEntries(labels.map((l, i) => [l, p[i]]));

export function predict(c: CompiledModel, features: string[], explain = 3): Prediction {
  const { heads, calibration } = c.model;
  const { rows, scale } = rowsOf(c.row, features);
  const prob = (h: Head) => {
    const z = scores(h, rows, scale);
    return h.kind === 'softmax' ? softmax(z) : z.map(sigmoid);
  };
  const zRisk = riskLogit(heads, rows, scale);
  // the words (characters, lemmas, lemma pairs) of the message that pushed the risk up most
  const riskWords = rows
    .map((r) => ({ r, w: heads.risk.weights[r] }))
    .filter((x) => x.w > 0 && /^[cwbxy]:/.test(c.feature(x.r)))
    .sort((a, b) => b.w - a.w || a.r - b.r)
    .slice(0, explain)
    .map((x) => c.feature(x.r));
  return {
    categories: toRecord(heads.categories.labels, prob(heads.categories)),
    urgency: toRecord(heads.urgency.labels, prob(heads.urgency)),
    reporter: toRecord(heads.reporter.labels, prob(heads.reporter)),
    risk: sigmoid(calibration.a * zRisk + calibration.b),
    riskWords,
  };
}

// ---- the file (./binary.ts) -------------------------------------------------------------------

export const serializeModel = (model: LinearModel): Buffer => encodeModel(model);

export const modelVersion = (bytes: Uint8Array) => `linear-${createHash('sha256').update(bytes).digest('hex').slice(0, 12)}`;

export function parseModel(bytes: Uint8Array): CompiledModel {
  const c = decodeModel(bytes, modelVersion(bytes));
  // an older file's calibration belongs to another risk score: refuse it rather than mis-band
  if (c.model.format !== MODEL_FORMAT) throw new Error(`triage model format ${String(c.model.format)}, expected ${MODEL_FORMAT}: run npm run train:triage`);
  return c;
}
