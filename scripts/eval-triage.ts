/**
 * Evaluates the triage classifier on a labelled JSONL corpus.
 *
 *   npm run eval:triage [-- path/to/file.jsonl] [--json] [--errors] [--summary]
 *
 * Default corpus: ../shared/corpus/dev.jsonl next to the repository. Prints per-category
 * precision/recall/F1 (set-based), micro and macro F1, top-category accuracy, the urgency
 * confusion matrix, reporter accuracy, emergency recall and false alarms.
 */
import path from 'node:path';
import { createClassifier, CATEGORIES } from '../src/triage';
import { readCorpus, REPORTERS, score, URGENCIES } from '../src/triage/evaluate';

async function main() {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const showErrors = args.includes('--errors');
  // --summary: numbers only, no message text (for a blind set whose errors must stay unread)
  const summary = args.includes('--summary');
  const file = args.find((a) => !a.startsWith('--')) ?? path.resolve(__dirname, '../../shared/corpus/dev.jsonl');
  const gold = readCorpus(file);

  const classifier = await createClassifier();
  const t0 = process.hrtime.bigint();
  const preds = gold.map((g) => classifier.classify(g.text));
  const msPerMessage = Math.round((Number(process.hrtime.bigint() - t0) / 1e6 / gold.length) * 1000) / 1000;
  const s = score(gold, preds);
  const metrics = { file, msPerMessage, ...s };
  const perCat = s.categories.perCategory;
  const confusion = s.urgency.confusion;
  const rc = s.reporter.confusion;

  if (summary) {
    const e = s.emergency;
    console.log(`${path.basename(file)}: n=${s.n} microF1=${s.categories.microF1} macroF1=${s.categories.macroF1} top=${s.categories.topCategoryAccuracy} urgency=${s.urgency.accuracy} reporter=${s.reporter.accuracy} emergencyRecall=${e.caught}/${e.gold}=${e.recall} falseAlarms=${e.falseAlarms} (${e.falseAlarmRate})`);
    return;
  }
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
  console.log(`${pad('', 13)}${REPORTERS.map((u) => lpad(u, 13)).join('')}`);
  for (const a of REPORTERS) console.log(`${pad(a, 13)}${REPORTERS.map((b) => lpad(rc[a][b], 13)).join('')}`);
  const e = s.emergency;
  console.log(`\nemergency recall: ${e.caught}/${e.gold} = ${e.recall}`);
  console.log(`false alarms (predicted emergency, gold not): ${e.falseAlarms}/${s.n - e.gold} = ${e.falseAlarmRate}`);
  for (const m of metrics.emergency.missed) console.log(`  missed ${m.id} (predicted ${m.predicted}): ${m.text}`);
  for (const m of metrics.emergency.falseAlarmIds) console.log(`  false alarm ${m.id} (gold ${m.gold}): ${m.text}`);
  if (showErrors) console.log(['', 'errors:', ...s.errors].join('\n'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
