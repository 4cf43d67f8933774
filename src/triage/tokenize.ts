/**
 * Morphological analysis for triage: kuromoji (IPADIC) loaded once per process.
 *
 * Every token carries its surface, its lemma (basic_form) and readings in hiragana, so a rule
 * written as 「死にたい」 also matches しにたい, 死にたくて, 死にたかった (see lexicon matching in
 * ./match.ts).
 */
import path from 'node:path';
import kuromoji from 'kuromoji';
import { tokenizerPieces } from './segment';
import { kuromojiOnShared, type SharedDictionary } from './shared-dictionary';

export interface Token {
  /** The text as written (after normalizeText). */
  surface: string;
  /** Dictionary form (lemma); the surface for unknown words. */
  basic: string;
  /** Reading of the surface, in hiragana (surface itself for unknown words). */
  kana: string;
  /** Reading of the lemma in hiragana: 死に → しぬ, 飲ん → のむ. */
  baseKana: string;
  /** Part of speech (品詞), e.g. 名詞, 動詞, 助動詞. */
  pos: string;
  /** Sub-category (品詞細分類1), e.g. 格助詞, 係助詞, 接続助詞. */
  pos1: string;
  /** Character offsets in the normalised text. */
  start: number;
  end: number;
}

export interface Tokenizer {
  tokenize(text: string): Token[];
}

/** Katakana → hiragana (ー and other marks are kept). */
export function toHiragana(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    out += c >= 0x30a1 && c <= 0x30f6 ? String.fromCodePoint(c - 0x60) : ch;
  }
  return out;
}

export const hasKanji = (s: string): boolean => /[\u3400-\u9fff々〆]/.test(s);
export const isKanaOnly = (s: string): boolean => /^[\u3041-\u309f\u30a0-\u30ffー]+$/.test(s);

/**
 * The form every rule sees: NFKC (full-width digits and latin become ASCII, half-width kana become
 * full-width), lower-case latin, `\r\n` → `\n`. Offsets in matches refer to this string.
 */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').replace(/\r\n?/g, '\n').toLowerCase();
}

/** Reading of the lemma: the reading of the surface with the conjugated tail swapped for the lemma's. */
function lemmaReading(surface: string, basic: string, reading: string): string {
  if (basic === surface) return reading;
  let i = 0;
  while (i < surface.length && i < basic.length && surface[i] === basic[i]) i++;
  const surfTail = toHiragana(surface.slice(i));
  const baseTail = toHiragana(basic.slice(i));
  if (!isKanaOnly(surfTail || 'あ') || !isKanaOnly(baseTail || 'あ')) return toHiragana(basic);
  if (surfTail && !reading.endsWith(surfTail)) return toHiragana(basic);
  return reading.slice(0, reading.length - surfTail.length) + baseTail;
}

/**
 * One lemma for every plain negative, so a rule written 「見ていない」 also matches 見ていません,
 * 見てない and 見ておらず: ませ+ん → ない, ず/ぬ/ん (auxiliary) → ない, ある+ない → ない.
 */
function canonicalNegation(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    if (t.basic === 'ます' && t.surface === 'ませ' && next && next.surface === 'ん') {
      out.push({ ...t, surface: 'ません', basic: 'ない', kana: 'ません', baseKana: 'ない', end: next.end });
      i++;
    } else if (t.pos === '助動詞' && (t.basic === 'ぬ' || t.basic === 'ん')) {
      out.push({ ...t, basic: 'ない', baseKana: 'ない' });
    } else {
      out.push(t);
    }
    const last = out[out.length - 1];
    const prev = out[out.length - 2];
    if (last.basic === 'ない' && prev && prev.basic === 'ある' && prev.pos === '動詞') {
      out.splice(out.length - 2, 2, { ...last, surface: prev.surface + last.surface, kana: prev.kana + last.kana, start: prev.start, pos: '形容詞' });
    }
  }
  return out;
}

function wrap(tk: kuromoji.Tokenizer<kuromoji.IpadicFeatures>): Tokenizer {
  return {
    tokenize(text: string): Token[] {
      const out: Token[] = [];
      for (const [from, to] of tokenizerPieces(text)) {
        const piece = text.slice(from, to);
        let pos = 0;
        for (const t of tk.tokenize(piece)) {
          const surface = t.surface_form;
          const start = piece.indexOf(surface, pos);
          const s = start < 0 ? pos : start;
          const basic = t.basic_form && t.basic_form !== '*' ? t.basic_form : surface;
          const kana = t.reading ? toHiragana(t.reading) : toHiragana(surface);
          out.push({
            surface,
            basic,
            kana,
            baseKana: t.reading ? lemmaReading(surface, basic, kana) : toHiragana(basic),
            pos: t.pos,
            pos1: t.pos_detail_1,
            start: from + s,
            end: from + s + surface.length,
          });
          pos = s + surface.length;
        }
      }
      return canonicalNegation(out);
    },
  };
}

let loading: Promise<Tokenizer> | undefined;

/**
 * The process's tokenizer; the dictionary (~0.5 s) loads on the first call only. With `shared`
 * (a triage thread, ./shared-dictionary.ts) it is built on the dictionary the pool unpacked once.
 */
export function loadTokenizer(shared?: SharedDictionary): Promise<Tokenizer> {
  if (!loading && shared) loading = Promise.resolve(wrap(kuromojiOnShared(shared) as kuromoji.Tokenizer<kuromoji.IpadicFeatures>));
  if (!loading) {
    const dicPath = path.join(path.dirname(require.resolve('kuromoji/package.json')), 'dict');
    loading = new Promise<Tokenizer>((resolve, reject) => {
      kuromoji.builder({ dicPath }).build((err, tk) => {
        if (err) {
          loading = undefined;
          reject(err);
        } else resolve(wrap(tk));
      });
    });
  }
  return loading;
}
