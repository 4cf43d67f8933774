/**
 * Evaluates triage on a labelled JSONL corpus: rules only, the learned model only, and both
 * combined (what production runs), side by side.
 *
 *   npm run eval:triage [-- path/to/file.jsonl] [--json] [--errors] [--summary]
 *
 * Default corpus: shared/corpus/dev.jsonl (found in the nearest parent folder that has it).
 * Prints, for the combined result, per-category precision/recall/F1, micro and macro F1, the
 * urgency confusion matrix, reporter accuracy, emergency recall and false alarms; then the three
 * side by side with the risk bands: emergencies in `crisis`, in `crisis` + `check`, false alarms,
 * and the share of messages in `check`. `--summary`: numbers only, no message text (for a blind
 * set whose messages must stay unread). Lines with `texts` (conversations) are read message by
 * message and combined, as the triage worker does.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Triage } from '../src/db/schema';
import { combineTriage, createClassifier, CATEGORIES } from '../src/triage';
import { bandScores, readCorpus, REPORTERS, score, URGENCIES } from '../src/triage/evaluate';
import { modelOnly } from '../src/triage/model/blend';
import { predict } from '../src/triage/model/linear';
import { sideBySide, type Variants } from '../src/triage/model/report';

function defaultCorpus(): string {
  for (let dir = path.resolve(__dirname, '..'); ; dir = path.dirname(dir)) {
    const f = path.join(dir, 'shared', 'corpus', 'dev.jsonl');
    if (fs.existsSync(f)) return f;
    if (path.dirname(dir) === dir) throw new Error('no shared/corpus/dev.jsonl found above the repository; name a file');
  }
}

async function main() {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const showErrors = args.includes('--errors');
  // --summary: numbers only, no message text (for a blind set whose errors must stay unread)
  const summary = args.includes('--summary');
  const file = args.find((a) => !a.startsWith('--')) ?? defaultCorpus();
  const gold = readCorpus(file);

  const classifier = await createClassifier();
  const model = classifier.model;
  const t0 = process.hrtime.bigint();
  const perMessage = (text: string) => {
    const { rules, features } = classifier.read(text);
    if (!model || !text.trim()) return { rules, model: rules, combined: rules };
    const p = predict(model, features);
    // combined: exactly what production runs (classify also leaves courtesies alone to the rules)
    return { rules, model: modelOnly(p, model.model.thresholds), combined: classifier.classify(text) };
  };
  const variants: Variants = { rules: [], model: [], combined: [] };
  for (const g of gold) {
    const messages = (g.texts ?? [g.text]).filter((t) => t.trim()).map(perMessage);
    for (const v of ['rules', 'model', 'combined'] as const) variants[v].push(messages.length === 1 ? messages[0][v] : combineTriage(messages.map((m) => m[v])));
  }
  const msPerMessage = Math.round((Number(process.hrtime.bigint() - t0) / 1e6 / gold.length) * 1000) / 1000;
  const preds: Triage[] = variants.combined;
  const s = score(gold, preds);
  const engine = classifier.engine;

  if (summary) {
    for (const [name, p] of Object.entries(variants)) {
      const v = score(gold, p);
      const b = bandScores(gold, p);
      console.log(`${path.basename(file)} ${name}: n=${v.n} microF1=${v.categories.microF1} macroF1=${v.categories.macroF1} top=${v.categories.topCategoryAccuracy} urgency=${v.urgency.accuracy} reporter=${v.reporter.accuracy} emergencyRecall=${v.emergency.caught}/${v.emergency.gold}=${v.emergency.recall} crisis=${b.crisisRecall} crisis+check=${b.crisisCheckRecall} falseAlarms=${b.falseAlarmRate} check=${b.checkShare}`);
    }
    console.log(`engine ${engine}`);
    return;
  }
  if (json) {
    const out = Object.fromEntries(Object.entries(variants).map(([name, p]) => [name, { ...score(gold, p), bands: bandScores(gold, p) }]));
    console.log(JSON.stringify({ file, engine, msPerMessage, ...out }, null, 2));
    return;
  }
  const pad = (x: string | number, n: number) => String(x).padEnd(n);
  const lpad = (x: string | number, n: number) => String(x).padStart(n);
  const perCat = s.categories.perCategory;
  console.log(`corpus: ${file} (${gold.length} lines, ${msPerMessage} ms per line for all three), engine ${engine}\n`);
  console.log('combined (rules + safety net + model):');
  console.log(`${pad('category', 12)}${lpad('support', 8)}${lpad('tp', 5)}${lpad('fp', 5)}${lpad('fn', 5)}${lpad('P', 7)}${lpad('R', 7)}${lpad('F1', 7)}`);
  for (const c of CATEGORIES) {
    const m = perCat[c];
    console.log(`${pad(c, 12)}${lpad(m.support, 8)}${lpad(m.tp, 5)}${lpad(m.fp, 5)}${lpad(m.fn, 5)}${lpad(m.precision.toFixed(2), 7)}${lpad(m.recall.toFixed(2), 7)}${lpad(m.f1.toFixed(2), 7)}`);
  }
  console.log(`\nmicro P/R/F1: ${s.categories.microPrecision} / ${s.categories.microRecall} / ${s.categories.microF1}`);
  console.log(`macro F1: ${s.categories.macroF1}   top-category accuracy: ${s.categories.topCategoryAccuracy}   exact set: ${s.categories.exactSetAccuracy}`);
  console.log(`\nurgency accuracy: ${s.urgency.accuracy}\nconfusion (rows gold, columns predicted):`);
  console.log(`${pad('', 11)}${URGENCIES.map((u) => lpad(u, 10)).join('')}`);
  for (const a of URGENCIES) console.log(`${pad(a, 11)}${URGENCIES.map((b) => lpad(s.urgency.confusion[a][b], 10)).join('')}`);
  console.log(`\nreporter accuracy: ${s.reporter.accuracy}`);
  console.log(`${pad('', 13)}${REPORTERS.map((u) => lpad(u, 13)).join('')}`);
  for (const a of REPORTERS) console.log(`${pad(a, 13)}${REPORTERS.map((b) => lpad(s.reporter.confusion[a][b], 13)).join('')}`);
  const e = s.emergency;
  console.log(`\nemergency recall: ${e.caught}/${e.gold} = ${e.recall}`);
  console.log(`false alarms (predicted emergency, gold not): ${e.falseAlarms}/${s.n - e.gold} = ${e.falseAlarmRate}`);
  for (const m of e.missed) console.log(`  missed ${m.id} (predicted ${m.predicted}): ${m.text}`);
  for (const m of e.falseAlarmIds) console.log(`  false alarm ${m.id} (gold ${m.gold}): ${m.text}`);
  console.log(`\nside by side:\n${sideBySide(gold, variants)}`);
  if (showErrors) console.log(['', 'errors (combined):', ...s.errors].join('\n'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
