/**
 * Cross-validation by writer of the risk band only, for comparing feature sets, class weights and
 * thresholds quickly (`npm run train:triage` does the full fit):
 *
 *   npx tsx scripts/cv-triage.ts [--risk-weight W] [--false-alarms F] [--check-recall R] [--check-share S] [--features NAME] [--dump FILE]
 *
 * Reads only corpus/train (the rules' reading is cached in $TMPDIR between runs), trains the risk
 * and urgency heads with each writer's file held out in turn, calibrates on the pooled held-out scores, chooses
 * thresholds there (src/triage/model/fit.ts) and prints, per held-out writer and pooled, the
 * emergencies in `crisis` and in `crisis` + `check`, false alarms and the `check` share of rules
 * and model combined.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Triage } from '../src/db/schema';
import { createClassifier, toHiragana } from '../src/triage';
import { band } from '../src/triage/model/blend';
import { crisisSetAside, featuresOf, type Seen } from '../src/triage/model/features';
import { chooseThresholds, platt, THRESHOLD_RULE, type ThresholdRule } from '../src/triage/model/fit';
import { DEFAULT_SETTINGS, riskScore, trainModel } from '../src/triage/model/train';

const ROOT = path.resolve(__dirname, '..');
const CORPUS = path.join(ROOT, 'corpus', 'train');
const CACHE = path.join(os.tmpdir(), 'tsunagu-cv-triage-reads-v2.json');

const option = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

interface Read {
  id: string;
  group: string;
  rules: Triage;
  seen: Seen;
  emergency: boolean;
  /** The labelled urgency (the urgency head is part of the risk score). */
  urgency: string;
  /** The messages of a conversation file line, each read on its own. */
  parts: Array<{ rules: Triage; seen: Seen }>;
}

async function reads(): Promise<Read[]> {
  if (fs.existsSync(CACHE)) return JSON.parse(fs.readFileSync(CACHE, 'utf8')) as Read[];
  const c = await createClassifier({ model: null });
  const out: Read[] = [];
  for (const file of fs.readdirSync(CORPUS).filter((f) => f.endsWith('.jsonl')).sort()) {
    for (const line of fs.readFileSync(path.join(CORPUS, file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const l = JSON.parse(line) as { id: string; text?: string; texts?: string[]; urgency: string };
      const { rules, seen } = c.read(l.texts ? l.texts.join('\n') : (l.text ?? ''));
      const parts = (l.texts ?? []).map((t) => {
        const r = c.read(t);
        return { rules: r.rules, seen: r.seen };
      });
      out.push({ id: l.id, group: file, rules, seen, emergency: l.urgency === 'emergency', urgency: l.urgency, parts });
    }
  }
  fs.writeFileSync(CACHE, JSON.stringify(out));
  return out;
}

const NON_CJK_WORD = /[\p{L}\p{N}'’]+/gu;
const CJK = /[\u3040-\u30ff\u3400-\u9fff]/;
function extras(seen: Seen, kinds: string[]): string[] {
  const out: string[] = [];
  const text = seen.norm.toLowerCase();
  if (kinds.includes('words')) {
    const words = (text.match(NON_CJK_WORD) ?? []).filter((w) => !CJK.test(w));
    let prev = '^';
    for (const w of words) {
      out.push(`x:${w}`, `y:${prev}_${w}`);
      prev = w;
    }
  }
  if (kinds.includes('c4')) {
    const chars = [...text.replace(/[\s\u3000]+/g, ' ')];
    for (let i = 0; i + 3 < chars.length; i++) out.push(`d:${chars.slice(i, i + 4).join('')}`);
  }
  if (kinds.includes('kana')) {
    const chars = [...toHiragana(text).replace(/[\s\u3000]+/g, ' ')];
    for (let i = 0; i + 1 < chars.length; i++) {
      out.push(`k:${chars[i]}${chars[i + 1]}`);
      if (i + 2 < chars.length) out.push(`k:${chars[i]}${chars[i + 1]}${chars[i + 2]}`);
    }
  }
  if (kinds.includes('emph')) for (const t of [...seen.tags.map((x) => `rt:${x}`), ...seen.dropped.map((x) => `rd:${x}`)]) out.push(`e1${t}`, `e2${t}`);
  if (kinds.includes('read')) for (const t of seen.tokens) out.push(`r:${t.baseKana}`);
  return [...new Set(out)];
}

const pct = (n: number, d: number) => (d ? n / d : 0).toFixed(3);

async function main() {
  const all = await reads();
  const num = (name: string, d: number) => Number(option(name) ?? d);
  const settings = {
    ...DEFAULT_SETTINGS,
    epochs: num('epochs', DEFAULT_SETTINGS.epochs),
    rate: num('rate', DEFAULT_SETTINGS.rate),
    l2: num('l2', DEFAULT_SETTINGS.l2),
    minCount: num('min-count', DEFAULT_SETTINGS.minCount),
    riskWeight: num('risk-weight', 1),
  };
  const rule: ThresholdRule = {
    falseAlarms: num('false-alarms', THRESHOLD_RULE.falseAlarms),
    checkRecall: num('check-recall', THRESHOLD_RULE.checkRecall),
    checkShare: num('check-share', THRESHOLD_RULE.checkShare),
  };
  const examples = all.map((r) => ({ ...r, features: [...featuresOf(r.seen, r.rules), ...extras(r.seen, (option('features') ?? '').split(','))], categories: [], urgency: r.urgency, reporter: 'unknown' }));
  const folds = [...new Set(examples.map((e) => e.group))].sort();
  const held: Array<{ e: (typeof examples)[number]; z: number; partZ: number[] }> = [];
  for (const g of folds) {
    const model = trainModel(examples.filter((e) => e.group !== g), settings, undefined, ['risk', 'urgency']);
    for (const e of examples.filter((x) => x.group === g)) {
      const z = riskScore(model, e.features);
      const partZ = e.parts.map((p) => riskScore(model, [...featuresOf(p.seen, p.rules), ...extras(p.seen, (option('features') ?? '').split(','))]));
      held.push({ e, z, partZ });
    }
  }
  const cal = platt(held.map((h) => h.z), held.map((h) => (h.e.emergency ? 1 : 0)));
  const scored = held.map((h) => ({ ...h, risk: 1 / (1 + Math.exp(-(cal.a * h.z + cal.b))) }));
  const t = chooseThresholds(scored.map((h) => ({ risk: h.risk, emergency: h.e.emergency, rulesEmergency: h.e.rules.urgency === 'emergency' })), 0.5, rule);
  // a conversation as production triages it: each message on its own (rules + model), then combined
  const conv = option('conv') ?? 'joined';
  const sig = (z: number) => 1 / (1 + Math.exp(-(cal.a * z + cal.b)));
  const bandOf = (h: (typeof scored)[number]): string => {
    if (conv === 'joined' || h.e.parts.length === 0) return band(h.e.rules, h.risk, t, crisisSetAside(h.e.features));
    const bands = h.e.parts.map((p, i) => band(p.rules, sig(h.partZ[i]), t, crisisSetAside(featuresOf(p.seen, p.rules))));
    if (conv === 'noisyor') {
      const r = 1 - h.partZ.reduce((q, z) => q * (1 - sig(z)), 1);
      if (r >= t.crisis) bands.push('crisis');
      else if (r >= t.check) bands.push('check');
    }
    if (conv === 'last2') {
      // two messages in a row in `check`: the worry is building, not passing
      for (let i = 1; i < bands.length; i++) if (bands[i] !== 'clear' && bands[i - 1] !== 'clear') bands.push('crisis');
    }
    return bands.includes('crisis') ? 'crisis' : bands.includes('check') ? 'check' : 'clear';
  };
  console.log(`settings ${JSON.stringify(settings)} rule ${JSON.stringify(rule)}\nthresholds check ${t.check} crisis ${t.crisis}`);
  const row = (name: string, hs: typeof scored) => {
    const bands = hs.map(bandOf);
    const em = hs.map((h, i) => ({ h, b: bands[i] })).filter((x) => x.h.e.emergency);
    const non = hs.map((h, i) => ({ h, b: bands[i] })).filter((x) => !x.h.e.emergency);
    console.log(
      `${name.padEnd(34)} n=${String(hs.length).padStart(4)} em=${String(em.length).padStart(4)}  crisis ${pct(em.filter((x) => x.b === 'crisis').length, em.length)}  crisis+check ${pct(em.filter((x) => x.b !== 'clear').length, em.length)}  false alarms ${pct(non.filter((x) => x.b === 'crisis').length, non.length)}  check share ${pct(bands.filter((b) => b === 'check').length, bands.length)}`,
    );
  };
  for (const g of folds) row(g, scored.filter((h) => h.e.group === g));
  row('pooled', scored);
  const dump = option('dump');
  if (dump) fs.writeFileSync(dump, JSON.stringify(scored.map((h) => ({ id: h.e.id, group: h.e.group, emergency: h.e.emergency, risk: h.risk, band: bandOf(h), rulesUrgency: h.e.rules.urgency, setAside: crisisSetAside(h.e.features), text: h.e.seen.norm }))));
  if (option('errors')) {
    for (const h of scored.filter((x) => x.e.emergency && band(x.e.rules, x.risk, t, crisisSetAside(x.e.features)) === 'clear').slice(0, Number(option('errors')))) {
      console.log(`MISS ${h.e.id} risk ${h.risk.toFixed(3)} ${h.e.seen.norm.slice(0, 120).replace(/\n/g, '⏎')}`);
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
