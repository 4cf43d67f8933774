/**
 * What the learned model sees of a message: character 1–3-grams of the normalised text (robust to
 * spelling, dialect, kana and other languages), kuromoji lemmas and lemma pairs (死に/死な/死ぬ are
 * one word), and what the rules saw (their categories, urgency, reporter, the cue tags that held
 * and the crisis tags they set aside as negated, hyperbole or past). Binary features, named so
 * that staff can read the ones that weighed most.
 */
import type { Triage } from '../../db/schema';
import { NET_WORKPLACE_THREAT } from '../safety-net';
import type { Token } from '../tokenize';

export interface Seen {
  /** The normalised text the rules read. */
  norm: string;
  lang: string;
  tokens: Token[];
  tags: string[];
  dropped: string[];
  /** The safety net's classes (./safety-net.ts safetyNetSignals); absent in reads cached before it. */
  net?: string[];
}

/** A word of a language written with spaces (Latin, Cyrillic, Thai runs, …); CJK text has lemmas instead. */
const SPACED_WORD = /[\p{L}\p{N}'’]+/gu;
const CJK = /[\u3040-\u30ff\u3400-\u9fff]/;
const CONTENT_POS = new Set(['名詞', '動詞', '形容詞', '副詞', '助動詞', '感動詞', '連体詞']);
const SPACE = /[\s\u3000]+/g;

/**
 * Signs that the writer is, or writes for, someone from abroad: status of residence, a visa,
 * technical interns, the Japanese language as a barrier, interpreting, the home country. Being
 * partly in Latin script is not one (a URL, an English word in a Japanese sentence).
 */
const FOREIGN_HINT =
  /(在留|ビザ|査証|入管|出入国|技能実習|実習生|特定技能|留学生|外国人|外国籍|外国から|母国|祖国|国籍|難民|仮放免|通訳|翻訳|日本語|にほんご|ニホンゴ|(言葉|ことば)が(分から|わから|通じ|話せ|できな)|帰国|来日|国に帰|\bvisa\b|\bimmigration\b)/i;

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
  if ((seen.lang !== 'ja' && seen.lang !== 'unknown') || FOREIGN_HINT.test(seen.norm)) out.add(FOREIGN_EVIDENCE);
  out.add(`len:${Math.min(6, Math.floor(Math.log2(1 + seen.norm.length)))}`);
  out.add(`ru:${rules.urgency}`);
  out.add(`rr:${rules.reporter}`);
  for (const c of rules.categories) out.add(`rc:${c}`);
  for (const t of seen.tags) out.add(`rt:${t}`);
  for (const t of seen.dropped) out.add(`rd:${t}`);
  // the safety net's classes and their pairs: a linear model cannot AND them itself (child + days, place + now)
  const net = seen.net ?? [];
  for (let i = 0; i < net.length; i++) {
    out.add(`n:${net[i]}`);
    for (let j = i + 1; j < net.length; j++) out.add(`nn:${net[i]}&${net[j]}`);
  }
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
    case 'n':
      return `セーフティネット ${v}`;
    case 'nn':
      return `セーフティネット ${v.replace('&', '＋')}`;
    default:
      return f;
  }
}

const FOREIGN_EVIDENCE = 'fx:evidence';

/**
 * The message says something of a foreign resident (another language than standard Japanese, or a
 * hint above, or the rules' own `foreign`): only then may the model add `foreign`. Without this
 * it added `foreign` to plain Japanese (「家賃が払えなくて困っています」), from words that are
 * merely frequent in foreign residents' messages (rent, work).
 */
export function foreignEvidence(features: string[]): boolean {
  return features.includes(FOREIGN_EVIDENCE) || features.includes('rc:foreign');
}

/** Cue tags of danger to life (the rules' CRISIS_TAGS). */
const CRISIS_TAGS = ['ideation', 'ideationWeak', 'entrust', 'means', 'meansWeak', 'act', 'selfharm', 'farewell', 'farewellWeak', 'relayHint', 'cry', 'despair'];

/**
 * The rules found words of danger to life and set every one aside (negated, a joke, past and
 * over, an everyday place, the end of a series…): the model may then ask for a look (`check`)
 * but not declare an emergency against the rules' reading. The same when the safety net's only
 * words of danger were a threat said of work.
 */
export function crisisSetAside(features: string[]): boolean {
  const f = new Set(features);
  if (CRISIS_TAGS.some((t) => f.has(`rt:${t}`))) return false;
  return CRISIS_TAGS.some((t) => f.has(`rd:${t}`)) || f.has(`n:${NET_WORKPLACE_THREAT}`);
}
