/**
 * Language detection by script ratio plus a few function words. Good enough to route a message to
 * the Japanese or the English rule set and to flag everything that is not standard Japanese
 * (`foreign`).
 */
export type DetectedLang = 'ja' | 'easy-ja' | 'en' | 'pt' | 'es' | 'vi' | 'zh' | 'ko' | 'tl' | 'id' | 'other' | 'unknown';

export interface LanguageInfo {
  lang: DetectedLang;
  /** Everything except standard Japanese: the message gets `foreign`. */
  nonStandardJapanese: boolean;
  /** Why (for reasons). */
  why: string;
}

const count = (s: string, re: RegExp): number => (s.match(re) ?? []).length;

const STOPWORDS: Array<[DetectedLang, RegExp]> = [
  ['en', /\b(i|i'm|im|my|me|the|is|are|and|to|you|can|do|don't|have|want|help|please|hello|hi|where)\b/g],
  ['pt', /\b(eu|sou|não|nao|você|vocês|voces|tenho|meu|minha|obrigad[oa]|olá|ola|com|para|está|estou|emprego|ajuda)\b/g],
  ['es', /\b(yo|soy|estoy|tengo|mi|usted|ustedes|gracias|hola|ayuda|trabajo|dinero|necesito|por favor)\b/g],
  ['tl', /\b(ako|po|ang|ng|mga|hindi|salamat|kumusta|asawa|trabaho)\b/g],
  ['id', /\b(saya|tidak|dan|yang|di|ini|itu|sudah|mau|ingin|tolong|kerja|uang)\b/g],
];

export function detectLanguage(text: string): LanguageInfo {
  const hira = count(text, /[\u3041-\u309f]/g);
  const kata = count(text, /[\u30a0-\u30ff]/g);
  const kanji = count(text, /[\u3400-\u9fff]/g);
  const hangul = count(text, /[\uac00-\ud7af]/g);
  const latin = count(text, /[a-zà-ỹ]/gi);
  const viMarks = count(text, /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/gi);
  const kana = hira + kata;
  // Devanagari, Thai, Burmese, Bengali, Arabic, Cyrillic
  const otherScript = count(text, /[\u0900-\u097f\u0e00-\u0e7f\u1000-\u109f\u0980-\u09ff\u0600-\u06ff\u0400-\u04ff]/g);
  const letters = kana + kanji + hangul + latin + otherScript;
  if (letters === 0) return { lang: 'unknown', nonStandardJapanese: false, why: 'no letters' };

  if (kana > 0 && kana + kanji >= latin * 0.5) {
    // やさしい日本語 / non-native writing: words separated by spaces, hardly any kanji.
    const spacedWords = count(text, /[\u3041-\u30ff][ \u3000]+(?=[\u3041-\u30ff\u3400-\u9fff])/g);
    const kanjiRatio = kanji / (kana + kanji);
    // a native child writes kana in long clauses split by spaces (ままのかれしがこわい　きょうも…);
    // やさしい日本語 spaces short phrases (わたしは しごとが ありません)
    const segments = text.split(/[\s\u3000。、！？!?]+/).filter((x) => x.length > 0);
    const meanSegment = segments.reduce((n, x) => n + x.length, 0) / Math.max(1, segments.length);
    if (spacedWords >= 3 && kanjiRatio < 0.2 && meanSegment <= 7) {
      return { lang: 'easy-ja', nonStandardJapanese: true, why: `分かち書き（スペース${spacedWords}か所）・漢字率${Math.round(kanjiRatio * 100)}%` };
    }
    return { lang: 'ja', nonStandardJapanese: false, why: 'かな' };
  }
  if (hangul > 0 && hangul >= latin) return { lang: 'ko', nonStandardJapanese: true, why: 'ハングル' };
  if (otherScript > 0 && otherScript >= latin) return { lang: 'other', nonStandardJapanese: true, why: 'その他の文字（デーヴァナーガリー等）' };
  if (kanji > 0 && kanji >= latin) return { lang: 'zh', nonStandardJapanese: true, why: '漢字のみ（かななし）' };
  if (viMarks >= 3) return { lang: 'vi', nonStandardJapanese: true, why: 'ベトナム語の声調記号' };
  let best: DetectedLang = 'other';
  let bestScore = 0;
  for (const [lang, re] of STOPWORDS) {
    const n = count(text, re);
    if (n > bestScore) {
      best = lang;
      bestScore = n;
    }
  }
  if (/[ãõç]/.test(text) && best !== 'en') best = 'pt';
  return { lang: best, nonStandardJapanese: true, why: `ラテン文字（${best}）` };
}
