/**
 * The learned model (issue 10): `npm run train:triage` is deterministic (the same files and seed
 * give the same file, bit for bit, and so the same predictions), reads only the training corpus
 * (a blind set is refused), and the committed model loads with a stable version.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createClassifier, MODEL_FILE, triageEngine } from '../../../src/triage';
import { modelVersion, parseModel } from '../../../src/triage/model/linear';
import { platt } from '../../../src/triage/model/fit';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../../..');
const FIXTURE = path.join(ROOT, 'tests/fixtures/triage/train-fixture');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

async function train(args: string[]) {
  return run(TSX, ['scripts/train-triage.ts', ...args], { cwd: ROOT, env: { ...process.env, NODE_OPTIONS: '' }, timeout: 120_000 });
}

describe('training', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'triage-train-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('the same corpus and seed give an identical model file and identical predictions, in one thread or two', async () => {
    const a = path.join(dir, 'a.bin');
    const b = path.join(dir, 'b.bin');
    // and whether the folds are trained in one thread or shared out over two
    await train(['--corpus', FIXTURE, '--out', a, '--epochs', '3', '--threads', '1']);
    await train(['--corpus', FIXTURE, '--out', b, '--epochs', '3', '--threads', '2']);
    const ta = fs.readFileSync(a);
    const tb = fs.readFileSync(b);
    expect(createHash('sha256').update(ta).digest('hex')).toBe(createHash('sha256').update(tb).digest('hex'));
    const ca = await createClassifier({ model: parseModel(ta) });
    const cb = await createClassifier({ model: parseModel(tb) });
    for (const text of ['今から首を吊ります', '家賃を3か月払えていません', '母が認知症で夜中に歩き回ります', 'こんにちは']) expect(cb.classify(text)).toEqual(ca.classify(text));
    // another seed trains another model: the seed is really used
    const c = path.join(dir, 'c.bin');
    await train(['--corpus', FIXTURE, '--out', c, '--epochs', '3', '--seed', '7']);
    expect(fs.readFileSync(c).equals(ta)).toBe(false);
  }, 240_000);

  test('a blind set or any folder outside the training corpus is refused, and nothing is written', async () => {
    const blind = path.join(dir, 'blind');
    fs.mkdirSync(blind);
    fs.copyFileSync(path.join(FIXTURE, 'writer-a.jsonl'), path.join(blind, 'x.jsonl'));
    for (const corpus of [blind, path.join(ROOT, 'tests/fixtures/triage')]) {
      const out = path.join(dir, 'refused.bin');
      await expect(train(['--corpus', corpus, '--out', out])).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('training reads only corpus/train') });
      expect(fs.existsSync(out)).toBe(false);
    }
  }, 120_000);

  test('Platt scaling stays finite on separable scores and orders them as given', () => {
    const { a, b } = platt([-3, -2, -1, 4, 5, 6], [0, 0, 0, 1, 1, 1]);
    expect(Number.isFinite(a) && Number.isFinite(b)).toBe(true);
    expect(a).toBeGreaterThan(0);
  });
});

describe('the committed model', () => {
  test('loads from the repository, names its version by the file hash, and the engine carries it', async () => {
    const text = fs.readFileSync(MODEL_FILE);
    expect(text.byteLength).toBeLessThan(20 * 1024 * 1024);
    const model = parseModel(text);
    expect(model.version).toBe(modelVersion(text));
    const c = await createClassifier();
    expect(c.model?.version).toBe(model.version);
    expect(c.engine).toBe(`rules-v3+${model.version}`);
    expect(triageEngine()).toBe(c.engine);
  });

  test('every result carries a risk score and band, with the model reason staff can read', async () => {
    const c = await createClassifier();
    const t = c.classify('今から首を吊ります。さようなら');
    expect(t.risk).toEqual({ score: expect.any(Number), band: 'crisis' });
    expect(t.reasons.at(-1)).toMatch(/^学習モデル: 危険の確率 [01]\.\d\d/);
    const calm = c.classify('介護保険の申請のしかたを教えてください');
    expect(calm.risk?.band).toBe('clear');
  });

  test('hard negatives stay hard: hyperbole, jokes, past and resolved events are not in crisis and hardly in check', async () => {
    const c = await createClassifier();
    const negatives = [
      '死ぬほど忙しい',
      'シフトきつすぎて死にそう笑',
      '電気代で死ぬかと思った😂',
      'My job is killing me lol',
      'テスト勉強で死にそうｗｗ',
      '部活の練習がきつすぎて死ぬかと思った',
      '上司に殺されるｗ締め切りやばい',
      '高校のときリスカしてたけど、今は全然してない',
      '『死にたい』って娘が言っていたのは去年のことで、今は落ち着いています',
      '去年の冬に一度ODしたことがあるけど、今は通院して落ち着いています',
      '昔は消えたいと思ったこともあったけど、今は仕事も決まって元気です',
      '死にたいとかではないんですが、毎日しんどくて眠れません',
      'ここに書いたら少し楽になりました',
      '私が死んだあと、息子がどうなるのか心配です',
    ];
    const bands = negatives.map((t) => c.classify(t).risk?.band);
    expect(bands.filter((b) => b === 'crisis')).toEqual([]);
    expect(bands.filter((b) => b === 'check').length).toBeLessThanOrEqual(1);
  });

  test('plain first requests in English and other languages are not read as danger, and the same plain words with danger are', async () => {
    // engine 184162892d74 put short English requests just over the crisis threshold (0.32–0.36)
    // on Latin-letter character n-grams; corpus writer w22 wrote plain requests in ten languages
    const c = await createClassifier();
    const requests = [
      'I would like to talk about my son',
      'I would like to talk to someone',
      "I want to ask about my son's school",
      "Hi, I'd like some advice about my dad",
      'Could I ask something about the nursery fees?',
      'Queria conversar sobre a minha filha',
      'Xin chào, tôi muốn hỏi về tiền nhà',
    ];
    expect(requests.map((t) => c.classify(t).risk?.band).filter((b) => b === 'crisis')).toEqual([]);
    const dangers = ['I would like to talk to someone. I swallowed all my pills', 'Sorry to bother you, my husband is hitting me now'];
    expect(dangers.map((t) => c.classify(t).risk?.band)).toEqual(['crisis', 'crisis']);
  });

  test('the model never lowers what the rules found', async () => {
    const withModel = await createClassifier();
    const rulesOnly = await createClassifier({ model: null });
    const rank = { low: 0, normal: 1, high: 2, emergency: 3 } as const;
    const texts = fs
      .readFileSync(path.join(ROOT, 'tests/fixtures/triage/heldout-d.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l).text as string);
    for (const text of texts) {
      const r = rulesOnly.classify(text);
      const m = withModel.classify(text);
      expect(rank[m.urgency]).toBeGreaterThanOrEqual(rank[r.urgency]);
      for (const cat of ['suicide', 'dv', 'abuse']) if (r.categories.includes(cat)) expect(m.categories).toContain(cat);
    }
  });
});
