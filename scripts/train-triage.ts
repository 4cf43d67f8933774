/**
 * Trains the learned triage model and writes the committed model file.
 *
 *   npm run train:triage [-- --corpus corpus/train] [--out models/triage-linear.bin] [--epochs N] [--seed N]
 *                        [--held-out FILE]   (writes the cross-validated predictions, for analysis)
 *                        [--threads N]       (cross-validation threads; default the cores, at most 4: same result)
 *
 * Reads every *.jsonl of the corpus folder (lines with `text`, or `texts` for a conversation,
 * labelled as a whole), lets the rules read each one (their result is part of what the model
 * sees), cross-validates by file, calibrates, chooses thresholds and trains the final model:
 * see src/triage/model/fit.ts. Deterministic: the same files and settings give the same file.
 *
 * Only the training corpus (or the small fixture tests/fixtures/triage/train-fixture) can be used: blind
 * sets are for scoring once, never for training or tuning, and any path naming one is refused.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createClassifier } from '../src/triage';
import { fitTriageModel, type LabelledExample } from '../src/triage/model/fit';
import { serializeModel } from '../src/triage/model/linear';
import { MODEL_FILE } from '../src/triage/model/load';
import { DEFAULT_SETTINGS } from '../src/triage/model/train';
import { crossValidatedTable } from '../src/triage/model/report';

const ROOT = path.resolve(__dirname, '..');
const ALLOWED = [path.join(ROOT, 'corpus', 'train'), path.join(ROOT, 'tests', 'fixtures', 'triage', 'train-fixture')];

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function corpusFolder(): string {
  const dir = path.resolve(option('corpus') ?? path.join(ROOT, 'corpus', 'train'));
  const real = fs.realpathSync(dir);
  if (/blind/i.test(real) || !ALLOWED.some((a) => real === a || real.startsWith(a + path.sep))) {
    throw new Error(`training reads only corpus/train (or tests/fixtures/triage/train-fixture), not ${dir}`);
  }
  return real;
}

interface Line {
  id: string;
  text?: string;
  texts?: string[];
  categories: string[];
  urgency: string;
  reporter: string;
}

async function main() {
  const t0 = Date.now();
  const dir = corpusFolder();
  const out = path.resolve(option('out') ?? MODEL_FILE);
  const settings = { ...DEFAULT_SETTINGS, ...(option('epochs') ? { epochs: Number(option('epochs')) } : {}), ...(option('seed') ? { seed: Number(option('seed')) } : {}) };
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort();
  if (files.length === 0) throw new Error(`no .jsonl files in ${dir}`);
  const rules = await createClassifier({ model: null });
  const examples: LabelledExample[] = [];
  const sources: Array<{ file: string; lines: number; sha256: string }> = [];
  for (const file of files) {
    const raw = fs.readFileSync(path.join(dir, file), 'utf8');
    const lines = raw.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Line);
    sources.push({ file, lines: lines.length, sha256: createHash('sha256').update(raw).digest('hex').slice(0, 16) });
    for (const l of lines) {
      const text = l.texts ? l.texts.join('\n') : (l.text ?? '');
      const read = rules.read(text);
      examples.push({ id: l.id, group: file, features: read.features, rules: read.rules, categories: l.categories, urgency: l.urgency, reporter: l.reporter });
    }
  }
  console.log(`${examples.length} examples from ${files.length} files, read by the rules in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const threads = option('threads') ? Number(option('threads')) : undefined;
  const { model, report } = await fitTriageModel(examples, settings, { sources }, threads);
  const bytes = serializeModel(model.model);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, bytes);
  console.log(`cross-validated by file (${report.folds.length} folds), calibration a=${report.calibration.a.toFixed(3)} b=${report.calibration.b.toFixed(3)}`);
  console.log(`thresholds: check ${report.thresholds.check}, crisis ${report.thresholds.crisis}, category ${report.thresholds.category}`);
  console.log(crossValidatedTable(report));
  const heldOutFile = option('held-out');
  if (heldOutFile) fs.writeFileSync(heldOutFile, JSON.stringify(report));
  console.log(`${model.model.features.length} features; wrote ${path.relative(process.cwd(), out)} (${(bytes.length / 1e6).toFixed(1)} MB) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
