/**
 * Cutting long texts so that triage costs time in proportion to their length.
 *
 * - `tokenizerPieces`: kuromoji's lattice builder copies the rest of the sentence at every
 *   position and groups a run of one character class (katakana, symbols) from every position to
 *   the end of the run, so one sentence of n characters costs O(n²): 5,000 half-width katakana
 *   took 12 s. kuromoji already cuts after 、 and 。; longer stretches are cut here too.
 * - `windows`: the rules judge every cue in its sentence and compare cues with each other, so
 *   what they read of a long text (./long-text.ts) is cut into windows of whole sentences whose
 *   results are combined like the messages of a conversation.
 */

/** Longest piece handed to kuromoji at once (no message of the corpora has a longer clause cut by it). */
export const MAX_PIECE = 64;
/** Longest stretch the rules read as one text (every corpus message is shorter). */
export const MAX_WINDOW = 1500;

const SOFT_BREAK = /[\n！？!?\s\u3000]/;
const SENTENCE_END = /[。！？!?\n]/;
const CLAUSE_END = /[、,\s\u3000]/;

/**
 * Where a piece that starts at `start` and may run to `limit` ends: after the last character that
 * `prefer` accepts in the second half of the piece (tried in order), else at the limit, never
 * between the two halves of a surrogate pair.
 */
function cutBefore(text: string, start: number, limit: number, prefer: RegExp[]): number {
  const half = start + Math.floor((limit - start) / 2);
  for (const re of prefer) {
    for (let cut = limit; cut > half; cut--) if (re.test(text[cut - 1])) return cut;
  }
  return /[\ud800-\udbff]/.test(text[limit - 1]) ? limit - 1 : limit;
}

/** [start, end) pieces of at most MAX_PIECE characters; the cuts kuromoji makes itself are kept. */
export function tokenizerPieces(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  while (start < text.length) {
    let end = start;
    while (end < text.length && end - start < MAX_PIECE && text[end] !== '、' && text[end] !== '。') end++;
    if (end < text.length && (text[end] === '、' || text[end] === '。')) end++;
    else if (end < text.length) end = cutBefore(text, start, end, [SOFT_BREAK]);
    out.push([start, end]);
    start = end;
  }
  return out;
}

/** The text in windows of at most `max` characters, cut after a sentence end where possible. */
export function windows(text: string, max = MAX_WINDOW): string[] {
  const out: string[] = [];
  let start = 0;
  while (start < text.length) {
    const end = text.length - start <= max ? text.length : cutBefore(text, start, start + max, [SENTENCE_END, CLAUSE_END]);
    out.push(text.slice(start, end));
    start = end;
  }
  return out;
}
