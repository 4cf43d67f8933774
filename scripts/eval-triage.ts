/**
 * Evaluates the triage classifier on a labelled JSONL corpus.
 *
 *   npm run eval:triage [-- path/to/file.jsonl] [--json] [--errors]
 *
 * Default corpus: ../shared/corpus/dev.jsonl next to the repository. Prints per-category
 * precision/recall/F1 (set-based), micro and macro F1, top-category accuracy, the urgency
 * confusion matrix, reporter accuracy, emergency recall and false alarms.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createClassifier, CATEGORIES } from '../src/triage';
import type { Triage } from '../src/db/schema';

interface Gold {
  id: string;
  text: string;
  categories: string[];
  urgency: Triage['urgency'];
  reporter: Triage['reporter'];
  lang?: string;
}

const URGENCIES: Triage['urgency'][] = ['emergency', 'high', 'normal', 'low'];
const REPORTERS: Triage['reporter'][] = ['self', 'family', 'neighbour', 'professional', 'unknown'];
const round = (x: number) => Math.round(x * 1000) / 1000;
const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
const short = (s: string) => s.replace(/\n/g, '⏎').slice(0, 30);

async function main() {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const showErrors = args.includes('--errors');
  const file = args.find((a) => !a.startsWith('--')) ?? path.resolve(__dirname, '../../shared/corpus/dev.jsonl');
  const gold: Gold[] = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Gold);

  const classifier = await createClassifier();
  const t0 = process.hrtime.bigint();
  const preds = gold.map((g) => classifier.classify(g.text));
  const msPerMessage = Number(process.hrtime.bigint() - t0) / 1e6 / gold.length;

  const perCat: Record<string, { tp: number; fp: number; fn: number; support: number; precision: number; recall: number; f1: number }> = {};
  let TP = 0, FP = 0, FN = 0;
  for (const c of CATEGORIES) {
    let tp = 0, fp = 0, fn = 0, support = 0;
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
    perCat[c] = { tp, fp, fn, support, precision: round(p), recall: round(r), f1: round(f1(p, r)) };
    TP += tp; FP += fp; FN += fn;
  }
  const microP = TP / (TP + FP || 1);
  const microR = TP / (TP + FN || 1);
  const withSupport = CATEGORIES.filter((c) => perCat[c].support > 0);
  const macroF1 = withSupport.reduce((s, c) => s + perCat[c].f1, 0) / withSupport.length;
  const topAcc = gold.filter((g, i) => preds[i].categories[0] === g.categories[0]).length / gold.length;
  const exactSets = gold.filter((g, i) => [...g.categories].sort().join() === [...preds[i].categories].sort().join()).length / gold.length;

  const confusion: Record<string, Record<string, number>> = {};
  for (const a of URGENCIES) confusion[a] = Object.fromEntries(URGENCIES.map((b) => [b, 0]));
  gold.forEach((g, i) => confusion[g.urgency][preds[i].urgency]++);
  const urgencyAcc = gold.filter((g, i) => g.urgency === preds[i].urgency).length / gold.length;
  const reporterAcc = gold.filter((g, i) => g.reporter === preds[i].reporter).length / gold.length;
  const goldEmergency = gold.filter((g) => g.urgency === 'emergency');
  const caught = gold.filter((g, i) => g.urgency === 'emergency' && preds[i].urgency === 'emergency').length;
  const falseAlarms = gold.map((g, i) => ({ g, p: preds[i] })).filter(({ g, p }) => p.urgency === 'emergency' && g.urgency !== 'emergency');
  const missed = gold.map((g, i) => ({ g, p: preds[i] })).filter(({ g, p }) => g.urgency === 'emergency' && p.urgency !== 'emergency');
  const nonEmergency = gold.length - goldEmergency.length;

  const metrics = {
    file,
    n: gold.length,
    msPerMessage: round(msPerMessage),
    categories: { microPrecision: round(microP), microRecall: round(microR), microF1: round(f1(microP, microR)), macroF1: round(macroF1), topCategoryAccuracy: round(topAcc), exactSetAccuracy: round(exactSets), perCategory: perCat },
    urgency: { accuracy: round(urgencyAcc), confusion },
    reporter: { accuracy: round(reporterAcc) },
    emergency: {
      gold: goldEmergency.length,
      recall: round(goldEmergency.length ? caught / goldEmergency.length : 1),
      falseAlarms: falseAlarms.length,
      falseAlarmRate: round(nonEmergency ? falseAlarms.length / nonEmergency : 0),
      missed: missed.map(({ g, p }) => ({ id: g.id, predicted: p.urgency, text: short(g.text) })),
      falseAlarmIds: falseAlarms.map(({ g }) => ({ id: g.id, gold: g.urgency, text: short(g.text) })),
    },
  };

  if (json) {
    console.log(JSON.stringify(metrics, null, 2));
    return;
  }
  const pad = (s: string | number, n: number) => String(s).padEnd(n);
  const lpad = (s: string | number, n: number) => String(s).padStart(n);
  console.log(`corpus: ${file} (${gold.length} messages, ${metrics.msPerMessage} ms/message)\n`);
  console.log(`${pad('category', 12)}${lpad('support', 8)}${lpad('tp', 5)}${lpad('fp', 5)}${lpad('fn', 5)}${lpad('P', 7)}${lpad('R', 7)}${lpad('F1', 7)}`);
  for (const c of CATEGORIES) {
    const m = perCat[c];
    console.log(`${pad(c, 12)}${lpad(m.support, 8)}${lpad(m.tp, 5)}${lpad(m.fp, 5)}${lpad(m.fn, 5)}${lpad(m.precision.toFixed(2), 7)}${lpad(m.recall.toFixed(2), 7)}${lpad(m.f1.toFixed(2), 7)}`);
  }
  console.log(`\nmicro P/R/F1: ${metrics.categories.microPrecision} / ${metrics.categories.microRecall} / ${metrics.categories.microF1}`);
  console.log(`macro F1: ${metrics.categories.macroF1}   top-category accuracy: ${metrics.categories.topCategoryAccuracy}   exact set: ${metrics.categories.exactSetAccuracy}`);
  console.log(`\nurgency accuracy: ${metrics.urgency.accuracy}\nconfusion (rows gold, columns predicted):`);
  console.log(`${pad('', 11)}${URGENCIES.map((u) => lpad(u, 10)).join('')}`);
  for (const a of URGENCIES) console.log(`${pad(a, 11)}${URGENCIES.map((b) => lpad(confusion[a][b], 10)).join('')}`);
  console.log(`\nreporter accuracy: ${metrics.reporter.accuracy}`);
  const rc: Record<string, Record<string, number>> = {};
  for (const a of REPORTERS) rc[a] = Object.fromEntries(REPORTERS.map((b) => [b, 0]));
  gold.forEach((g, i) => rc[g.reporter][preds[i].reporter]++);
  console.log(`${pad('', 13)}${REPORTERS.map((u) => lpad(u, 13)).join('')}`);
  for (const a of REPORTERS) console.log(`${pad(a, 13)}${REPORTERS.map((b) => lpad(rc[a][b], 13)).join('')}`);
  console.log(`\nemergency recall: ${caught}/${goldEmergency.length} = ${metrics.emergency.recall}`);
  console.log(`false alarms (predicted emergency, gold not): ${falseAlarms.length}/${nonEmergency} = ${metrics.emergency.falseAlarmRate}`);
  for (const m of metrics.emergency.missed) console.log(`  missed ${m.id} (predicted ${m.predicted}): ${m.text}`);
  for (const m of metrics.emergency.falseAlarmIds) console.log(`  false alarm ${m.id} (gold ${m.gold}): ${m.text}`);
  if (showErrors) {
    console.log('\nerrors:');
    gold.forEach((g, i) => {
      const p = preds[i];
      const catOk = [...g.categories].sort().join() === [...p.categories].sort().join();
      if (catOk && g.urgency === p.urgency && g.reporter === p.reporter) return;
      console.log(`${g.id} gold=[${g.categories}] ${g.urgency} ${g.reporter} | pred=[${p.categories}] ${p.urgency} ${p.reporter} | ${short(g.text)}`);
    });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
