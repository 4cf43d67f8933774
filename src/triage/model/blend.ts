/**
 * Rules, safety net and learned model together. The model may raise what the rules found, never
 * lower it: a rules emergency is always `crisis`; a calibrated risk at or above the crisis
 * threshold makes the message an emergency, unless the rules read its crisis words and set them
 * all aside (then it is `check`); between the check and crisis thresholds it is `check` (staff
 * look, the dialogue asks). Categories the model is confident about are added to the
 * rules' ones, the rules' non-danger categories it finds very unlikely are dropped, and the model's reporter is taken when it is confident. Its reason says the risk
 * and the features that weighed most, so staff can see why.
 */
import type { Triage } from '../../db/schema';
import { crisisSetAside, describeFeature, foreignEvidence } from './features';
import type { Prediction, Thresholds } from './linear';

const RANK: Record<Triage['urgency'], number> = { low: 0, normal: 1, high: 2, emergency: 3 };
/** The model's reporter replaces the rules' one at this probability or above. */
export const REPORTER_CONFIDENCE = 0.5;
/** At most this many categories come from the model alone, the likeliest (held-out micro F1 the same, fewer wrong labels: README). */
export const MAX_ADDED = 2;
/**
 * A rules category the model gives less than this is dropped (never a danger one: the rules keep
 * suicide, dv and abuse). The rules match words, and a word names a field more often than the
 * message is about it; on held-out writers this raised category micro F1 0.759 → 0.779 (README).
 */
export const DROP_BELOW = 0.1;
/** The model raises urgency (below emergency) to its own choice at this probability or above. */
export const URGENCY_CONFIDENCE = 0.4;

/** `setAside`: the rules read crisis words and set them all aside (./features.ts crisisSetAside). */
export function band(rules: Triage, risk: number, t: Thresholds, setAside = false): 'clear' | 'check' | 'crisis' {
  if (rules.urgency === 'emergency' || (risk >= t.crisis && !setAside)) return 'crisis';
  return risk >= t.check ? 'check' : 'clear';
}

const DANGER = ['suicide', 'dv', 'abuse'];

const argmax = (p: Record<string, number>) => Object.entries(p).reduce((a, b) => (b[1] > a[1] ? b : a));

/** `features`: the message's model features (./features.ts), for what the rules set aside and the signs of a foreign resident. */
export function blend(rules: Triage, p: Prediction, t: Thresholds, features: string[] = []): Triage {
  const setAside = crisisSetAside(features);
  const foreignOk = foreignEvidence(features);
  const b = band(rules, p.risk, t, setAside);
  let urgency = rules.urgency;
  const [modelUrgency, urgencyP] = argmax(p.urgency) as [Triage['urgency'], number];
  if (b === 'crisis') urgency = 'emergency';
  else if (modelUrgency !== 'emergency' && RANK[modelUrgency] > RANK[urgency] && urgencyP >= URGENCY_CONFIDENCE) urgency = modelUrgency;

  // never a danger category for words the rules set aside (a joke, the past); `foreign` only with a sign of it
  const added = Object.entries(p.categories)
    .filter(([c, q]) => q >= t.category && !rules.categories.includes(c) && !(setAside && DANGER.includes(c)) && (c !== 'foreign' || foreignOk))
    .sort((x, y) => y[1] - x[1])
    .slice(0, MAX_ADDED)
    .map(([c]) => c);
  const dropped = rules.categories.filter((c) => !DANGER.includes(c) && (p.categories[c] ?? 1) < DROP_BELOW);
  let categories = [...rules.categories.filter((c) => !dropped.includes(c)), ...added];
  if (categories.length === 0) categories = [argmax(p.categories)[0]];
  if (categories.length > 1) categories = categories.filter((c) => c !== 'other');
  if (b === 'crisis' && rules.urgency !== 'emergency' && !categories.some((c) => c === 'suicide' || c === 'dv' || c === 'abuse')) {
    // the model's emergency names its most likely danger category
    const danger = (['suicide', 'dv', 'abuse', 'health'] as const).reduce((x, y) => (p.categories[y] > p.categories[x] ? y : x));
    categories = [danger, ...categories.filter((c) => c !== danger && c !== 'other')];
  }

  const [modelReporter, reporterP] = argmax(p.reporter) as [Triage['reporter'], number];
  const reporter = reporterP >= REPORTER_CONFIDENCE ? modelReporter : rules.reporter;

  const words = p.riskWords.map(describeFeature).join('、');
  // categories only the model saw say so, so staff know where a label without a rule line comes from
  const shown = added.filter((c) => categories.includes(c));
  const gone = dropped.filter((c) => !categories.includes(c));
  const reason = `学習モデル: 危険の確率 ${p.risk.toFixed(2)}${words ? `（重みの大きいことば: ${words}）` : ''}${shown.length ? `、分野を追加: ${shown.join(', ')}` : ''}${gone.length ? `、分野を外す: ${gone.join(', ')}` : ''} → ${b}`;
  return { categories, urgency, reporter, reasons: [...rules.reasons, reason], risk: { score: Math.round(p.risk * 1000) / 1000, band: b } };
}

/** The model on its own (for the side-by-side evaluation): its own band, categories, urgency and reporter. */
export function modelOnly(p: Prediction, t: Thresholds): Triage {
  const none: Triage = { categories: [], urgency: 'low', reporter: 'unknown', reasons: [] };
  const b = band(none, p.risk, t);
  let categories = Object.entries(p.categories)
    .filter(([, q]) => q >= t.category)
    .sort((x, y) => y[1] - x[1])
    .map(([c]) => c);
  if (categories.length === 0) categories = [argmax(p.categories)[0]];
  const [u] = argmax(p.urgency) as [Triage['urgency'], number];
  const urgency = b === 'crisis' ? 'emergency' : u === 'emergency' ? 'high' : u;
  const [reporter] = argmax(p.reporter) as [Triage['reporter'], number];
  return { categories, urgency, reporter, reasons: [], risk: { score: p.risk, band: b } };
}
