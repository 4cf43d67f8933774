/**
 * The learned triage model: one linear layer over the binary features of ./features.ts with four
 * heads — categories (one logistic unit each), urgency and reporter (softmax), and risk (a
 * logistic unit for "life or safety at risk now", calibrated by Platt scaling). Predicting costs
 * one sparse dot product per head (well under a millisecond); the file is JSON with the weights
 * as base64 float32, and its SHA-256 is the model's version.
 */
import { createHash } from 'node:crypto';

export const MODEL_FORMAT = 'tsunagu-triage-linear/1';

export type HeadName = 'categories' | 'urgency' | 'reporter' | 'risk';

export interface Head {
  labels: string[];
  kind: 'sigmoid' | 'softmax';
  bias: number[];
  /** features × labels, row by feature. */
  weights: Float32Array;
}

export interface Thresholds {
  /** Calibrated risk at or above which a message is in the `check` band. */
  check: number;
  /** Calibrated risk at or above which a message is in the `crisis` band (urgency emergency). */
  crisis: number;
  /** Probability at or above which the model adds a category. */
  category: number;
}

export interface LinearModel {
  format: typeof MODEL_FORMAT;
  features: string[];
  heads: Record<HeadName, Head>;
  /** Platt scaling of the risk head's score: p = sigmoid(a·z + b). */
  calibration: { a: number; b: number };
  thresholds: Thresholds;
  /** How it was trained (files, lines, seed, settings, cross-validated scores): for the README and staff. */
  trainedOn: Record<string, unknown>;
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
  model: LinearModel;
  index: Map<string, number>;
  version: string;
}

export function compileModel(model: LinearModel, version: string): CompiledModel {
  return { model, index: new Map(model.features.map((f, i) => [f, i])), version };
}

/** Feature rows of a message and the scale that makes its vector unit length. */
export function rowsOf(index: Map<string, number>, features: string[]): { rows: number[]; scale: number } {
  const rows: number[] = [];
  for (const f of features) {
    const i = index.get(f);
    if (i !== undefined) rows.push(i);
  }
  return { rows, scale: rows.length ? 1 / Math.sqrt(rows.length) : 0 };
}

/** Raw scores (logits) of one head. */
export function scores(head: Head, rows: number[], scale: number): number[] {
  const k = head.labels.length;
  const z = head.bias.slice();
  for (const r of rows) {
    const base = r * k;
    for (let j = 0; j < k; j++) z[j] += head.weights[base + j] * scale;
  }
  return z;
}

const toRecord = (labels: string[], p: number[]) => Object.fromEntries(labels.map((l, i) => [l, p[i]]));

export function predict(c: CompiledModel, features: string[], explain = 3): Prediction {
  const { heads, calibration } = c.model;
  const { rows, scale } = rowsOf(c.index, features);
  const prob = (h: Head) => {
    const z = scores(h, rows, scale);
    return h.kind === 'softmax' ? softmax(z) : z.map(sigmoid);
  };
  const zRisk = scores(heads.risk, rows, scale)[0];
  // the words (characters, lemmas, lemma pairs) of the message that pushed the risk up most
  const riskWords = rows
    .map((r) => ({ r, w: heads.risk.weights[r] }))
    .filter((x) => x.w > 0 && /^[cwb]:/.test(c.model.features[x.r]))
    .sort((a, b) => b.w - a.w || a.r - b.r)
    .slice(0, explain)
    .map((x) => c.model.features[x.r]);
  return {
    categories: toRecord(heads.categories.labels, prob(heads.categories)),
    urgency: toRecord(heads.urgency.labels, prob(heads.urgency)),
    reporter: toRecord(heads.reporter.labels, prob(heads.reporter)),
    risk: sigmoid(calibration.a * zRisk + calibration.b),
    riskWords,
  };
}

// ---- the file -------------------------------------------------------------------------------

type HeadFile = Omit<Head, 'weights'> & { weights: string };
type ModelFile = Omit<LinearModel, 'heads'> & { heads: Record<HeadName, HeadFile> };

const toBase64 = (a: Float32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
function fromBase64(s: string): Float32Array {
  const b = Buffer.from(s, 'base64');
  const copy = new Uint8Array(b.byteLength);
  copy.set(b);
  return new Float32Array(copy.buffer);
}

export function serializeModel(model: LinearModel): string {
  const heads = Object.fromEntries(Object.entries(model.heads).map(([name, h]) => [name, { ...h, weights: toBase64(h.weights) }])) as Record<HeadName, HeadFile>;
  const file: ModelFile = { ...model, heads };
  return JSON.stringify(file) + '\n';
}

export const modelVersion = (text: string) => `linear-${createHash('sha256').update(text).digest('hex').slice(0, 12)}`;

export function parseModel(text: string): CompiledModel {
  const file = JSON.parse(text) as ModelFile;
  if (file.format !== MODEL_FORMAT) throw new Error(`not a ${MODEL_FORMAT} model file`);
  const heads = Object.fromEntries(Object.entries(file.heads).map(([name, h]) => [name, { ...h, weights: fromBase64(h.weights) }])) as Record<HeadName, Head>;
  for (const [name, h] of Object.entries(heads)) {
    if (h.weights.length !== file.features.length * h.labels.length) throw new Error(`model head ${name}: ${h.weights.length} weights for ${file.features.length} features`);
  }
  return compileModel({ ...file, heads }, modelVersion(text));
}
