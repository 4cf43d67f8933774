/**
 * What the rules read of a long message. A message of up to READ_HEAD characters (every message
 * of the corpora) is read whole. Of a longer one the rules read the beginning, where people say
 * what it is about, and then every sentence that holds a word of danger to life, up to
 * READ_CRISIS more characters; the rest is only scanned for those words. Reading costs time in
 * proportion to what is read (kuromoji, then every cue judged in its sentence), so this bounds
 * the time of any message, 5,000 characters of anything included (issue 13: under 50 ms).
 *
 * The scan is cheap and broad: the first two characters of every crisis phrase and of its
 * reading (死に catches 死にたくて, とび catches とびおりる), and every crisis regular expression.
 * Sentences with such words left unread past the budget make the message `high` with a reason,
 * so that a person reads it the same day.
 */
import { windows } from './segment';

export const READ_HEAD = 1000;
export const READ_CRISIS = 500;
/** A sentence longer than this is taken in pieces of this size. */
const SENTENCE_MAX = 200;
const SENTENCE_END = /(?<=[。！？!?\n])/;

export interface CrisisVocabulary {
  /** Phrases as written in the rule tables, and their readings in hiragana. */
  phrases: string[];
  regexes: RegExp[];
}

export interface CrisisScan {
  stems: Set<string>;
  regexes: RegExp[];
}

export function crisisScan(vocabulary: CrisisVocabulary): CrisisScan {
  const stems = new Set<string>();
  for (const p of vocabulary.phrases) {
    const head = [...p.replace(/…/g, '')].slice(0, 2).join('');
    if ([...head].length === 2) stems.add(head);
  }
  const regexes = vocabulary.regexes.map((re) => new RegExp(re.source, re.flags.replace('g', '') + 'g'));
  return { stems, regexes };
}

export interface ReadingPlan {
  /** The texts the rules read, each at most MAX_WINDOW characters (./segment.ts). */
  parts: string[];
  /** Sentences after the beginning read for their crisis words. */
  crisisSentences: number;
  /** Sentences with crisis words left unread (the budget was spent). */
  unread: number;
}

/** Sentences of at most SENTENCE_MAX characters, with their offsets. */
function sentences(text: string, offset: number): Array<{ start: number; text: string }> {
  const out: Array<{ start: number; text: string }> = [];
  let at = offset;
  for (const s of text.split(SENTENCE_END)) {
    for (const piece of windows(s, SENTENCE_MAX)) {
      out.push({ start: at, text: piece });
      at += piece.length;
    }
  }
  return out;
}

export function planReading(norm: string, scan: CrisisScan): ReadingPlan {
  if (norm.length <= READ_HEAD) return { parts: [norm], crisisSentences: 0, unread: 0 };
  const head = windows(norm, READ_HEAD)[0];
  const tail = sentences(norm.slice(head.length), head.length);
  const starts = tail.map((s) => s.start);
  const flagged = new Set<number>();
  const sentenceAt = (pos: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  tail.forEach((s, i) => {
    for (let k = 0; k + 1 < s.text.length && !flagged.has(i); k++) if (scan.stems.has(s.text.slice(k, k + 2))) flagged.add(i);
  });
  const rest = norm.slice(head.length);
  for (const re of scan.regexes) {
    re.lastIndex = 0;
    for (const m of rest.matchAll(re)) if (m[0].length) flagged.add(sentenceAt(head.length + m.index!));
  }
  let budget = READ_CRISIS;
  let picked = '';
  let crisisSentences = 0;
  let unread = 0;
  for (const i of [...flagged].sort((a, b) => a - b)) {
    if (tail[i].text.length <= budget) {
      picked += tail[i].text;
      budget -= tail[i].text.length;
      crisisSentences++;
    } else unread++;
  }
  return { parts: [...windows(head), ...(picked ? windows(picked) : [])], crisisSentences, unread };
}
