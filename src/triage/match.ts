/**
 * Compiles the phrase tables of ./lexicon.ts with the tokenizer and finds them in a message.
 *
 * A phrase such as 「死にたい」 matches a message when
 *  - it occurs literally (after normalisation), or
 *  - its lemma sequence occurs: 死ぬ+たい matches 死にたい / 死にたくて / 死にたかった / しにたい
 *    (a kana lemma matches a kanji lemma by reading; two kanji lemmas must be identical, so
 *    介護 never matches 解雇). Particles in the phrase are optional (薬を…飲む ≈ 薬…飲む), and
 *    「…」 in a phrase allows up to five tokens in between, within one sentence; or
 *  - its reading occurs in the message's reading and every kanji written in that stretch of the
 *    message also appears in the phrase (くすりぜんぶのんだ for 「薬全部飲んだ」).
 * Regular expressions (on the normalised text) cover numbers, English and odd spellings.
 */
import { hasKanji, isKanaOnly, normalizeText, toHiragana, type Token, type Tokenizer } from './tokenize';

export interface MatchSpan {
  start: number;
  end: number;
}

interface SpecToken {
  surface: string;
  basic: string;
  baseKana: string;
  kana: string;
  /** A case or binding particle inside a phrase (を, が, は, も…): may be left out or swapped. */
  optional: boolean;
  /** Part of speech, so that a kanji content word never matches a kana particle of the same sound. */
  pos: string;
}

const isSwappableParticle = (t: { pos: string; pos1: string }) => t.pos === '助詞' && (t.pos1 === '格助詞' || t.pos1 === '係助詞');

export interface CompiledPhrase<C> {
  cue: C;
  phrase: string;
  /** Literal forms: the phrase, and the phrase without its optional particles (寝るとこない). */
  literals: string[];
  parts: SpecToken[][];
  kana: string;
  kanji: Set<string>;
}

export interface PhraseIndex<C> {
  byKey: Map<string, CompiledPhrase<C>[]>;
  all: CompiledPhrase<C>[];
  /** Literal forms by their first character, so a text is scanned once, not once per phrase. */
  literalsByFirst: Map<string, Array<{ phrase: CompiledPhrase<C>; literal: number }>>;
  /** Readings worth looking for (three kana or more, phrase not all kana), by their first kana. */
  readingsByFirst: Map<string, CompiledPhrase<C>[]>;
}

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const GAP = '…';
const MAX_GAP = 5;
const SENTENCE_BREAK = /[。！？!?\n]/;

export function compilePhrases<C>(tokenizer: Tokenizer, entries: Array<{ cue: C; phrases: string[] }>): PhraseIndex<C> {
  const byKey = new Map<string, CompiledPhrase<C>[]>();
  const all: CompiledPhrase<C>[] = [];
  for (const { cue, phrases } of entries) {
    for (const raw of phrases) {
      // split on the gap mark before NFKC (which turns … into ...)
      const pieces = raw.split(GAP).map((p) => normalizeText(p)).filter((p) => p.length > 0);
      const phrase = pieces.join(GAP);
      const parts = pieces
        .map((p) =>
          tokenizer.tokenize(p).map((t, i, arr) => ({
            surface: t.surface,
            basic: t.basic,
            baseKana: t.baseKana,
            kana: t.kana,
            pos: t.pos,
            optional: isSwappableParticle(t) && i > 0 && i < arr.length - 1,
          })),
        );
      if (parts.length === 0 || parts[0].length === 0) continue;
      // a phrase never starts with an optional token
      parts[0][0].optional = false;
      const joined = phrase.split(GAP).join('');
      const bare = parts.length === 1 ? parts[0].filter((t) => !t.optional).map((t) => t.surface).join('') : joined;
      const compiled: CompiledPhrase<C> = {
        cue,
        phrase: joined,
        literals: parts.length === 1 ? [...new Set([joined, bare])] : [],
        parts,
        kana: parts.length === 1 ? parts[0].map((t) => t.kana).join('') : '',
        kanji: new Set([...phrase].filter((ch) => hasKanji(ch))),
      };
      all.push(compiled);
      for (const key of new Set([parts[0][0].basic, parts[0][0].baseKana])) addTo(byKey, key, compiled);
    }
  }
  const literalsByFirst = new Map<string, Array<{ phrase: CompiledPhrase<C>; literal: number }>>();
  const readingsByFirst = new Map<string, CompiledPhrase<C>[]>();
  for (const p of all) {
    p.literals.forEach((lit, literal) => addTo(literalsByFirst, lit[0], { phrase: p, literal }));
    if (p.kana.length >= 3 && !isKanaOnly(p.phrase)) addTo(readingsByFirst, p.kana[0], p);
  }
  return { byKey, all, literalsByFirst, readingsByFirst };
}

const functional = (pos: string) => pos === '助詞' || pos === '助動詞';

function sameToken(spec: SpecToken, tok: Token): boolean {
  if (spec.basic === tok.basic) return true;
  // a kana spelling matches a kanji one by reading (しぬ ≈ 死ぬ), never kanji vs other kanji;
  // 手 (noun) is not the particle て in 「薄めてあげる」
  if (functional(tok.pos) !== functional(spec.pos)) return false;
  // a kana verb (ぶつ 'hit') is not a kanji noun of the same sound (郵便物): readings match within a part of speech
  if (hasKanji(spec.basic) !== hasKanji(tok.basic) && (spec.pos === '動詞' || tok.pos === '動詞') && spec.pos !== tok.pos) return false;
  if (!hasKanji(spec.basic) || !hasKanji(tok.basic)) return spec.baseKana === tok.baseKana && spec.baseKana.length > 0;
  return false;
}

/** Matches spec tokens from tokens[i]; returns the index after the match or -1. */
function matchSeq(spec: SpecToken[], tokens: Token[], i: number): number {
  let j = i;
  for (let k = 0; k < spec.length; k++) {
    const tok = tokens[j];
    if (tok && sameToken(spec[k], tok)) {
      j++;
      continue;
    }
    if (spec[k].optional) {
      // が ↔ も ↔ は: another particle in the same slot
      if (tok && isSwappableParticle(tok)) j++;
      continue;
    }
    return -1;
  }
  return j;
}

function matchParts(parts: SpecToken[][], tokens: Token[], i: number): number {
  let j = matchSeq(parts[0], tokens, i);
  if (j < 0) return -1;
  for (let p = 1; p < parts.length; p++) {
    let found = -1;
    for (let g = 0; g <= MAX_GAP && j + g < tokens.length; g++) {
      if (g > 0 && SENTENCE_BREAK.test(tokens[j + g - 1].surface)) break;
      const end = matchSeq(parts[p], tokens, j + g);
      if (end >= 0) {
        found = end;
        break;
      }
    }
    if (found < 0) return -1;
    j = found;
  }
  return j;
}

export interface TextView {
  norm: string;
  tokens: Token[];
  /** Hiragana reading of the whole message, and for each of its characters the token index. */
  kana: string;
  kanaToken: number[];
}

export function buildView(norm: string, tokens: Token[]): TextView {
  let kana = '';
  const kanaToken: number[] = [];
  tokens.forEach((t, i) => {
    const k = /^[\s\u3000]+$/.test(t.surface) ? '' : t.kana;
    kana += k;
    for (let n = 0; n < k.length; n++) kanaToken.push(i);
  });
  return { norm, tokens, kana, kanaToken };
}

/**
 * Occurrences of one phrase (or one regular expression) kept per text. A phrase said eight times
 * says no more than one said three times, and every hit is judged in its context afterwards, so
 * a text of 死にたい × 1,250 would otherwise cost 1,250 judgements (a second on its own).
 */
export const MAX_HITS_PER_PHRASE = 8;

export function findPhrases<C>(index: PhraseIndex<C>, view: TextView): Array<{ cue: C; phrase: string; span: MatchSpan }> {
  const out: Array<{ cue: C; phrase: string; span: MatchSpan }> = [];
  const seen = new Set<string>();
  const perPhrase = new Map<CompiledPhrase<C>, number>();
  const push = (p: CompiledPhrase<C>, span: MatchSpan) => {
    const key = `${p.phrase}@${span.start}`;
    const n = perPhrase.get(p) ?? 0;
    if (seen.has(key) || n >= MAX_HITS_PER_PHRASE) return;
    seen.add(key);
    perPhrase.set(p, n + 1);
    out.push({ cue: p.cue, phrase: p.phrase, span });
  };
  const { tokens, norm } = view;
  // 1. lemma sequences
  for (let i = 0; i < tokens.length; i++) {
    const cands = new Set([...(index.byKey.get(tokens[i].basic) ?? []), ...(index.byKey.get(tokens[i].baseKana) ?? [])]);
    for (const p of cands) {
      const end = matchParts(p.parts, tokens, i);
      if (end > i) push(p, { start: tokens[i].start, end: tokens[end - 1].end });
    }
  }
  const starts = new Set(tokens.map((t) => t.start));
  const ends = new Set(tokens.map((t) => t.end));
  // where each literal and each reading occurs, found in one pass over the text and its reading
  const literalAt = new Map<CompiledPhrase<C>, number[][]>();
  for (let at = 0; at < norm.length; at++) {
    for (const { phrase, literal } of index.literalsByFirst.get(norm[at]) ?? []) {
      if (!norm.startsWith(phrase.literals[literal], at)) continue;
      const lists = literalAt.get(phrase) ?? literalAt.set(phrase, phrase.literals.map(() => [])).get(phrase)!;
      lists[literal].push(at);
    }
  }
  const readingAt = new Map<CompiledPhrase<C>, number[]>();
  for (let k = 0; k < view.kana.length; k++) {
    for (const p of index.readingsByFirst.get(view.kana[k]) ?? []) if (view.kana.startsWith(p.kana, k)) addTo(readingAt, p, k);
  }
  for (const p of index.all) {
    // 2. literal, starting at a word boundary (夫 is not in 大丈夫)
    p.literals.forEach((lit, literal) => {
      for (const at of literalAt.get(p)?.[literal] ?? []) {
        // a one-character word must be a whole token (夫 is not in 夫婦 or 大丈夫)
        const whole = lit.length > 1 || ends.has(at + lit.length);
        if ((starts.has(at) && whole) || tokens.length === 0) push(p, { start: at, end: at + lit.length });
      }
    });
    // 3. reading, when the message spells it (partly) in kana
    for (const k of readingAt.get(p) ?? []) {
      const startsAtWord = k === 0 || view.kanaToken[k - 1] !== view.kanaToken[k];
      const endK = k + p.kana.length;
      const endsAtWord = endK >= view.kana.length || view.kanaToken[endK] !== view.kanaToken[endK - 1];
      if (!startsAtWord || (!endsAtWord && p.kana.length <= 4)) continue;
      const t0 = tokens[view.kanaToken[k]];
      const t1 = tokens[view.kanaToken[k + p.kana.length - 1]];
      const written = norm.slice(t0.start, t1.end);
      if ([...written].every((ch) => !hasKanji(ch) || p.kanji.has(ch)) && written !== p.phrase) {
        push(p, { start: t0.start, end: t1.end });
      }
    }
  }
  return out;
}

const globalCache = new WeakMap<RegExp, RegExp>();

export function findRegexes<C>(entries: Array<{ cue: C; re: RegExp }>, norm: string): Array<{ cue: C; phrase: string; span: MatchSpan }> {
  const out: Array<{ cue: C; phrase: string; span: MatchSpan }> = [];
  for (const { cue, re } of entries) {
    const g = re.global ? re : globalCache.get(re) ?? globalCache.set(re, new RegExp(re.source, re.flags + 'g')).get(re)!;
    g.lastIndex = 0;
    let n = 0;
    for (const m of norm.matchAll(g)) {
      if (m[0].length === 0) continue;
      out.push({ cue, phrase: m[0], span: { start: m.index!, end: m.index! + m[0].length } });
      if (++n >= MAX_HITS_PER_PHRASE) break;
    }
  }
  return out;
}

export { toHiragana };
