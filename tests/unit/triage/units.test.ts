import { detectLanguage } from '../../../src/triage/language';
import { hyperbole, negation, pastResolved, relayed } from '../../../src/triage/negation';
import { loadTokenizer, normalizeText, toHiragana } from '../../../src/triage/tokenize';

const spanOf = (text: string, word: string) => {
  const start = text.indexOf(word);
  return { start, end: start + word.length };
};

describe('negation helpers', () => {
  it('detects negation after the cue', () => {
    const t = '死にたいとかではないんですが';
    expect(negation(t, spanOf(t, '死にたい'))).toBeDefined();
    const u = '死にたいです';
    expect(negation(u, spanOf(u, '死にたい'))).toBeUndefined();
  });
  it('detects hyperbole and jokes', () => {
    const t = '死ぬほど忙しい';
    expect(hyperbole(t, spanOf(t, '死ぬ'))).toBeDefined();
    const u = 'バイトきつすぎて死にそう笑';
    expect(hyperbole(u, spanOf(u, '死にそう'))).toBeDefined();
    const v = 'もう死にたい';
    expect(hyperbole(v, spanOf(v, '死にたい'))).toBeUndefined();
  });
  it('detects a past episode only when it is resolved', () => {
    const t = '消えたいって思ってた時期もあったけど、今はだいぶ元気です';
    expect(pastResolved(t, spanOf(t, '消えたい'))).toBeDefined();
    const u = '去年から消えたいと思っていて、今もつらい';
    expect(pastResolved(u, spanOf(u, '消えたい'))).toBeUndefined();
  });
  it('detects words relayed from a third party', () => {
    const t = '息子が『死にたい』って言うんです';
    expect(relayed(t, spanOf(t, '死にたい'))).toBeDefined();
    const u = '私は死にたいです';
    expect(relayed(u, spanOf(u, '死にたい'))).toBeUndefined();
  });
});

describe('language detection', () => {
  it.each([
    ['今日は相談があります', 'ja', false],
    ['がいこくじん でも そうだん できますか？ にほんご すこし だけ です', 'easy-ja', true],
    ['I want to talk to someone', 'en', true],
    ['Perdi o emprego e não tenho dinheiro', 'pt', true],
    ['Tôi không có tiền để trả tiền nhà', 'vi', true],
    ['我想找工作', 'zh', true],
  ])('%s → %s', (text, lang, foreign) => {
    const info = detectLanguage(normalizeText(text));
    expect(info.lang).toBe(lang);
    expect(info.nonStandardJapanese).toBe(foreign);
  });
});

describe('tokenizer', () => {
  it('gives lemmas and hiragana readings', async () => {
    const tk = await loadTokenizer();
    const kanji = tk.tokenize('死にたくて');
    const kana = tk.tokenize('しにたくて');
    expect(kanji[0].basic).toBe('死ぬ');
    expect(kanji[0].baseKana).toBe('しぬ');
    expect(kana[0].baseKana).toBe('しぬ');
    expect(kanji.map((t) => t.kana).join('')).toBe(kana.map((t) => t.kana).join(''));
  });
  it('folds polite negatives into ない', async () => {
    const tk = await loadTokenizer();
    expect(tk.tokenize('見ていません').map((t) => t.basic)).toContain('ない');
  });
  it('converts katakana to hiragana', () => {
    expect(toHiragana('シニタイ')).toBe('しにたい');
  });
});
