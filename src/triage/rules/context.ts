/**
 * What every rule stage reads and writes: the text, its tokens and cues, the tags that held,
 * facts derived from them once (a child, an older person, a minor writing…), and the result
 * being built. A stage adds to `R` and may set a hit aside (`dropped`); the few findings a later
 * step needs are fields here (`endingRelayed`, set by the suicide stage, for the reporter).
 */
import type { LanguageInfo } from '../language';
import type { Tag } from '../lexicon';
import type { Token, Tokenizer } from '../tokenize';
import { tagsOf, type Hit } from './hit';
import { Result } from './result';

export interface RuleContext {
  norm: string;
  lang: LanguageInfo;
  japanese: boolean;
  tokens: Token[];
  tokenizer: Tokenizer;
  /** Every cue found, counted or set aside. */
  hits: Hit[];
  /** The cues that count, as they stood when the stages began. */
  live: Hit[];
  /** Tags of `live`. */
  T: Set<Tag>;
  firstOf(tag: Tag): Hit | undefined;
  allOf(tag: Tag): Hit[];
  R: Result;
  hasChild: boolean;
  hasElder: boolean;
  hasDisab: boolean;
  /** Messages or calls go unanswered. */
  noReply: boolean;
  /** The writer is a minor. */
  minorSelf: boolean;
  /** A pupil or child who does not want to go home (told to a teacher, a neighbour): a sign of abuse, not housing. */
  childWontGoHome: boolean;
  /** The writer's own ideation, means or act (not relayed). */
  crisisFirst: Hit[];
  /** Someone else's ideation, means or act, relayed. */
  crisisRelayed: Hit[];
  /** Relayed words of ending (終わりにする, 消える) that held (set by ./suicide.ts). */
  endingRelayed: Hit[];
}

const CRISIS_CORE = (h: Hit) => tagsOf(h.cue).some((t) => t === 'ideation' || t === 'means' || t === 'act');

export function ruleContext(input: { norm: string; lang: LanguageInfo; japanese: boolean; tokens: Token[]; tokenizer: Tokenizer; hits: Hit[] }): RuleContext {
  const { norm, hits } = input;
  const live = hits.filter((h) => !h.dropped);
  const T = new Set<Tag>(live.flatMap((h) => tagsOf(h.cue)));
  const hasChild = T.has('childWord') || T.has('minor') || T.has('baby');
  return {
    ...input,
    live,
    T,
    firstOf: (tag) => live.find((h) => tagsOf(h.cue).includes(tag)),
    allOf: (tag) => live.filter((h) => tagsOf(h.cue).includes(tag)),
    R: new Result(),
    hasChild,
    hasElder: T.has('old') || T.has('elderWord') || T.has('elderAge'),
    hasDisab: T.has('disabilityWord'),
    noReply: T.has('noReply'),
    minorSelf: T.has('minor'),
    childWontGoHome: T.has('kickedOut') && !T.has('minor') && hasChild && /(帰りたくない|かえりたくない|帰るのが(いや|嫌)|帰りたが(ら|り)|帰ろうとし(な|ま))/.test(norm) && !T.has('evict'),
    crisisFirst: live.filter((h) => CRISIS_CORE(h) && !h.relay),
    crisisRelayed: live.filter((h) => CRISIS_CORE(h) && h.relay),
    endingRelayed: [],
  };
}
