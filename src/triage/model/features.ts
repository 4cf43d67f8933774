/**
 * What the learned model sees of a message: character 1–3-grams of the normalised text (robust to
 * spelling, dialect, kana and other languages), kuromoji lemmas and lemma pairs (死に/死な/死ぬ are
 * one word), and what the rules saw (their categories, urgency, reporter, the cue tags that held
 * and the crisis tags they set aside as negated, hyperbole or past). Binary features, named so
 * that staff can read the ones that weighed most.
 */
import type { Triage } from '../../db/schema';
import type { Token } from '../tokenize';

export interface Seen {
  /** The normalised text the rules read. */
  norm: string;
  lang: string;
  tokens: Token[];
  tags: string[];
  dropped: string[];
}

/** A word of a language written with spaces (Latin, Cyrillic, Thai runs, …); CJK text has lemmas instead. */
const SPACED_WORD = /[\p{L}\p{N}'’]+/gu;
const CJK = /[\u3040-\u30ff\u3400-\u9fff]/;
const CONTENT_POS = new Set(['名詞', '動詞', '形容詞', '副詞', '助動詞', '感動詞', '連体詞']);
const SPACE = /[\s\u3000]+/g;

/** Distinct feature names of one message, in a fixed order. */
export function featuresOf(seen: Seen, rules: Triage): string[] {
  const out = new Set<string>();
  const text = seen.norm.replace(SPACE, ' ');
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] !== ' ') out.add(`c:${chars[i]}`);
    if (i + 1 < chars.length) out.add(`c:${chars[i]}${chars[i + 1]}`);
    if (i + 2 < chars.length) out.add(`c:${chars[i]}${chars[i + 1]}${chars[i + 2]}`);
  }
  let previous = '^';
  for (const t of seen.tokens) {
    if (/^[\s\u3000]+$/.test(t.surface)) continue;
    if (CONTENT_POS.has(t.pos)) out.add(`w:${t.basic}`);
    out.add(`b:${previous}_${t.basic}`);
    previous = t.basic;
  }
  // words and word pairs of other languages, which kuromoji does not read (cross-validated gain, README)
  let before = '^';
  for (const w of text.toLowerCase().match(SPACED_WORD) ?? []) {
    if (CJK.test(w)) continue;
    out.add(`x:${w}`);
    out.add(`y:${before}_${w}`);
    before = w;
  }
  out.add(`lang:${seen.lang}`);
  out.add(`len:${Math.min(6, Math.floor(Math.log2(1 + seen.norm.length)))}`);
  out.add(`ru:${rules.urgency}`);
  out.add(`rr:${rules.reporter}`);
  for (const c of rules.categories) out.add(`rc:${c}`);
  for (const t of seen.tags) out.add(`rt:${t}`);
  for (const t of seen.dropped) out.add(`rd:${t}`);
  return [...out];
}

/** Readable form of a feature for staff: 「死に」, 語「死ぬ」, ルール: suicide. */
export function describeFeature(f: string): string {
  const [kind, ...rest] = f.split(':');
  const v = rest.join(':');
  switch (kind) {
    case 'c':
      return `「${v}」`;
    case 'w':
      return `語「${v}」`;
    case 'b':
      return `「${v.replace('_', '')}」`.replace('「^', '「');
    case 'x':
      return `“${v}”`;
    case 'y':
      return `“${v.replace('_', ' ')}”`.replace('“^ ', '“');
    case 'ru':
      return `ルールの緊急度 ${v}`;
    case 'rc':
      return `ルールの分野 ${v}`;
    case 'rr':
      return `ルールの報告者 ${v}`;
    case 'rt':
      return `手がかり ${v}`;
    case 'rd':
      return `除外した手がかり ${v}`;
    default:
      return f;
  }
}

/** Cue tags of danger to life (the rules' CRISIS_TAGS). */
const CRISIS_TAGS = ['ideation', 'ideationWeak', 'entrust', 'means', 'meansWeak', 'act', 'selfharm', 'farewell', 'farewellWeak', 'relayHint', 'cry', 'despair'];

/**
 * The rules found words of danger to life and set every one aside (negated, a joke, past and
 * over, an everyday place, the end of a series…): the model may then ask for a look (`check`)
 * but not declare an emergency against the rules' reading.
 */
export function crisisSetAside(features: string[]): boolean {
  const f = new Set(features);
  return CRISIS_TAGS.some((t) => f.has(`rd:${t}`)) && !CRISIS_TAGS.some((t) => f.has(`rt:${t}`));
}
