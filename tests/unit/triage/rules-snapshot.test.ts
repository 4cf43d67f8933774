/**
 * The rules give exactly what they gave before they were split into stages (issue 13): every line
 * of the training corpus is read by the rules, and what they decided and saw (categories, urgency,
 * reporter, reasons, the cue tags that held and those set aside, the normalised text, language and
 * tokens) is hashed per file and compared with the hashes taken from the version before the split
 * (./rules-snapshot.json, written once with RULES_SNAPSHOT=write from that version).
 * A behaviour change on purpose writes new hashes in the same commit, with the reason.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createClassifier, type Classifier } from '../../../src/triage';

const CORPUS = path.resolve(__dirname, '../../../corpus/train');
const SNAPSHOT = path.join(__dirname, 'rules-snapshot.json');

let c: Classifier;
beforeAll(async () => {
  c = await createClassifier({ model: null });
});

function digest(file: string): string {
  const hash = createHash('sha256');
  for (const line of fs.readFileSync(path.join(CORPUS, file), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const l = JSON.parse(line) as { id: string; text?: string; texts?: string[] };
    const { rules, seen } = c.read(l.texts ? l.texts.join('\n') : (l.text ?? ''));
    hash.update(JSON.stringify({ id: l.id, rules, norm: seen.norm, lang: seen.lang, tags: seen.tags, dropped: seen.dropped, tokens: seen.tokens.map((t) => `${t.surface}/${t.basic}/${t.pos}`) }));
    hash.update('\n');
  }
  return hash.digest('hex');
}

const files = fs.readdirSync(CORPUS).filter((f) => f.endsWith('.jsonl')).sort();

test('the corpus is there to compare', () => {
  expect(files.length).toBeGreaterThanOrEqual(9);
});

test.each(files)('%s: the rules decide and see exactly what they did before the split', (file) => {
  const got = digest(file);
  if (process.env.RULES_SNAPSHOT === 'write') {
    const all = fs.existsSync(SNAPSHOT) ? JSON.parse(fs.readFileSync(SNAPSHOT, 'utf8')) : {};
    fs.writeFileSync(SNAPSHOT, JSON.stringify({ ...all, [file]: got }, null, 2) + '\n');
  }
  const expected = JSON.parse(fs.readFileSync(SNAPSHOT, 'utf8'))[file];
  expect(got).toBe(expected);
}, 300_000);
