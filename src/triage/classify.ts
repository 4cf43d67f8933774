/**
 * The triage engine: explainable rules over kuromoji lemmas. Vocabulary lives in ./lexicon.ts;
 * the rules are a list of stages in ./rules/ (./rules/stages.ts: suicide, violence, acute needs,
 * households, parsimony, low urgency, a second look), which decide how cues combine (who is hurt
 * by whom, how acute, which household pattern) and write the reasons shown to counsellors.
 *
 * Missing a crisis is the worst error, so crisis cues are counted unless a context check
 * (negation, hyperbole, past and resolved) says otherwise, and a third party's relayed words are
 * still `suicide`, `high`.
 */
import type { Triage } from '../db/schema';
import { combineTriage as combine } from './combine';
import { detectLanguage, type DetectedLang, type LanguageInfo } from './language';
import type { Tag } from './lexicon';
import { planReading, READ_HEAD } from './long-text';
import { blend } from './model/blend';
import { featuresOf, type Seen } from './model/features';
import { predict, type CompiledModel } from './model/linear';
import { engineName, loadTriageModel } from './model/load';
import { compile, type Compiled } from './rules/compile';
import { ruleContext } from './rules/context';
import { findHits } from './rules/find-hits';
import { quote, tagsOf } from './rules/hit';
import { order } from './rules/order';
import { detectReporter } from './rules/reporter';
import { RULE_STAGES } from './rules/stages';
import { safetyNetSignals } from './safety-net';
import type { SharedDictionary } from './shared-dictionary';
import { loadTokenizer, normalizeText, type Token } from './tokenize';
import { safetyNet, type SafetyNetResult } from './safety-net';
import { courtesyOnly } from './courtesy-only';

/** What the rules decided about one text, and what they saw (the learned model's rule features). */
export interface RuleAnalysis {
  triage: Triage;
  norm: string;
  lang: DetectedLang;
  tokens: Token[];
  /** Tags of the cues that held. */
  tags: Tag[];
  /** Tags of crisis cues that were found but did not count (negated, hyperbole, past…). */
  dropped: Tag[];
  /** What the safety net saw, fired or not (its classes: ./safety-net.ts safetyNetSignals). */
  net: string[];
}

function analyse(c: Compiled, text: string): RuleAnalysis {
  let norm = normalizeText(text).trim();
  if (!norm) return { triage: { categories: ['other'], urgency: 'low', reporter: 'unknown', reasons: ['空のメッセージ → other, low'] }, norm, lang: 'unknown', tokens: [], tags: [], dropped: [], net: [] };
  const lang: LanguageInfo = detectLanguage(norm);
  if (lang.lang === 'easy-ja') norm = norm.replace(/(?<=[\u3040-\u30ff\u3400-\u9fff])[ \u3000]+(?=[\u3040-\u30ff\u3400-\u9fff])/g, '');
  const japanese = lang.lang === 'ja' || lang.lang === 'easy-ja';

  const tokens = japanese ? c.tokenizer.tokenize(norm) : [];
  const hits = findHits(c, norm, tokens, japanese);
  if (process.env.TRIAGE_DEBUG) for (const h of hits) console.error(`  hit ${h.cue.id} ${quote(norm.slice(h.span.start, h.span.end))} ${h.dropped ?? ''} ${h.relay ?? ''} ${h.topic ? 'topic' : ''}`);
  const ctx = ruleContext({ norm, lang, japanese, tokens, tokenizer: c.tokenizer, hits });
  for (const stage of RULE_STAGES) stage.run(ctx);

  const { R, T } = ctx;
  const categories = order(R, lang, T);
  const firstPersonCrisis = ctx.crisisFirst.length > 0 || T.has('act') || (R.has('suicide') && !ctx.crisisRelayed.length && !ctx.endingRelayed.length && !ctx.noReply && !T.has('relayHint'));
  const reporter = detectReporter(norm, lang, categories, T, R.urgency, firstPersonCrisis);
  R.reasons.push(`報告者: ${reporter.who}（${reporter.why}）`);
  const dropped = [...new Set(hits.filter((h) => h.dropped).flatMap((h) => tagsOf(h.cue)))];
  // the tags that still hold after every check (some are set aside after T was taken: an everyday place, the end of a series)
  const held = [...new Set(hits.filter((h) => !h.dropped).flatMap((h) => tagsOf(h.cue)))];
  const net = safetyNetSignals({ norm, tokens, japanese }, c.tokenizer);
  return { triage: { categories, urgency: R.urgency, reporter: reporter.who, reasons: R.reasons }, norm, lang: lang.lang, tokens, tags: held, dropped, net };
}

/** One message: read whole, or of a long one the beginning and the sentences with crisis words (./long-text.ts). */
function readMessage(c: Compiled, text: string): { rules: Triage; seen: Seen } {
  const norm = normalizeText(text).trim();
  const plan = planReading(norm, c.crisis);
  if (plan.parts.length === 1 && plan.parts[0] === norm) {
    const a = analyse(c, text);
    return { rules: a.triage, seen: a };
  }
  const parts = plan.parts.map((w) => analyse(c, w));
  const rules = combine(parts.map((a) => a.triage));
  const notes = [`長いメッセージ（${norm.length}文字）: 初めの${READ_HEAD}文字と、命に関わることばのある${plan.crisisSentences}文を読んだ`];
  if (plan.unread > 0) {
    notes.push(`命に関わることばのある${plan.unread}文は読み切れなかった → high（職員が読んで判断）`);
    if (rules.urgency !== 'emergency') rules.urgency = 'high';
  }
  rules.reasons.unshift(...notes);
  const seen: Seen = {
    norm: parts.map((a) => a.norm).join('\n'),
    lang: parts[0].lang,
    tokens: parts.flatMap((a) => a.tokens),
    tags: [...new Set(parts.flatMap((a) => a.tags))],
    dropped: [...new Set(parts.flatMap((a) => a.dropped))],
    net: [...new Set(parts.flatMap((a) => a.net))].sort(),
  };
  return { rules, seen };
}

/**
 * The safety net alone on what the rules would read of a text (of a long one: the beginning and
 * the sentences with crisis words); an emergency in any part wins.
 */
function safetyCheck(c: Compiled, text: string): SafetyNetResult | null {
  let found: SafetyNetResult | null = null;
  for (const part of planReading(normalizeText(text).trim(), c.crisis).parts) {
    const lang = detectLanguage(part);
    // as analyse() reads it: やさしい日本語's spaces between words joined up
    const norm = lang.lang === 'easy-ja' ? part.replace(/(?<=[\u3040-\u30ff\u3400-\u9fff])[ \u3000]+(?=[\u3040-\u30ff\u3400-\u9fff])/g, '') : part;
    const japanese = lang.lang === 'ja' || lang.lang === 'easy-ja';
    const net = safetyNet({ norm, tokens: japanese ? c.tokenizer.tokenize(norm) : [], japanese }, c.tokenizer);
    if (net?.urgency === 'emergency') return net;
    found ??= net;
  }
  return found;
}

export interface Classifier {
  /** Rules, safety net and (when loaded) the learned model. */
  classify(text: string): Triage;
  /**
   * The safety net alone (./safety-net.ts), on what the rules would read of the text: the cheap
   * independent check for danger to life, for a message whose full triage keeps failing.
   */
  safetyCheck(text: string): SafetyNetResult | null;
  classifyConversation(texts: string[]): Triage;
  /** The rules' result and the model's features of one message (training, evaluation). */
  read(text: string): { rules: Triage; features: string[]; seen: Seen };
  /** Recorded on every triage run: the rules' version and the model's hash. */
  engine: string;
  model: CompiledModel | null;
}

export interface ClassifierOptions {
  /** The learned model; default: the committed file (./model/load.ts); null: rules only. */
  model?: CompiledModel | null;
  /** The kuromoji dictionary unpacked once per process (a triage thread: ./pool.ts). */
  dictionary?: SharedDictionary;
}

export async function createClassifier(options: ClassifierOptions = {}): Promise<Classifier> {
  const compiled = compile(await loadTokenizer(options.dictionary));
  const model = options.model === undefined ? loadTriageModel() : options.model;
  const classify = (text: string): Triage => {
    const { rules, seen } = readMessage(compiled, text);
    if (!model || !seen.norm) return rules;
    // courtesies only: nothing for the model to weigh (./courtesy-only.ts)
    if (courtesyOnly(text) && rules.urgency !== 'emergency') return { ...rules, reasons: [...rules.reasons, 'あいさつだけの書き込み → 学習モデルの判定は使わない'], risk: { score: 0, band: 'clear' } };
    const features = featuresOf(seen, rules);
    return blend(rules, predict(model, features), model.model.thresholds, features);
  };
  return {
    classify,
    safetyCheck: (text: string) => safetyCheck(compiled, text),
    classifyConversation: (texts: string[]) => combine(texts.filter((t) => t.trim().length > 0).map(classify)),
    read: (text: string) => {
      const { rules, seen } = readMessage(compiled, text);
      return { rules, features: featuresOf(seen, rules), seen };
    },
    engine: engineName(model?.version ?? null),
    model,
  };
}
