/**
 * Where the rules' false alarms come from, on training files only (never a blind set): every
 * line the rules alone call `emergency` whose label is not, grouped by the rules' first reason,
 * with what the model alone says of it (its risk and band). The model has trained on these very
 * lines, so its column shows what it learned from them, not how it would read a new writer.
 *
 *   npx tsx scripts/rules-false-alarms.ts corpus/train/*.jsonl [--texts]
 */
import path from 'node:path';
import { combineTriage, createClassifier } from '../src/triage';
import { readCorpus } from '../src/triage/evaluate';
import { modelOnly } from '../src/triage/model/blend';
import { predict } from '../src/triage/model/linear';

async function main() {
  const args = process.argv.slice(2);
  const files = args.filter((a) => !a.startsWith('--'));
  if (files.some((f) => !path.resolve(f).includes(`${path.sep}corpus${path.sep}train${path.sep}`))) throw new Error('training files only (corpus/train/): a blind set must stay unread');
  const showTexts = args.includes('--texts');
  const classifier = await createClassifier();
  const byReason = new Map<string, { n: number; modelCrisis: number; texts: string[] }>();
  let nonEmergencies = 0;
  let alarms = 0;
  for (const file of files) {
    for (const g of readCorpus(file)) {
      if (g.urgency === 'emergency') continue;
      nonEmergencies++;
      const texts = (g.texts ?? [g.text]).filter((t) => t.trim());
      const reads = texts.map((t) => classifier.read(t));
      const rules = reads.length === 1 ? reads[0].rules : combineTriage(reads.map((r) => r.rules));
      if (rules.urgency !== 'emergency') continue;
      alarms++;
      const model = classifier.model ? modelOnly(predict(classifier.model, reads[reads.length - 1].features), classifier.model.model.thresholds) : null;
      const reason = (rules.reasons.find((r) => /emergency|緊急/.test(r)) ?? rules.reasons[0] ?? '?').slice(0, 70);
      const entry = byReason.get(reason) ?? { n: 0, modelCrisis: 0, texts: [] };
      entry.n++;
      if (model?.risk?.band === 'crisis') entry.modelCrisis++;
      entry.texts.push(`${g.id} [${g.urgency}] model ${model?.risk?.band}:${model?.risk?.score.toFixed(2)} ${texts.join(' ⏎ ').slice(0, 110)}`);
      byReason.set(reason, entry);
    }
  }
  console.log(`rules' false alarms: ${alarms} of ${nonEmergencies} non-emergencies (${((100 * alarms) / nonEmergencies).toFixed(1)} %)`);
  for (const [reason, e] of [...byReason].sort((a, b) => b[1].n - a[1].n)) {
    console.log(`${String(e.n).padStart(4)}  model also crisis ${e.modelCrisis}  ${reason}`);
    if (showTexts) for (const t of e.texts) console.log(`        ${t}`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
