/**
 * Rules only, model only and combined, side by side: the table `npm run eval:triage` and
 * `npm run train:triage` print (the latter on held-out folds of the training corpus).
 */
import type { Triage } from '../../db/schema';
import { bandScores, score, type Gold } from '../evaluate';
import { blend, modelOnly } from './blend';
import type { FitReport } from './fit';

export type Variants = Record<string, Triage[]>;

export function sideBySide(gold: Gold[], variants: Variants): string {
  const names = Object.keys(variants);
  const rows: Array<[string, (p: Triage[]) => string]> = [
    ['category micro F1', (p) => String(score(gold, p).categories.microF1)],
    ['category macro F1', (p) => String(score(gold, p).categories.macroF1)],
    ['urgency accuracy', (p) => String(score(gold, p).urgency.accuracy)],
    ['reporter accuracy', (p) => String(score(gold, p).reporter.accuracy)],
    ['emergencies in crisis', (p) => String(bandScores(gold, p).crisisRecall)],
    ['emergencies in crisis+check', (p) => String(bandScores(gold, p).crisisCheckRecall)],
    ['false alarms (non-emergency in crisis)', (p) => String(bandScores(gold, p).falseAlarmRate)],
    ['share of messages in check', (p) => String(bandScores(gold, p).checkShare)],
  ];
  const w = 40;
  const lines = [`${''.padEnd(w)}${names.map((n) => n.padStart(12)).join('')}`];
  for (const [label, f] of rows) lines.push(`${label.padEnd(w)}${names.map((n) => f(variants[n]).padStart(12)).join('')}`);
  const emergencies = gold.filter((g) => g.urgency === 'emergency').length;
  lines.push(`(${gold.length} messages, ${emergencies} emergencies)`);
  return lines.join('\n');
}

export function crossValidatedTable(report: FitReport): string {
  const gold: Gold[] = report.heldOut.map((h) => ({ id: h.example.id, text: '', categories: h.example.categories, urgency: h.example.urgency as Gold['urgency'], reporter: h.example.reporter as Gold['reporter'] }));
  return sideBySide(gold, {
    rules: report.heldOut.map((h) => h.example.rules),
    model: report.heldOut.map((h) => modelOnly(h.prediction, report.thresholds)),
    combined: report.heldOut.map((h) => blend(h.example.rules, h.prediction, report.thresholds, h.example.features)),
  });
}
