/**
 * From labelled examples to a committed model: cross-validation by writer (each file held out in
 * turn, so the estimate is for wording nobody on the team wrote), Platt scaling of the risk head
 * on the held-out scores, thresholds chosen on those held-out scores only, then the final model
 * trained on everything with that calibration and those thresholds.
 *
 * Threshold rule (documented in the README): the crisis threshold is the lowest calibrated risk
 * at which the non-emergencies in `crisis` (the rules' emergencies and the model's together) stay
 * at or under CRISIS_FALSE_ALARMS of all non-emergencies; the check threshold is the highest at
 * which emergencies in `crisis` + `check` reach CHECK_RECALL, but never so low that `check` holds
 * more than CHECK_SHARE of all messages.
 */
import type { Triage } from '../../db/schema';
import { band, blend, modelOnly } from './blend';
import { compileModel, type CompiledModel, type LinearModel, type Prediction, type Thresholds } from './linear';
import { DEFAULT_SETTINGS, trainModel, type Example, type TrainSettings } from './train';
import { crossValidateByGroup } from './cross-validate';

// The budgets, chosen on the cross-validation by writer (README: the trade-off table). False
// alarms: 7.5 % pooled over all held-out writers. The pool mixes writers briefed for hard
// negatives (traps, look-alikes: 9–12 % held out) with ten writers of ordinary mixed sets (the
// scored blind sets e–n); the budget is the largest at which those ten, each held out, average at
// most 5 % (4.8 % here, 2.7–8.4 % each): blind first contacts have landed up to 3 points above
// their writer's held-out figure, and the issue allows 8 %. Half of the false alarms are the
// rules' own emergencies, which the model may not lower. `check` aims at 98 % of emergencies with
// the crisis band but may hold at most 12 % of messages (the issue allows 15 %; the margin keeps
// the safety question rare).
export const CRISIS_FALSE_ALARMS = 0.075;
export const CHECK_RECALL = 0.98;
export const CHECK_SHARE = 0.12;

/** The budgets of the threshold rule above. */
export interface ThresholdRule {
  falseAlarms: number;
  checkRecall: number;
  checkShare: number;
}
export const THRESHOLD_RULE: ThresholdRule = { falseAlarms: CRISIS_FALSE_ALARMS, checkRecall: CHECK_RECALL, checkShare: CHECK_SHARE };

export interface LabelledExample extends Example {
  id: string;
  /** Who wrote it (the file): the cross-validation holds out one group at a time. */
  group: string;
  rules: Triage;
}

export interface HeldOut {
  example: LabelledExample;
  prediction: Prediction;
  score: number;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Platt scaling: a, b minimising the log loss of sigmoid(a·z + b), by Newton's method with step halving. */
export function platt(scores: number[], labels: number[]): { a: number; b: number } {
  const pos = labels.filter((y) => y === 1).length;
  const neg = labels.length - pos;
  // Platt's smoothed targets keep the fit finite on separable data
  const hi = (pos + 1) / (pos + 2);
  const lo = 1 / (neg + 2);
  const t = labels.map((y) => (y ? hi : lo));
  const loss = (a: number, b: number) =>
    scores.reduce((sum, z, i) => {
      const v = a * z + b;
      // log(1 + e^v) - t·v, computed without overflow
      return sum + (v > 0 ? v + Math.log1p(Math.exp(-v)) : Math.log1p(Math.exp(v))) - t[i] * v;
    }, 0);
  let a = 1;
  let b = 0;
  let current = loss(a, b);
  for (let it = 0; it < 100; it++) {
    let ga = 0, gb = 0, haa = 1e-6, hab = 0, hbb = 1e-6;
    scores.forEach((z, i) => {
      const p = sigmoid(a * z + b);
      const d = p - t[i];
      const w = p * (1 - p);
      ga += d * z;
      gb += d;
      haa += w * z * z;
      hab += w * z;
      hbb += w;
    });
    const det = haa * hbb - hab * hab;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    let step = 1;
    while (step > 1e-8 && !(loss(a - step * da, b - step * db) < current)) step /= 2;
    if (step <= 1e-8) break;
    a -= step * da;
    b -= step * db;
    const next = loss(a, b);
    if (current - next < 1e-9) {
      current = next;
      break;
    }
    current = next;
  }
  return { a, b };
}

/** The thresholds of the rule above, from held-out calibrated risks and the rules' urgency. */
export function chooseThresholds(held: Array<{ risk: number; emergency: boolean; rulesEmergency: boolean }>, category: number, rule: ThresholdRule = THRESHOLD_RULE): Thresholds {
  const candidates = [...new Set(held.map((h) => Math.round(h.risk * 1000) / 1000))].sort((x, y) => x - y);
  const nonEmergency = held.filter((h) => !h.emergency).length || 1;
  const emergencies = held.filter((h) => h.emergency).length || 1;
  let crisis = 1;
  for (const c of candidates) {
    const falseAlarms = held.filter((h) => !h.emergency && (h.rulesEmergency || h.risk >= c)).length;
    if (falseAlarms / nonEmergency <= rule.falseAlarms) {
      crisis = c;
      break;
    }
  }
  let check = crisis;
  for (const c of [...candidates].reverse()) {
    if (c >= crisis) continue;
    const inCheck = held.filter((h) => !h.rulesEmergency && h.risk >= c && h.risk < crisis).length;
    if (inCheck / held.length > rule.checkShare) break;
    check = c;
    const caught = held.filter((h) => h.emergency && (h.rulesEmergency || h.risk >= c)).length;
    if (caught / emergencies >= rule.checkRecall) break;
  }
  return { check, crisis, category };
}

export interface FitReport {
  folds: string[];
  calibration: { a: number; b: number };
  thresholds: Thresholds;
  heldOut: HeldOut[];
}

/** Held-out predictions of every example, each from a model that never saw its group (./cross-validate.ts). */
export async function crossValidate(examples: LabelledExample[], settings: TrainSettings, threads?: number): Promise<{ folds: string[]; heldOut: HeldOut[] }> {
  const { folds, results } = await crossValidateByGroup(examples, settings, threads);
  return { folds, heldOut: results.map((r) => ({ example: examples[r.index], prediction: r.prediction, score: r.score })) };
}

/** The category threshold with the best held-out micro F1 of the combined result. */
function chooseCategoryThreshold(heldOut: HeldOut[], base: Omit<Thresholds, 'category'>): number {
  let best = { t: 0.5, f1: -1 };
  for (const t of [0.4, 0.5, 0.6, 0.7, 0.8, 0.9]) {
    let tp = 0, fp = 0, fn = 0;
    for (const h of heldOut) {
      const got = blend(h.example.rules, h.prediction, { ...base, category: t }, h.example.features).categories;
      for (const c of got) (h.example.categories.includes(c) ? tp++ : fp++);
      for (const c of h.example.categories) if (!got.includes(c)) fn++;
    }
    const f1 = (2 * tp) / (2 * tp + fp + fn || 1);
    if (f1 > best.f1) best = { t, f1 };
  }
  return best.t;
}

export async function fitTriageModel(
  examples: LabelledExample[],
  settings: TrainSettings = DEFAULT_SETTINGS,
  meta: Record<string, unknown> = {},
  threads?: number,
): Promise<{ model: CompiledModel & { model: LinearModel }; report: FitReport }> {
  const { folds, heldOut } = await crossValidate(examples, settings, threads);
  const calibration = platt(heldOut.map((h) => h.score), heldOut.map((h) => (h.example.urgency === 'emergency' ? 1 : 0)));
  for (const h of heldOut) h.prediction.risk = sigmoid(calibration.a * h.score + calibration.b);
  const base = chooseThresholds(
    heldOut.map((h) => ({ risk: h.prediction.risk, emergency: h.example.urgency === 'emergency', rulesEmergency: h.example.rules.urgency === 'emergency' })),
    0.5,
  );
  const thresholds = { ...base, category: chooseCategoryThreshold(heldOut, base) };
  const final = trainModel(examples, settings, thresholds);
  const model = compileModel({ ...final.model, calibration, thresholds, trainedOn: { ...meta, settings, folds } }, 'unsaved');
  return { model, report: { folds, calibration, thresholds, heldOut } };
}

export { band, modelOnly };
