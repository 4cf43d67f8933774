/**
 * Triage reasons as staff read them. Triage keeps every line it wrote, in codes (「死にたい」 →
 * suicide, emergency; 報告者: self), across all the messages of a conversation; the codes stay in
 * the data for the evaluation tools. On screen: one reporter line (the current one), the safety
 * reason first, no lines that only say "greeting → low" once there is a real need, no word lists
 * of the learned model, and in English the fixed phrases translated (the person's quoted words stay).
 */
export interface ReasonWords {
  category: Record<string, string>;
  urgency: Record<string, string>;
  reporter: Record<string, string>;
  /** Fixed Japanese phrases of triage → this language (empty for Japanese). */
  reasonPhrases?: Record<string, string>;
  /** Words for the learned model's band (clear, check, crisis) and the line's head. */
  riskBand?: Record<string, string>;
}

export function localizeReason(reason: string, t: ReasonWords): string {
  // A translated catalogue lists codes with commas; Japanese with 、.
  const sep = Object.keys(t.reasonPhrases ?? {}).length ? ', ' : '、';
  const words: Record<string, string> = { ...t.category, ...t.urgency, ...t.reporter, ...t.riskBand };
  let out = reason.replace(/(→|報告者:)\s*([a-z0-9]+(?:,\s*[a-z0-9]+)*)/g, (_m, head: string, codes: string) =>
    `${head} ${codes
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean)
      .map((c) => words[c] ?? c)
      .join(sep)}`,
  );
  for (const [ja, other] of Object.entries(t.reasonPhrases ?? {})) out = out.split(ja).join(other);
  return out;
}

/** What the triage of the conversation says now (the reasons are its history). */
export interface CurrentTriage {
  categories?: string[];
  urgency?: string;
  reporter?: string;
}

const SAFETY = new Set(['suicide', 'dv', 'abuse', 'emergency', 'crisis']);
const NOISE = new Set(['other', 'low']);
const REPORTER = /^報告者:\s*([a-z]+)/;
const MODEL = /^学習モデル:/;
/** Categories the model added beside the rules' (src/triage/model/blend.ts). */
const ADDED = /、分野を追加:/;

/** The codes a line ends in (after its last arrow), e.g. ['suicide', 'emergency']. */
function codesOf(line: string): string[] {
  const m = /→\s*([a-z0-9, ]+)\s*$/.exec(line);
  return m ? m[1].split(',').map((c) => c.trim()).filter(Boolean) : [];
}

/**
 * A reporter's clue that is only a sentence ending (「ます。」) tells staff nothing: drop it.
 * Clues with a kanji or longer than four characters (「隣の人」, 本人の危機) stay.
 */
function withoutNoiseClue(line: string): string {
  return line.replace(/（「([^」]*)」）/, (all, clue: string) => (clue.length <= 4 && !/[\u4e00-\u9fff]/.test(clue) ? '' : all));
}

/** The lines staff see, in the order they matter, before translation. */
export function reasonsForStaff(reasons: string[], current: CurrentTriage = {}): string[] {
  const realNeed = (current.categories ?? []).some((c) => c !== 'other') || (current.urgency !== undefined && current.urgency !== 'low');
  const reporterLines = reasons.filter((r) => REPORTER.test(r));
  const reporter =
    [...reporterLines].reverse().find((r) => REPORTER.exec(r)?.[1] === current.reporter) ?? reporterLines[reporterLines.length - 1];
  const kept: { line: string; rank: number }[] = [];
  for (const r of reasons) {
    if (REPORTER.test(r)) continue;
    const codes = codesOf(r);
    if (MODEL.test(r)) {
      // The model's weightiest fragments are particles (「に」「ち」): only its judgement is kept,
      // and a clear line only when it is where a category came from.
      if ((codes[0] === 'clear' || codes.length === 0) && !ADDED.test(r)) continue;
      kept.push({ line: r.replace(/（重みの大きいことば:[^）]*）/, '').replace(/\s*→/, ' →'), rank: codes[0] === 'crisis' ? 0 : 2 });
      continue;
    }
    if (realNeed && codes.length > 0 && codes.every((c) => NOISE.has(c))) continue;
    kept.push({ line: r, rank: codes.some((c) => SAFETY.has(c)) ? 0 : 1 });
  }
  if (reporter) kept.push({ line: withoutNoiseClue(reporter), rank: 3 });
  return kept
    .map((k, i) => ({ ...k, i }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map((k) => k.line);
}

/** reasonsForStaff, then translated: what the details panel, the alert banner and announcements show. */
export function showReasons(reasons: string[], current: CurrentTriage, t: ReasonWords): string[] {
  return reasonsForStaff(reasons, current).map((r) => localizeReason(r, t));
}
