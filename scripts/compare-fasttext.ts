/**
 * The measured comparison behind the README's choice of model: fastText supervised (Debian's
 * `fasttext`, one thread, fixed seed) against the linear model of src/triage/model, on the same
 * cross-validation by file of corpus/train. Not part of the product; needs `apt-get install fasttext`.
 *
 *   npx tsx scripts/compare-fasttext.ts
 *
 * fastText reads kuromoji's words separated by spaces (with character 2–4-grams inside words
 * and word pairs). Both are scored model-only: category micro/macro F1, urgency and reporter
 * accuracy, and the emergencies caught by the risk score at the threshold where non-emergencies
 * reach 6.5 % false alarms.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClassifier, loadTokenizer, normalizeText } from '../src/triage';
import { CATEGORIES } from '../src/triage/lexicon';
import { crossValidate, type LabelledExample } from '../src/triage/model/fit';
import { DEFAULT_SETTINGS } from '../src/triage/model/train';

interface Row { group: string; words: string; categories: string[]; urgency: string; reporter: string; emergency: boolean }
interface Scored { cats: Record<string, number>; urgency: string; reporter: string; risk: number }

function metrics(rows: Row[], got: Scored[]) {
  let tp = 0, fp = 0, fn = 0;
  const per = new Map<string, { tp: number; fp: number; fn: number }>(CATEGORIES.map((c) => [c, { tp: 0, fp: 0, fn: 0 }]));
  rows.forEach((r, i) => {
    const pred = Object.entries(got[i].cats).filter(([, p]) => p >= 0.5).map(([c]) => c);
    if (pred.length === 0) pred.push(Object.entries(got[i].cats).sort((a, b) => b[1] - a[1])[0][0]);
    for (const c of pred) (r.categories.includes(c) ? (tp++, per.get(c)!.tp++) : (fp++, per.get(c)!.fp++));
    for (const c of r.categories) if (!pred.includes(c)) (fn++, per.get(c)!.fn++);
  });
  const f1s = [...per.values()].filter((x) => x.tp + x.fn > 0).map((x) => (2 * x.tp) / (2 * x.tp + x.fp + x.fn || 1));
  const others = rows.map((r, i) => ({ r, risk: got[i].risk })).filter((x) => !x.r.emergency).map((x) => x.risk).sort((a, b) => b - a);
  const cut = others[Math.floor(others.length * 0.065)] ?? 1;
  const em = rows.map((r, i) => ({ r, risk: got[i].risk })).filter((x) => x.r.emergency);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    microF1: round((2 * tp) / (2 * tp + fp + fn)),
    macroF1: round(f1s.reduce((a, b) => a + b, 0) / f1s.length),
    urgency: round(rows.filter((r, i) => got[i].urgency === r.urgency).length / rows.length),
    reporter: round(rows.filter((r, i) => got[i].reporter === r.reporter).length / rows.length),
    emergenciesAt6_5: round(em.filter((x) => x.risk > cut).length / em.length),
  };
}

function fasttext(dir: string, train: Row[], test: Row[], label: (r: Row) => string[], args: string[]): Array<Record<string, number>> {
  const trainFile = path.join(dir, 'train.txt');
  const testFile = path.join(dir, 'test.txt');
  fs.writeFileSync(trainFile, train.map((r) => `${label(r).map((l) => `__label__${l}`).join(' ')} ${r.words}`).join('\n') + '\n');
  fs.writeFileSync(testFile, test.map((r) => r.words).join('\n') + '\n');
  execFileSync('fasttext', ['supervised', '-input', trainFile, '-output', path.join(dir, 'm'), '-thread', '1', '-seed', '1', '-minn', '2', '-maxn', '4', '-wordNgrams', '2', '-epoch', '25', '-lr', '0.5', '-dim', '50', ...args], { stdio: 'ignore' });
  const out = execFileSync('fasttext', ['predict-prob', path.join(dir, 'm.bin'), testFile, '-1'], { maxBuffer: 1 << 28 }).toString();
  return out.split('\n').slice(0, test.length).map((line) => {
    const probs: Record<string, number> = {};
    const parts = line.trim().split(' ');
    for (let i = 0; i + 1 < parts.length; i += 2) probs[parts[i].replace('__label__', '')] = Number(parts[i + 1]);
    return probs;
  });
}

async function main() {
  const tokenizer = await loadTokenizer();
  const rules = await createClassifier({ model: null });
  const examples: LabelledExample[] = [];
  const rows: Row[] = [];
  const dir = path.resolve(__dirname, '../corpus/train');
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
    for (const l of fs.readFileSync(path.join(dir, file), 'utf8').split('\n').filter((x) => x.trim()).map((x) => JSON.parse(x))) {
      const text: string = l.texts ? l.texts.join('\n') : l.text;
      const read = rules.read(text);
      examples.push({ id: l.id, group: file, features: read.features, rules: read.rules, categories: l.categories, urgency: l.urgency, reporter: l.reporter });
      const words = tokenizer.tokenize(normalizeText(text)).map((t) => t.surface.trim()).filter(Boolean).join(' ');
      rows.push({ group: file, words, categories: l.categories, urgency: l.urgency, reporter: l.reporter, emergency: l.urgency === 'emergency' });
    }
  }
  const { heldOut } = await crossValidate(examples, DEFAULT_SETTINGS);
  const linear: Scored[] = heldOut.map((h) => ({
    cats: h.prediction.categories,
    urgency: Object.entries(h.prediction.urgency).sort((a, b) => b[1] - a[1])[0][0],
    reporter: Object.entries(h.prediction.reporter).sort((a, b) => b[1] - a[1])[0][0],
    risk: h.score,
  }));
  const ft: Scored[] = new Array(rows.length);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ft-'));
  for (const g of [...new Set(rows.map((r) => r.group))].sort()) {
    const idx = rows.map((r, i) => (r.group === g ? i : -1)).filter((i) => i >= 0);
    const train = rows.filter((r) => r.group !== g);
    const test = idx.map((i) => rows[i]);
    const cats = fasttext(tmp, train, test, (r) => r.categories, ['-loss', 'ova']);
    const urg = fasttext(tmp, train, test, (r) => [r.urgency], []);
    const rep = fasttext(tmp, train, test, (r) => [r.reporter], []);
    const top = (p: Record<string, number>) => Object.entries(p).sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
    idx.forEach((i, k) => (ft[i] = { cats: Object.fromEntries(CATEGORIES.map((c) => [c, cats[k][c] ?? 0])), urgency: top(urg[k]), reporter: top(rep[k]), risk: urg[k].emergency ?? 0 }));
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  console.log('model-only, cross-validated by file:');
  console.log('linear (this project)', metrics(rows, linear));
  console.log('fastText supervised  ', metrics(rows, ft));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
