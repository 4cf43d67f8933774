/**
 * Training of ./linear.ts: AdaGrad on the log loss of every head at once, L2-regularised, over
 * examples in an order drawn from a seeded generator. Everything is deterministic: the same
 * examples, seed and settings give the same weights, bit for bit (the vocabulary is sorted, the
 * arithmetic is done in one order on float64 and rounded to float32 once at the end).
 */
import { CATEGORIES } from '../lexicon';
import { compileModel, MODEL_FORMAT, riskLogit, rowsOf, type CompiledModel, type Head, type HeadName, type LinearModel, type Thresholds } from './linear';

export const URGENCY_LABELS = ['emergency', 'high', 'normal', 'low'];
export const REPORTER_LABELS = ['self', 'family', 'neighbour', 'professional', 'unknown'];

export interface Example {
  features: string[];
  categories: string[];
  urgency: string;
  reporter: string;
}

export interface TrainSettings {
  seed: number;
  epochs: number;
  /** AdaGrad learning rate. */
  rate: number;
  l2: number;
  /** A feature must occur in at least this many examples. */
  minCount: number;
  /** Weight of an emergency in the risk head's loss (missing one costs more than a false alarm). */
  riskWeight?: number;
}

export const DEFAULT_SETTINGS: TrainSettings = { seed: 20261205, epochs: 6, rate: 0.3, l2: 1e-5, minCount: 2 };

/** mulberry32: a small seeded generator, so the order of examples is the same on every machine. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Target {
  head: HeadName;
  kind: Head['kind'];
  labels: string[];
  /** 0/1 target per label. */
  y: (e: Example) => number[];
}

const TARGETS: Target[] = [
  { head: 'categories', kind: 'sigmoid', labels: [...CATEGORIES], y: (e) => CATEGORIES.map((c) => (e.categories.includes(c) ? 1 : 0)) },
  { head: 'urgency', kind: 'softmax', labels: URGENCY_LABELS, y: (e) => URGENCY_LABELS.map((u) => (e.urgency === u ? 1 : 0)) },
  { head: 'reporter', kind: 'softmax', labels: REPORTER_LABELS, y: (e) => REPORTER_LABELS.map((r) => (e.reporter === r ? 1 : 0)) },
  { head: 'risk', kind: 'sigmoid', labels: ['risk'], y: (e) => [e.urgency === 'emergency' ? 1 : 0] },
];

function vocabulary(examples: Example[], minCount: number): string[] {
  const df = new Map<string, number>();
  for (const e of examples) for (const f of e.features) df.set(f, (df.get(f) ?? 0) + 1);
  return [...df].filter(([, n]) => n >= minCount).map(([f]) => f).sort();
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** A model with identity calibration; ./calibrate.ts sets the risk calibration and thresholds. */
export function trainModel(
  examples: Example[],
  settings: TrainSettings = DEFAULT_SETTINGS,
  thresholds: Thresholds = { check: 0.5, crisis: 0.9, category: 0.5 },
  /** Heads to train (the others stay zero): the cross-validation of the risk alone needs only `risk`. */
  only?: HeadName[],
): CompiledModel & { model: LinearModel } {
  const features = vocabulary(examples, settings.minCount);
  const index = new Map(features.map((f, i) => [f, i]));
  const data = examples.map((e) => ({ ...rowsOf((f) => index.get(f), e.features), ys: TARGETS.map((t) => t.y(e)) }));
  const state = TARGETS.map((t) => {
    const k = t.labels.length;
    return { k, w: new Float64Array(features.length * k), g: new Float64Array(features.length * k), b: new Float64Array(k), gb: new Float64Array(k) };
  });
  const random = seeded(settings.seed);
  const order = data.map((_, i) => i);
  const eps = 1e-8;
  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const n of order) {
      const { rows, scale, ys } = data[n];
      TARGETS.forEach((t, h) => {
        if (only && !only.includes(t.head)) return;
        const s = state[h];
        const weight = t.head === 'risk' && ys[h][0] === 1 ? (settings.riskWeight ?? 1) : 1;
        const z = Array.from(s.b);
        for (const r of rows) for (let j = 0; j < s.k; j++) z[j] += s.w[r * s.k + j] * scale;
        let p: number[];
        if (t.kind === 'softmax') {
          const m = Math.max(...z);
          const e = z.map((v) => Math.exp(v - m));
          const sum = e.reduce((a, b) => a + b, 0);
          p = e.map((v) => v / sum);
        } else p = z.map(sigmoid);
        for (let j = 0; j < s.k; j++) {
          const d = (p[j] - ys[h][j]) * weight;
          s.gb[j] += d * d;
          s.b[j] -= (settings.rate * d) / Math.sqrt(s.gb[j] + eps);
          for (const r of rows) {
            const at = r * s.k + j;
            const g = d * scale + settings.l2 * s.w[at];
            s.g[at] += g * g;
            s.w[at] -= (settings.rate * g) / Math.sqrt(s.g[at] + eps);
          }
        }
      });
    }
  }
  const heads = Object.fromEntries(
    TARGETS.map((t, h) => [t.head, { labels: t.labels, kind: t.kind, bias: Array.from(state[h].b, (v) => Math.fround(v)), weights: Float32Array.from(state[h].w) } satisfies Head]),
  ) as Record<HeadName, Head>;
  const model: LinearModel = { format: MODEL_FORMAT, features, heads, calibration: { a: 1, b: 0 }, thresholds, trainedOn: { settings } };
  return compileModel(model, 'untrained-file');
}

/** The raw risk score (before calibration): ./linear.ts riskLogit. */
export function riskScore(c: CompiledModel, features: string[]): number {
  const { rows, scale } = rowsOf(c.row, features);
  return riskLogit(c.model.heads, rows, scale);
}
