/**
 * Scores triage results against a labelled corpus (the JSON Lines format of
 * ../shared/corpus/README.md). Used by `npm run eval:triage` and by the regression-floor test,
 * so both measure the same way.
 */
import fs from 'node:fs';
import type { Triage } from '../db/schema';
import { CATEGORIES } from './lexicon';

export interface Gold {
  id: string;
  /** One message, or `texts`: a conversation labelled as a whole as of its last message. */
  text: string;
  texts?: string[];
  categories: string[];
  urgency: Triage['urgency'];
  reporter: Triage['reporter'];
  lang?: string;
}

export const URGENCIES: Triage['urgency'][] = ['emergency', 'high', 'normal', 'low'];
export const REPORTERS: Triage['reporter'][] = ['self', 'family', 'neighbour', 'professional', 'unknown'];

const round = (x: number) => Math.round(x * 1000) / 1000;
const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
const short = (s: string) => s.replace(/\n/g, '⏎').slice(0, 30);

export function readCorpus(file: string): Gold[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const g = JSON.parse(l) as Gold;
      return { ...g, text: g.text ?? (g.texts ?? []).join('\n') };
    });
}

export interface CategoryScore {
  tp: number;
  fp: number;
  fn: number;
  support: number;
  precision: number;
  recall: number;
  f1: number;
}

export type Scores = ReturnType<typeof score>;

export function score(gold: Gold[], preds: Triage[]) {
  const perCategory: Record<string, CategoryScore> = {};
  let TP = 0;
  let FP = 0;
  let FN = 0;
  for (const c of CATEGORIES) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let support = 0;
    gold.forEach((g, i) => {
      const inG = g.categories.includes(c);
      const inP = preds[i].categories.includes(c);
      if (inG) support++;
      if (inG && inP) tp++;
      else if (inP) fp++;
      else if (inG) fn++;
    });
    const p = tp + fp ? tp / (tp + fp) : 0;
    const r = tp + fn ? tp / (tp + fn) : 0;
    perCategory[c] = { tp, fp, fn, support, precision: round(p), recall: round(r), f1: round(f1(p, r)) };
    TP += tp;
    FP += fp;
    FN += fn;
  }
  const microP = TP / (TP + FP || 1);
  const microR = TP / (TP + FN || 1);
  const withSupport = CATEGORIES.filter((c) => perCategory[c].support > 0);
  const macroF1 = withSupport.reduce((s, c) => s + perCategory[c].f1, 0) / (withSupport.length || 1);
  const sameSet = (a: string[], b: string[]) => [...a].sort().join() === [...b].sort().join();

  const urgencyConfusion: Record<string, Record<string, number>> = {};
  for (const a of URGENCIES) urgencyConfusion[a] = Object.fromEntries(URGENCIES.map((b) => [b, 0]));
  gold.forEach((g, i) => urgencyConfusion[g.urgency][preds[i].urgency]++);
  const reporterConfusion: Record<string, Record<string, number>> = {};
  for (const a of REPORTERS) reporterConfusion[a] = Object.fromEntries(REPORTERS.map((b) => [b, 0]));
  gold.forEach((g, i) => reporterConfusion[g.reporter][preds[i].reporter]++);

  const pairs = gold.map((g, i) => ({ g, p: preds[i] }));
  const goldEmergency = pairs.filter(({ g }) => g.urgency === 'emergency');
  const caught = goldEmergency.filter(({ p }) => p.urgency === 'emergency').length;
  const falseAlarms = pairs.filter(({ g, p }) => p.urgency === 'emergency' && g.urgency !== 'emergency');
  const nonEmergency = gold.length - goldEmergency.length;
  const share = (n: number) => round(gold.length ? n / gold.length : 0);

  return {
    n: gold.length,
    categories: {
      microPrecision: round(microP),
      microRecall: round(microR),
      microF1: round(f1(microP, microR)),
      macroF1: round(macroF1),
      topCategoryAccuracy: share(pairs.filter(({ g, p }) => p.categories[0] === g.categories[0]).length),
      exactSetAccuracy: share(pairs.filter(({ g, p }) => sameSet(g.categories, p.categories)).length),
      perCategory,
    },
    urgency: { accuracy: share(pairs.filter(({ g, p }) => g.urgency === p.urgency).length), confusion: urgencyConfusion },
    reporter: { accuracy: share(pairs.filter(({ g, p }) => g.reporter === p.reporter).length), confusion: reporterConfusion },
    emergency: {
      gold: goldEmergency.length,
      caught,
      recall: round(goldEmergency.length ? caught / goldEmergency.length : 1),
      falseAlarms: falseAlarms.length,
      falseAlarmRate: round(nonEmergency ? falseAlarms.length / nonEmergency : 0),
      missed: goldEmergency.filter(({ p }) => p.urgency !== 'emergency').map(({ g, p }) => ({ id: g.id, predicted: p.urgency, text: short(g.text) })),
      falseAlarmIds: falseAlarms.map(({ g }) => ({ id: g.id, gold: g.urgency, text: short(g.text) })),
    },
    errors: pairs
      .filter(({ g, p }) => !sameSet(g.categories, p.categories) || g.urgency !== p.urgency || g.reporter !== p.reporter)
      .map(({ g, p }) => `${g.id} gold=[${g.categories}] ${g.urgency} ${g.reporter} | pred=[${p.categories}] ${p.urgency} ${p.reporter} | ${short(g.text)}`),
  };
}

export interface BandScores {
  /** Emergencies in the `crisis` band (rules-only: urgency emergency). */
  crisisRecall: number;
  /** Emergencies in `crisis` or `check`. */
  crisisCheckRecall: number;
  /** Non-emergencies in `crisis`, as a share of all non-emergencies. */
  falseAlarmRate: number;
  /** Share of all messages in `check`. */
  checkShare: number;
}

const bandOf = (t: Triage) => t.risk?.band ?? (t.urgency === 'emergency' ? 'crisis' : 'clear');

export function bandScores(gold: Array<Pick<Gold, 'urgency'>>, preds: Triage[]): BandScores {
  const emergencies = gold.map((g, i) => ({ g, b: bandOf(preds[i]) })).filter(({ g }) => g.urgency === 'emergency');
  const others = gold.map((g, i) => ({ g, b: bandOf(preds[i]) })).filter(({ g }) => g.urgency !== 'emergency');
  const share = (n: number, d: number) => round(d ? n / d : 0);
  return {
    crisisRecall: share(emergencies.filter((x) => x.b === 'crisis').length, emergencies.length),
    crisisCheckRecall: share(emergencies.filter((x) => x.b !== 'clear').length, emergencies.length),
    falseAlarmRate: share(others.filter((x) => x.b === 'crisis').length, others.length),
    checkShare: share(preds.filter((p) => bandOf(p) === 'check').length, preds.length),
  };
}
