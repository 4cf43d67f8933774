// Over 300 lines for now: analyse() runs the rule stages (suicide, violence, acute, households,
// parsimony, low) over shared derived facts; issue 9 asks to split them into a list of stages.
/**
 * The triage engine: explainable rules over kuromoji lemmas. Vocabulary lives in ./lexicon.ts;
 * this file decides how cues combine (who is hurt by whom, how acute, which household pattern)
 * and writes the reasons shown to counsellors.
 *
 * Missing a crisis is the worst error, so crisis cues are counted unless a context check
 * (negation, hyperbole, past and resolved) says otherwise, and a third party's relayed words are
 * still `suicide`, `high`.
 */
import type { Triage } from '../db/schema';
import { detectLanguage, type DetectedLang, type LanguageInfo } from './language';
import {
  ACUTE_CUES,
  CARE_STRAIN_RE,
  CATEGORY_CUES,
  CONTACT_REFUSAL_RE,
  DIFFICULTY_RE,
  EXPOSURE_RE,
  FOREIGN_CUES,
  FOREIGN_FAMILY_RE,
  FOREIGN_NEIGHBOUR_RE,
  FOREIGN_SELF_RE,
  KIN_RE,
  NEIGHBOUR_RE,
  NOT_DIFFICULTY_RE,
  NOW_RE,
  PROFESSIONAL_CONTEXT_RE,
  PROFESSIONAL_RE,
  QUESTION_RE,
  SELF_RE,
  SERVICE_CUES,
  SUICIDE_CUES,
  VIOLENCE_CUES,
  type Category,
  type Cue,
  type ForeignCue,
  type Reporter,
  type Tag,
  type Urgency,
} from './lexicon';
import { buildView, compilePhrases, findPhrases, findRegexes, type MatchSpan, type PhraseIndex } from './match';
import { childhoodPast, conditional, hyperbole, mediaTopic, negation, pastResolved, pastTime, relayed, sentenceOf } from './negation';
import { handledByEmergencyServices, safetyNet, safetyNetVocabulary } from './safety-net';
import { combineTriage as combine } from './combine';
import { crisisScan, planReading, READ_HEAD, type CrisisScan } from './long-text';
import { blend } from './model/blend';
import { crisisSetAside, featuresOf, type Seen } from './model/features';
import { predict, type CompiledModel } from './model/linear';
import { engineName, loadTriageModel } from './model/load';
import type { SharedDictionary } from './shared-dictionary';
import { loadTokenizer, normalizeText, type Token, type Tokenizer } from './tokenize';

type AnyCue = Cue | ForeignCue;

interface Hit {
  cue: AnyCue;
  phrase: string;
  span: MatchSpan;
  /** Why the hit does not count (negated, hyperbole, …). */
  dropped?: string;
  /** Someone else's words relayed by the writer. */
  relay?: string;
  /** Names a topic or service only. */
  topic: boolean;
}

const URGENCY_RANK: Record<Urgency, number> = { low: 0, normal: 1, high: 2, emergency: 3 };
const maxUrgency = (a: Urgency, b: Urgency): Urgency => (URGENCY_RANK[a] >= URGENCY_RANK[b] ? a : b);

/** Default salience: what most changes what staff do first. */
const SALIENCE: Category[] = [
  'suicide',
  'dv',
  'abuse',
  'foreign',
  '8050',
  'carer',
  'selfneglect',
  'hikikomori',
  'debt',
  'housing',
  'disability',
  'elderly',
  'child',
  'health',
  'poverty',
  'employment',
  'isolation',
  'other',
];

/** Tags whose hits are checked for negation, hyperbole and past-resolved context. */
const CRISIS_TAGS: Tag[] = ['ideation', 'ideationWeak', 'entrust', 'means', 'meansWeak', 'act', 'selfharm', 'farewell', 'farewellWeak', 'relayHint', 'cry', 'despair'];
const CONTEXT_TAGS: Tag[] = [
  ...CRISIS_TAGS,
  'violence',
  'towardMe',
  'control',
  'stalking',
  'abuseExplicit',
  'neglect',
  'neglectChild',
  'afraidHome',
  'collapse',
  'notSeen',
  'noFoodToday',
  'noFoodDays',
  'sleepTonight',
  'evict',
  'kickedOut',
  'withdrawn',
  'careWork',
  'pregnancy',
  'wander',
];

const TOPIC_AFTER = /^(って|とは|について|っていう|という|の(支援|制度|窓口|家族会|集まり|相談窓口|相談|病院|施設|事業所|サービス|申請|手続き|受け取り|こと(を|で)?(知り|教え)))/;
const CAUSE_AFTER = /^(され|し|に|を)?(て|で)から/;
const PROGRESSIVE_AFTER = /^(っ)?(て|で)(る|いる|います|ます|ん|て)/;
const PAST_AFTER = /^(っ)?(た|だ|ました|れた|れました|られた|られました|てた|ていた|てきた|れてた|れていた|れてました)/;
/** A time that makes an ending word a plan: 今夜, つぎの電車, これから. */
const TONIGHT_RE = /(今夜|今晩|こんや|今日|きょう|今から|いまから|これから|つぎの|次の|明日の朝|あしたの朝)/;
/** Habitual time words: 毎晩, いつも, しょっちゅう. */
const HABITUAL_RE = /(毎晩|毎日|毎朝|毎回|いつも|しょっちゅう|よく|たびに|度に|ときどき|時々|たまに)/;
/** Hearsay: someone told the writer. */
const REPORTED_RE = /(言って|言った|いって|らしい|そうです|みたい|聞いた)/;
/** Alarm signs in pregnancy. */
const PREGNANCY_ALARM_RE = /(血が(出|で|止ま)|出血|(おなか|お腹|腹)が[^。！？\n]{0,6}(痛|いた))/;
/** Residents, users, patients, pupils: victims in a care or school setting. */
const INSTITUTION_VICTIM_RE = /(入居者|利用者|入所者|患者|園児|児童|生徒)(さん|様)?(を|に|が|の)/;
/** Everyday activities at a height, by the tracks or the water. */
const PLACE_BENIGN_RE = /(洗濯|干し|干して|掃除|住んで|住む|近くの|近くに|バイト|働|通勤|通学|騒音|ビアガーデン|カフェ|園芸|花|布団|タバコ|たばこ|釣り|散歩|家賃|引っ越)/;
const ACUTE_CONTEXT = /(入院|退院|手術|リハビリ|要介護|後遺症)/;

/** Person nouns that can be the subject of a clause. */
const PERSON_SUBJECT_RE = /(息子|娘|子ども|子供|こども|うちの子|上の子|下の子|男の子|女の子|生徒|児童|園児|弟|妹|兄|姉|父|母|親|夫|妻|主人|旦那|彼氏|彼女|パパ|ママ|祖母|祖父|職員|先生|上司|私|わたし|僕|俺)(さん|くん|ちゃん|親|たち|達)?(が|は)/g;
const CHILD_SUBJECT_RE = /^(息子|娘|子ども|子供|こども|うちの子|上の子|下の子|男の子|女の子|生徒|児童|園児|弟|妹)(さん|くん|ちゃん|たち|達)?(が|は)$/;
/** The last person named as a subject before `at` is a child: the child is the one acting. */
function childActor(norm: string, at: number): boolean {
  const before = norm.slice(0, at);
  let last: string | undefined;
  for (const m of before.matchAll(PERSON_SUBJECT_RE)) last = m[0];
  return !!last && CHILD_SUBJECT_RE.test(last);
}

const tagsOf = (c: AnyCue): Tag[] => c.tags ?? [];
const catsOf = (c: AnyCue): Category[] => c.cats ?? [];

interface Compiled {
  tokenizer: Tokenizer;
  index: PhraseIndex<Cue>;
  regexes: Array<{ cue: Cue; re: RegExp }>;
  foreign: Array<{ cue: ForeignCue; re: RegExp }>;
  /** Words of danger to life, for the scan of a long message's unread part (./long-text.ts). */
  crisis: CrisisScan;
}

/** Foreign cues about danger to life (the rest name needs such as rent or food). */
const foreignCrisis = (c: ForeignCue) =>
  (c.cats ?? []).some((k) => k === 'suicide' || k === 'abuse' || k === 'dv') || (c.tags ?? []).some((t) => ['violence', 'towardMe', 'collapse', 'cry', 'afraidHome', 'noFoodDays'].includes(t));

function compile(tokenizer: Tokenizer): Compiled {
  const crisisCues: Cue[] = [...SUICIDE_CUES, ...VIOLENCE_CUES, ...ACUTE_CUES];
  const cues: Cue[] = [...crisisCues, ...CATEGORY_CUES, ...SERVICE_CUES];
  const index = compilePhrases(
    tokenizer,
    cues.filter((c) => c.ja?.length).map((c) => ({ cue: c, phrases: c.ja! })),
  );
  const net = safetyNetVocabulary(tokenizer);
  const isCrisis = new Set(crisisCues);
  return {
    tokenizer,
    index,
    regexes: cues.flatMap((c) => (c.re ?? []).map((re) => ({ cue: c, re }))),
    foreign: FOREIGN_CUES.map((c) => ({ cue: c, re: c.re })),
    crisis: crisisScan({
      phrases: [...index.all.filter((p) => isCrisis.has(p.cue)).flatMap((p) => [p.phrase, p.kana]), ...net.phrases],
      regexes: [...crisisCues.flatMap((c) => c.re ?? []), ...FOREIGN_CUES.filter(foreignCrisis).map((c) => c.re), ...net.regexes],
    }),
  };
}

/** Checks one hit's context and marks it dropped / relayed. */
function judge(norm: string, hit: Hit): void {
  const tags = tagsOf(hit.cue);
  const cats = catsOf(hit.cue);
  const contextual = cats.length > 0 || tags.some((t) => CONTEXT_TAGS.includes(t));
  if (!contextual) return;
  const crisis = tags.some((t) => CRISIS_TAGS.includes(t)) || cats.includes('suicide');
  hit.dropped = negation(norm, hit.span);
  if (!hit.dropped && crisis) hit.dropped = hyperbole(norm, hit.span) ?? mediaTopic(norm, hit.span);
  if (!hit.dropped) hit.dropped = pastResolved(norm, hit.span);
  if (!hit.dropped && (tags.includes('collapse') || tags.includes('violence'))) hit.dropped = conditional(norm, hit.span);
  if (!hit.dropped && (tags.includes('violence') || tags.includes('towardMe')) && /(記憶|思い出|フラッシュバック|トラウマ|大人になった|今でも)/.test(norm)) hit.dropped = childhoodPast(norm, hit.span);
  if (!hit.dropped && tags.includes('collapse')) {
    hit.dropped = pastTime(norm, hit.span) ?? (ACUTE_CONTEXT.test(sentenceOf(norm, hit.span).text) ? '入院などの経過' : undefined);
  }
  if (!hit.dropped && cats.includes('employment') && CAUSE_AFTER.test(norm.slice(hit.span.end, hit.span.end + 6))) {
    hit.dropped = 'きっかけの説明';
  }
  if (!hit.dropped && crisis) hit.relay = relayed(norm, hit.span);
  if (!hit.dropped && cats.length > 0 && TOPIC_AFTER.test(norm.slice(hit.span.end, hit.span.end + 16))) hit.topic = true;
}

class Result {
  cats = new Map<Category, number>(); // category → order of first addition
  urgency: Urgency = 'normal';
  reasons: string[] = [];
  private n = 0;
  /** A rule (not a topic word) established a need. */
  needRule = false;
  add(cats: Category[], urgency: Urgency | undefined, reason: string, rule = true): void {
    if (rule && cats.some((c) => c !== 'foreign' && c !== 'other')) this.needRule = true;
    for (const c of cats) if (!this.cats.has(c)) this.cats.set(c, this.n++);
    if (urgency) this.urgency = maxUrgency(this.urgency, urgency);
    if (reason && !this.reasons.includes(reason)) this.reasons.push(reason);
  }
  remove(c: Category): void {
    this.cats.delete(c);
  }
  has(c: Category): boolean {
    return this.cats.has(c);
  }
}

const quote = (s: string) => `「${s.trim()}」`;
const arrow = (cats: Category[], urgency?: Urgency) => `→ ${[...cats, ...(urgency ? [urgency] : [])].join(', ')}`;

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
}

function analyse(c: Compiled, text: string): RuleAnalysis {
  let norm = normalizeText(text).trim();
  if (!norm) return { triage: { categories: ['other'], urgency: 'low', reporter: 'unknown', reasons: ['空のメッセージ → other, low'] }, norm, lang: 'unknown', tokens: [], tags: [], dropped: [] };
  const lang: LanguageInfo = detectLanguage(norm);
  if (lang.lang === 'easy-ja') norm = norm.replace(/(?<=[\u3040-\u30ff\u3400-\u9fff])[ \u3000]+(?=[\u3040-\u30ff\u3400-\u9fff])/g, '');
  const japanese = lang.lang === 'ja' || lang.lang === 'easy-ja';

  const hits: Hit[] = [];
  const tokens = japanese ? c.tokenizer.tokenize(norm) : [];
  if (japanese) {
    const view = buildView(norm, tokens);
    for (const m of findPhrases(c.index, view)) hits.push({ ...m, topic: !!m.cue.topic });
    for (const m of findRegexes(c.regexes, norm)) hits.push({ ...m, topic: !!m.cue.topic });
  }
  if (!japanese || /[a-z]{3,}.*[a-z]{3,}/.test(norm)) {
    for (const m of findRegexes(c.foreign, norm)) hits.push({ ...m, topic: false });
  }
  // the longest phrase wins: 「障害者」 inside 「障害者手帳」 is not a separate cue
  for (const h of hits) {
    const cats = catsOf(h.cue);
    if (!cats.length) continue;
    const outer = hits.find(
      (o) => o !== h && o.span.start <= h.span.start && h.span.end <= o.span.end && o.span.end - o.span.start > h.span.end - h.span.start && catsOf(o.cue).some((k) => cats.includes(k)),
    );
    if (outer) h.topic = outer.topic;
  }
  for (const h of hits) judge(norm, h);
  // kana homophones: がっこうに いきたくない is 行きたくない, not 生きたくない
  for (const h of hits) {
    if (!h.dropped && tagsOf(h.cue).includes('ideation') && /^いき/.test(norm.slice(h.span.start, h.span.end)) && /[にへ]\s*$/.test(norm.slice(0, h.span.start))) {
      h.dropped = '「行きたくない」の可能性';
    }
  }
  // a feared harm (手をあげてしまいそう) is not violence
  const fear = hits.filter((h) => !h.dropped && tagsOf(h.cue).includes('fearHarm'));
  for (const h of hits) {
    if (tagsOf(h.cue).includes('violence') && fear.some((f) => f.span.start <= h.span.start && h.span.end <= f.span.end + 4)) {
      h.dropped = '加害への恐れ（未遂）';
    }
  }

  // a child's own behaviour (暴れる, 友達を叩く, 私を噛んだり叩いたり) and a tired parent's shouting (つい怒鳴ってしまう)
  // are not violence done to a victim: no DV or abuse from them
  const olderPresent = hits.some((h) => !h.dropped && tagsOf(h.cue).some((t) => t === 'old' || t === 'elderAge' || t === 'midAge'));
  for (const h of hits) {
    if (h.dropped || !tagsOf(h.cue).some((t) => t === 'violence' || t === 'fearHarm')) continue;
    const after = norm.slice(h.span.start, h.span.end + 4);
    // hurt by a friend, classmate or senior pupil: the child's own situation (bullying), not abuse
    if (/(友達|友だち|ともだち|同級生|クラスメイト|クラスの子|先輩|後輩|上級生|部活の)[^。！？\n]{0,4}(に|から)[^。！？\n]{0,4}$/.test(norm.slice(Math.max(0, h.span.start - 14), h.span.start)) && hits.some((o) => !o.dropped && tagsOf(o.cue).some((t) => t === 'minorAny' || t === 'childWord'))) {
      h.dropped = '子ども同士の暴力';
      continue;
    }
    if (/[かがさたなばまらわ]れ/.test(after)) continue; // passive (叩かれ, 殴られ, ぶたれ): the subject is the victim
    if (/^(っ)?て?(しま|しまう|しまい|しまっ|ちゃ|ちゃう)/.test(norm.slice(h.span.end, h.span.end + 5)) && /(怒鳴|どな)/.test(h.phrase)) {
      h.dropped = '本人の怒鳴ってしまう（育児・介護の疲れ）';
      continue;
    }
    if (!olderPresent && childActor(norm, h.span.start)) h.dropped = '子ども本人の行動';
  }

  const live = hits.filter((h) => !h.dropped);
  if (process.env.TRIAGE_DEBUG) for (const h of hits) console.error(`  hit ${h.cue.id} ${quote(norm.slice(h.span.start, h.span.end))} ${h.dropped ?? ''} ${h.relay ?? ''} ${h.topic ? 'topic' : ''}`);
  const T = new Set<Tag>(live.flatMap((h) => tagsOf(h.cue)));
  const firstOf = (tag: Tag) => live.find((h) => tagsOf(h.cue).includes(tag));
  const allOf = (tag: Tag) => live.filter((h) => tagsOf(h.cue).includes(tag));
  const R = new Result();

  if (lang.nonStandardJapanese) R.add(['foreign'], undefined, `言語判定: ${lang.lang}（${lang.why}）→ foreign`);
  for (const h of hits.filter((x) => x.dropped && (catsOf(x.cue).length || tagsOf(x.cue).some((t) => CRISIS_TAGS.includes(t))))) {
    R.reasons.push(`${quote(h.phrase)}は${h.dropped} → 数えない`);
  }

  // plain category cues
  const STRUCTURAL: Tag[] = ['ideation', 'means', 'act', 'selfharm', 'relayHint', 'cry', 'neglect', 'abuseExplicit', 'dvExplicit', 'noFoodToday', 'noFoodDays', 'sleepTonight', 'evict', 'wander', 'doubleCare', 'youngCarer', 'gap'];
  for (const h of live) {
    const cats = catsOf(h.cue);
    if (cats.length === 0 || tagsOf(h.cue).some((t) => STRUCTURAL.includes(t))) continue;
    R.add(cats, undefined, `${quote(h.phrase)} ${arrow(cats)}`, false);
  }

  // a child's behaviour (暴れる, 友達を叩く) is the child's own need; with a disability it belongs to that need
  const childBehaviour = hits.find((h) => h.dropped === '子ども本人の行動' || h.dropped === '子ども同士の暴力');
  if (childBehaviour && !T.has('disabilityWord')) R.add(['child'], undefined, `${quote(childBehaviour.phrase)}（子ども本人の行動）→ child`);

  // ---- suicide -------------------------------------------------------------------------------
  const crisisFirst = live.filter((h) => tagsOf(h.cue).some((t) => t === 'ideation' || t === 'means' || t === 'act') && !h.relay);
  const crisisRelayed = live.filter((h) => tagsOf(h.cue).some((t) => t === 'ideation' || t === 'means' || t === 'act') && h.relay);
  // 「ベランダで洗濯物」「線路の近くに住んでいて」: a place named for daily life, not as where the writer stands now
  for (const h of allOf('meansWeak')) if (PLACE_BENIGN_RE.test(sentenceOf(norm, h.span).text)) h.dropped = '日常の場所';
  const weakMeans = allOf('meansWeak').filter((h) => !h.dropped);
  // 「連載を終わりにする」「作業はこれで終わりにする予定」: ending a thing, not one's life
  for (const h of allOf('ideationWeak')) {
    const sent = sentenceOf(norm, h.span);
    const head = norm.slice(sent.start, h.span.start);
    const m = head.match(/([\u3400-\u9fffァ-ヴー]{1,8})(を|は|も)[^。！？\n]{0,6}$/);
    if ((m && !/(人生|全部|すべて|全て|命|自分|私|俺|僕|生活)$/.test(m[1])) || /(予定|つもりです|ことにしました|来月|来年)/.test(sent.text)) h.dropped = '物事の終わり';
  }
  const ending = allOf('ideationWeak').filter((h) => !h.dropped);
  const endingFirst = ending.filter((h, i) => !h.relay && !ending.slice(0, i).some((o) => o.span.start < h.span.end && h.span.start < o.span.end));
  const endingRelayed = ending.filter((h) => h.relay);
  const farewell = allOf('farewell');
  const entrust = allOf('entrust');
  const noReply = T.has('noReply');
  const despair = T.has('farewellWeak') || T.has('cry');
  if (crisisFirst.length) {
    const h = crisisFirst[0];
    R.add(['suicide'], 'emergency', `${quote(h.phrase)}（本人の希死念慮・計画・行為）→ suicide, emergency`);
  } else if (weakMeans.length >= 2 || (weakMeans.length && (despair || farewell.length || endingFirst.length))) {
    R.add(['suicide'], 'emergency', `${weakMeans.map((h) => quote(h.phrase)).join('')}（場所・高さ・手段の示唆）→ suicide, emergency`);
  }
  // 「終わりにする」「消えます」 are read as ending one's life only next to despair, a place, a farewell or a time
  if (endingFirst.length && (despair || farewell.length || entrust.length || weakMeans.length || TONIGHT_RE.test(norm) || endingFirst.length >= 2)) {
    R.add(['suicide'], 'emergency', `${quote(endingFirst[0].phrase)}（終わり・離脱のことば）＋疲弊・別れ・場所・時刻 → suicide, emergency`);
  }
  // two different farewell signals (今までありがとう + 猫をお願いします) are a goodbye, not thanks
  const farewellKinds = farewell.filter((h, i) => !farewell.slice(0, i).some((o) => o.span.start < h.span.end && h.span.start < o.span.end)).length;
  if (farewell.length && (crisisFirst.length || despair || noReply || weakMeans.length || endingFirst.length || entrust.length || farewellKinds >= 2 || T.has('days'))) {
    R.add(['suicide'], 'emergency', `${quote(farewell[0].phrase)}（別れのことば）→ suicide, emergency`);
  }
  if (endingRelayed.length && !crisisRelayed.length) {
    const acute = noReply || weakMeans.length > 0 || farewell.length > 0;
    if (acute || despair) R.add(['suicide'], acute ? 'emergency' : 'high', `${quote(endingRelayed[0].phrase)}（${endingRelayed[0].relay}）→ suicide, ${acute ? 'emergency' : 'high'}`);
  }
  if (noReply && (T.has('farewellWeak') || farewell.length || crisisRelayed.length) && !T.has('notSeen')) {
    R.add(['suicide'], 'emergency', `別れを思わせる言葉のあと${quote(firstOf('noReply')!.phrase)} → suicide, emergency`);
  }
  if (crisisRelayed.length) {
    const acute = T.has('means') || T.has('act') || noReply;
    R.add(['suicide'], acute ? 'emergency' : 'high', `${quote(crisisRelayed[0].phrase)}（${crisisRelayed[0].relay}）→ suicide, ${acute ? 'emergency' : 'high'}`);
  }
  if (T.has('relayHint')) R.add(['suicide'], 'high', `${quote(firstOf('relayHint')!.phrase)}（命に関わる示唆）→ suicide, high`);
  if (T.has('selfharm')) {
    const acute = T.has('bleeding') || T.has('act');
    R.add(['suicide'], acute ? 'emergency' : 'high', `${quote(firstOf('selfharm')!.phrase)}（自傷）→ suicide, ${acute ? 'emergency' : 'high'}`);
  }

  // ---- violence: DV or abuse -----------------------------------------------------------------
  const violence = allOf('violence');
  const partner = T.has('partner') || T.has('exPartner');
  // 「今」 / 「いま」 as a word meaning 'right now' (not 今は…, 今まで, います)
  const nowWord = tokens.some((t, i) => (t.surface === '今' || t.surface === 'いま') && t.pos === '名詞' && !/^(は|まで|から|の|さら|も|ごろ|頃|でも|学期|年|年度|月|週|日|回|度|後|朝|夜|晩|夏|冬|春|秋|期|時)/.test(tokens[i + 1]?.surface ?? ''));
  // 「今は仕事に行っている」 / 现在他去上班了: the other person is away, so now is a safe moment
  const nowish = (japanese ? nowWord : NOW_RE.test(norm)) && !/(今は|いまは)[^。\n]{0,12}(いない|いません|出かけ|仕事|外出|安全|離れ)|上班|去工作|不在家|\bat work\b|\b(trabalho|trabajo|trabaho|kerja)\b|đi làm/.test(norm);
  const violenceNow = violence.some((h) => {
    const a = norm.slice(h.span.end, h.span.end + 8);
    // 「さっき殴られた」「今、首を絞められた」: just happened counts as now
    if (PAST_AFTER.test(a) && /(さっき|たった今|今さっき|いましがた|今、|いま、)/.test(sentenceOf(norm, h.span).text) && !pastTime(norm, h.span)) return true;
    if (PAST_AFTER.test(a) || pastTime(norm, h.span)) return false;
    // 「毎晩怒鳴ってる」 is a habit (high), not something happening this minute, unless 今 is said
    if (HABITUAL_RE.test(sentenceOf(norm, h.span).text) && !nowWord) return false;
    // 「叩いているのを見ました」: witnessed earlier, reported afterwards
    if (/(のを|ところを|ところ)(見|目撃|聞い|きい)(た|ました|て)/.test(norm.slice(h.span.end, h.span.end + 16))) return false;
    return PROGRESSIVE_AFTER.test(a) || nowish;
  });
  // 「閉じ込められる」と言っていました: hiding or confinement told second-hand is not happening now
  const hidingNow = allOf('hiding').some((h) => !REPORTED_RE.test(sentenceOf(norm, h.span).text));
  // sounds heard 「毎晩」 are a pattern to report (high), not an incident now
  const soundsNow = allOf('inProgress').some((h) => nowWord || !HABITUAL_RE.test(sentenceOf(norm, h.span).text));
  // a weapon shown last week (先週は包丁を向けられた) is grave but not happening now
  const weaponNow = allOf('weapon').some((h) => !pastTime(norm, h.span));
  const acuteViolence = violenceNow || weaponNow || hidingNow || soundsNow;
  const hasChild = T.has('childWord') || T.has('minor') || T.has('baby');
  const hasElder = T.has('old') || T.has('elderWord') || T.has('elderAge');
  const hasDisab = T.has('disabilityWord');

  // ママの彼氏 / 継父 hurting a child is abuse, not DV (unless the writer names DV)
  const dvSignal = (violence.length > 0 || T.has('control') || T.has('stalking')) && (partner || T.has('stalking')) && !(T.has('parentWord') && !T.has('bothParents') && !partner) && !T.has('parentPartner');
  if (T.has('dvExplicit') || dvSignal || (T.has('bothParents') && violence.length)) {
    let u: Urgency = 'high';
    if (acuteViolence && (violence.length || weaponNow)) u = 'emergency';
    else if (T.has('safe') && !violenceNow) u = 'normal';
    const why = firstOf('violence') ?? firstOf('control') ?? firstOf('stalking') ?? firstOf('dvExplicit')!;
    const cats: Category[] = ['dv'];
    // children in the incident or fleeing with the writer (子ども2人と逃げて), not only mentioned
    const kidsInvolved =
      (/(子ども|子供|こども)(たち|達)?([0-9０-９一二三]人)?(と|も|を連れ)/.test(norm) && (T.has('hiding') || u === 'emergency' || /(逃げ(て|ました|た(?!い))|避難し(て|た(?!い)|ました)|家を出(て|た(?!い)|ました)|実家に(来|き|帰っ|戻っ|い))/.test(norm))) ||
      // children frightened by or watching the violence
      /(子ども|子供|こども|娘|息子)(たち|達)?(が|も|は)[^。！？\n]{0,8}(怯え|おびえ|こわが|怖が|見て|泣い|目の前)|(子ども|子供|こども)の(目の)?前で/.test(norm);
    if ((T.has('bothParents') && !hasElder) || (hasChild && kidsInvolved)) cats.push('child');
    if (hasElder && /(老夫婦|高齢の(ご)?夫婦|[78９9]0代の(ご)?(夫婦|夫|妻)|(両親|二人|ふたり)とも[78９9]0代|[（(][7-9][0-9][)）][\s\S]{0,40}[（(][7-9][0-9][)）])/.test(norm)) cats.push('elderly');
    R.add(cats, u, `${quote(why.phrase)}（配偶者・交際相手から）${arrow(cats, u)}`);
  }

  // staff hurting or confining residents, users or pupils: abuse in a facility, even though 同僚/職員 is a workplace word
  const institutional = violence.length > 0 && INSTITUTION_VICTIM_RE.test(norm);
  // a pupil or child who does not want to go home (told to a teacher, a neighbour): a sign of abuse, not housing
  const childWontGoHome = T.has('kickedOut') && !T.has('minor') && hasChild && /(帰りたくない|かえりたくない|帰るのが(いや|嫌)|帰りたが(ら|り)|帰ろうとし(な|ま))/.test(norm) && !T.has('evict');
  const abuseSignal =
    institutional ||
    childWontGoHome ||
    T.has('abuseExplicit') ||
    T.has('neglect') ||
    (T.has('neglectChild') && hasChild && !hasElder) ||
    T.has('afraidHome') ||
    (T.has('inProgress') && hasChild) ||
    (violence.length > 0 && !R.has('dv') && !T.has('workplace') && (hasChild || hasElder || hasDisab || (T.has('towardMe') && T.has('parentWord')) || T.has('parentPartner') || T.has('inProgress')));
  if (violence.length > 0 && T.has('workplace') && !R.has('dv') && !hasChild && !institutional) {
    R.add(['employment'], undefined, `${quote(violence[0].phrase)}（職場での暴言・暴力）→ employment`);
  }
  if (abuseSignal && !R.has('dv')) {
    const group: Category[] = [];
    // 息子さん / 娘さん of an older person are adults: the victim is the older person
    const youngChild = /(子ども|子供|こども|男の子|女の子|赤ちゃん|児童|生徒|園児|孫|幼児)/.test(norm) || T.has('minorAny') || T.has('baby');
    if (hasElder && !(T.has('minor') || T.has('afraidHome')) && (!hasChild || !youngChild || /(年金|利用者|介護|高齢|[78９9][0-9])/.test(norm))) group.push('elderly');
    else if (hasDisab) group.push('disability');
    else group.push('child');
    let u: Urgency = 'high';
    const childAlone = T.has('neglect') && T.has('days') && (T.has('notSeen') || /(だけで|置き去り|(帰|かえ)って(こ|き|来)(て)?(い)?ない|(一人|ひとり)で)/.test(norm));
    // hit or kicked and 「帰りたくない」: a child afraid to go home tonight
    const fearOfHome = T.has('kickedOut') && (T.has('minorAny') || T.has('parentWord') || T.has('parentPartner')) && violence.length > 0 && /(帰りたくない|かえりたくない)/.test(norm);
    const inProgressNow = soundsNow && (nowWord || allOf('inProgress').some((h) => PROGRESSIVE_AFTER.test(norm.slice(h.span.end, h.span.end + 8)) || /(いて|いる|てる|てて)$/.test(norm.slice(h.span.start, h.span.end))));
    if (inProgressNow || T.has('afraidHome') || fearOfHome || childAlone || (acuteViolence && violence.length)) u = 'emergency';
    const why = firstOf('abuseExplicit') ?? firstOf('afraidHome') ?? firstOf('neglect') ?? firstOf('neglectChild') ?? firstOf('inProgress') ?? firstOf('violence') ?? firstOf('kickedOut')!;
    R.add(['abuse', ...group], u, `${quote(why.phrase)}（虐待の${u === 'emergency' ? '進行・危険' : '疑い'}）${arrow(['abuse', ...group], u)}`);
  }
  if (T.has('fearHarm') && !R.has('abuse')) {
    const elderTarget = (hasElder || R.has('elderly') || R.has('carer')) && !/(育児|子育て|息子|娘|子ども|子供|こども)/.test(norm);
    const group: Category[] = elderTarget ? ['carer', 'elderly'] : ['child'];
    R.add([...group, 'abuse'], 'normal', `${quote(firstOf('fearHarm')!.phrase)}（加害への恐れ、未遂）${arrow([...group, 'abuse'], 'normal')}`);
  }

  // ---- acute health, welfare checks ----------------------------------------------------------
  if (T.has('collapse')) {
    R.add(['health'], 'emergency', `${quote(firstOf('collapse')!.phrase)}（倒れている）→ health, emergency`);
  }
  const signKinds = allOf('lifeSign').filter((h, i, a) => !a.slice(0, i).some((o) => o.phrase === h.phrase)).length;
  const unreachable = !T.has('collapse') && (T.has('notSeen') || (signKinds >= 2 && (hasElder || /(一人暮らし|ひとり暮らし|独居)/.test(norm))) || (noReply && !R.has('suicide') && /(一人暮らし|ひとり暮らし|独居|高齢|[7-9][0-9](歳|代))/.test(norm)));
  if (unreachable && !T.has('years') && !R.has('abuse')) {
    const signs = T.has('lifeSign') || noReply;
    const u: Urgency = T.has('days') && signs ? 'emergency' : 'high';
    // living alone with nobody checking: isolation too; a relative who is in touch (family writing) is not isolated
    const alone = /(一人暮らし|ひとり暮らし|ひとりぐらし|独居|一人で(暮ら|住)|お一人)/.test(norm) && !/(父|母|祖父|祖母|親)(さん)?[(（]?[0-9]*[)）]?(と|が|は|の|に|を)/.test(norm);
    const cats: Category[] = [...(hasElder || !hasChild ? (['elderly'] as Category[]) : []), ...(alone || !hasElder ? (['isolation'] as Category[]) : [])];
    const seen = firstOf('notSeen') ?? firstOf('noReply');
    const why = seen
      ? `${quote(seen.phrase)}${signs ? '＋' + quote((firstOf('lifeSign') ?? firstOf('noReply'))!.phrase) : ''}`
      : [...new Set(allOf('lifeSign').map((h) => quote(h.phrase)))].join('＋') + '（異変のサインが複数）';
    if (T.has('days') || signs || hasElder) R.add(cats, u, `${why} ${arrow(cats, u)}`);
  }
  if (T.has('noFoodDays')) {
    const kids = T.has('baby') || hasChild;
    R.add(kids ? ['poverty', 'child'] : ['poverty'], kids ? 'emergency' : 'high', `${quote(firstOf('noFoodDays')!.phrase)}${kids ? '（乳幼児・子どもあり）' : ''} ${arrow(kids ? ['poverty', 'child'] : ['poverty'], kids ? 'emergency' : 'high')}`);
  } else if (T.has('noFoodToday')) {
    R.add(['poverty'], 'high', `${quote(firstOf('noFoodToday')!.phrase)} → poverty, high`);
  }
  const minorSelf = T.has('minor');
  if (T.has('kickedOut') && minorSelf) {
    R.add(['child'], 'high', `${quote(firstOf('kickedOut')!.phrase)}（未成年）→ child, high`);
  } else if (T.has('kickedOut') && (R.has('abuse') || childWontGoHome) && !T.has('sleepTonight') && !T.has('evict')) {
    // 「帰りたくない」 from someone hurt at home is part of the abuse, not a housing need
  } else {
    if (T.has('sleepTonight')) R.add(['housing'], 'high', `${quote(firstOf('sleepTonight')!.phrase)} → housing, high`);
    if (T.has('evict') || T.has('kickedOut')) {
      const h = (firstOf('evict') ?? firstOf('kickedOut'))!;
      const u: Urgency = T.has('deadline') || T.has('kickedOut') ? 'high' : 'normal';
      R.add(['housing'], u, `${quote(h.phrase)}${T.has('deadline') ? '（期限が迫る）' : ''} ${arrow(['housing'], u)}`);
    }
  }
  if (R.has('debt') && T.has('debtThreat')) R.add(['debt'], 'high', `${quote(firstOf('debtThreat')!.phrase)}（取り立ての期限）→ debt, high`);
  // a person with dementia alone tonight (README: left alone at night → high)
  if (R.has('elderly') && /(認知症|物忘れ|もの忘れ)/.test(norm) && /(今夜|今晩|夜|今日)(は|も)?[^。！？\n]{0,10}(一人きり|ひとりきり|一人で|ひとりで|一人だけ|ひとりだけ|一人に)/.test(norm)) {
    R.add(['elderly'], 'high', '認知症の方が夜に一人 → elderly, high');
  }
  // an older person walking the corridor or street at night, calling out: wandering
  if (!T.has('wander') && hasElder && /(夜中|深夜|夜間|真夜中|明け方)[^。！？\n]{0,30}(廊下|外|道|近所|町内|通り)(を|で)?[^。！？\n]{0,4}(歩いて|歩き回|うろうろ|ふらふら|さまよ)/.test(norm)) {
    R.add(['elderly'], 'high', '高齢の方が夜中に歩き回る → elderly, high');
  }
  if (T.has('wander')) {
    R.add(['elderly'], 'high', `${quote(firstOf('wander')!.phrase)}（認知症の方の夜間・独り）→ elderly, high`);
  }
  // bleeding or strong pain in pregnancy is a medical emergency, whatever the age
  if (T.has('pregnancy') && (T.has('bleeding') || PREGNANCY_ALARM_RE.test(norm))) {
    R.add(['health'], 'emergency', `${quote(firstOf('pregnancy')!.phrase)}＋出血・強い痛み → health, emergency`);
  }
  if (T.has('pregnancy')) {
    if (T.has('minorAny')) R.add(['child'], 'high', `${quote(firstOf('pregnancy')!.phrase)}（未成年）→ child, high`);
    else R.add(['health'], undefined, `${quote(firstOf('pregnancy')!.phrase)} → health`);
  }
  if (T.has('postnatal') && T.has('crying')) R.add(['health'], undefined, `${quote(firstOf('postnatal')!.phrase)}＋${quote(firstOf('crying')!.phrase)}（産後の不調）→ health`);
  if (T.has('minorAny') && (R.has('suicide') || T.has('pregnancy'))) R.add(['child'], T.has('pregnancy') ? 'high' : undefined, '未成年 → child');
  if (!R.has('child') && T.has('childWord') && /(教員|教師|担任|学校の先生|保育士|スクール)/.test(norm) && (PROFESSIONAL_RE.test(norm) || PROFESSIONAL_CONTEXT_RE.test(norm))) {
    R.add(['child'], undefined, '学校・保育からの相談で子どもが対象 → child');
  }

  // ---- households ------------------------------------------------------------------------------
  const parentSide = T.has('elderAge') || T.has('parentsRef');
  const withdrawn = T.has('withdrawn') || T.has('dependent');
  // parents whose stated age is under 70 are not an 8050 household (README: late 70s to 90s)
  const youngParents = /(両親|親|父|母)(は|が|とも|も)?[^。！？\n]{0,4}([3-6]0代|[3-6][0-9](歳|才))/.test(norm) && !T.has('elderAge');
  if (parentSide && !youngParents && (T.has('midAge') || /親の年金/.test(norm)) && withdrawn) {
    const cats: Category[] = ['8050'];
    if (T.has('withdrawn')) cats.push('hikikomori');
    R.add(cats, undefined, `高齢の親＋中高年の子＋${T.has('withdrawn') ? 'ひきこもり' : '無職・依存'}（8050）${arrow(cats)}`);
    if (T.has('frail')) R.add(['elderly'], undefined, '親の衰え → elderly');
    if (!T.has('frail') && !live.some((h) => catsOf(h.cue).includes('elderly') && !tagsOf(h.cue).includes('frail'))) R.remove('elderly');
  }
  const careWork = T.has('careWork');
  const elderCare = R.has('elderly') || hasElder;
  if (T.has('doubleCare') || (careWork && elderCare && hasChild && /(子ども|子供|小学生|中学生|育児|子育て|宿題|保育園)/.test(norm) && !minorSelf)) {
    R.add(['carer', 'child', 'elderly'], undefined, `${quote((firstOf('doubleCare') ?? firstOf('careWork'))!.phrase)}（子育てと介護の両方: ダブルケア）→ carer, child, elderly`);
  }
  if (T.has('youngCarer') || (careWork && minorSelf)) {
    // 「ヤングケアラーってどんな支援が…」 names the topic only: no difficulty by itself
    const topicOnly = !!firstOf('youngCarer')?.topic && !careWork;
    R.add(['carer', 'child'], undefined, `${quote((firstOf('youngCarer') ?? firstOf('careWork'))!.phrase)}（ヤングケアラー）→ carer, child`, !topicOnly);
    if (!T.has('doubleCare')) R.remove('elderly');
    R.remove('disability');
  }
  if (!R.has('carer') && (R.has('elderly') || R.has('disability')) && (T.has('wander') || /介護/.test(norm)) && (CARE_STRAIN_RE.test(norm) || /(見張|見守)[^。！？\n]{0,6}(無理|できな|限界)/.test(norm)) && /(私|わたし|自分)(も|は|が)/.test(norm)) {
    R.add(['carer'], undefined, '介護する本人の疲弊 → carer');
  }
  if (R.has('selfneglect')) {
    if (hasElder || /(父|母|祖父|祖母)(が|は)/.test(norm)) R.add(['elderly'], undefined, '高齢の方のセルフネグレクト → elderly');
    if (CONTACT_REFUSAL_RE.test(norm)) R.add(['isolation'], undefined, '関わりの拒否 → isolation');
    if (hasElder && EXPOSURE_RE.test(norm)) R.add([], 'high', '寒さ・暑さの中の高齢者 → high');
  }
  if (!R.has('elderly') && hasElder && T.has('decline')) R.add(['elderly'], undefined, `高齢＋${quote(firstOf('decline')!.phrase)} → elderly`);
  // ---- parsimony: a need already covered by a more specific category is not added again ----------
  // the carer's burden is the need; the cared-for older person is `elderly` only for frailty, night wandering, ダブルケア,
  // a feared harm (abuse carries the victim group) or when the carer is old too (老老介護)
  const oldCarer = /老老介護|老々介護|(私|わたし|自分|僕|俺)(も|は)[^。！？\n]{0,4}(8[0-9]|9[0-9])(歳|才|で|に|、|です)?/.test(norm);
  if (R.has('carer') && !R.has('8050') && !R.has('abuse') && !oldCarer && !T.has('doubleCare') && !T.has('wander') && !T.has('frail') && !T.has('youngCarer')) {
    if (R.has('elderly')) R.reasons.push('介護者の負担が主 → elderly は付けない');
    R.remove('elderly');
  }
  // an illness named next to suicide or a disability is part of that need (health: illness that is not suicidal)
  const healthHits = live.filter((h) => catsOf(h.cue).includes('health'));
  if (R.has('health') && healthHits.length && healthHits.every((h) => h.cue.id === '心身の不調') && !T.has('collapse') && (R.has('suicide') || R.has('disability'))) {
    R.remove('health');
    R.reasons.push(`病名は${R.has('suicide') ? 'suicide' : 'disability'}に含める → health は付けない`);
  }
  // 「払えない」「貯金もない」 say why a debt, rent arrears or economic abuse hurts; poverty only when nothing else explains them
  const povertyHits = live.filter((h) => catsOf(h.cue).includes('poverty') && !h.topic);
  if (R.has('poverty') && povertyHits.length && povertyHits.every((h) => tagsOf(h.cue).includes('payOnly')) && !T.has('noFoodToday') && !T.has('noFoodDays') && (R.has('debt') || R.has('housing') || R.has('abuse'))) {
    R.remove('poverty');
    R.reasons.push('支払いの困難は借金・家賃・経済的虐待の一部 → poverty は付けない');
  }
  // no heating because of the bill is poverty, not self-neglect
  const neglectHits = live.filter((h) => catsOf(h.cue).includes('selfneglect'));
  if (R.has('selfneglect') && R.has('poverty') && neglectHits.length && neglectHits.every((h) => tagsOf(h.cue).includes('exposureOnly'))) {
    R.remove('selfneglect');
    R.reasons.push('費用のために冷暖房を使わない → poverty（selfneglect ではない）');
  }
  // sleeplessness or nausea next to another need is that need's toll, not a separate illness
  const STRESS_SIGN = /^(眠れ|不眠|吐き気|動悸|過呼吸|胸が苦し|胸がぎゅっと|涙が止まらない)/;
  const others = [...R.cats.keys()].filter((k) => !['health', 'foreign', 'other'].includes(k));
  if (R.has('health') && others.length && healthHits.length && healthHits.every((h) => STRESS_SIGN.test(h.phrase))) {
    R.remove('health');
    R.reasons.push('不眠・吐き気は他の困りごとの影響 → health は付けない');
  }
  // withdrawal words without ひきこもり, years or months are a recent pulling back (older people after a loss): isolation
  const withdrawHits = live.filter((h) => catsOf(h.cue).includes('hikikomori'));
  if (R.has('hikikomori') && !R.has('8050') && hasElder && !T.has('years') && withdrawHits.every((h) => !/(ひきこも|引きこも|引き籠|ニート)/.test(h.phrase))) {
    R.remove('hikikomori');
    R.add(['isolation'], undefined, '高齢の方の最近の閉じこもり → isolation（hikikomori は長期のひきこもり）');
  }
  // long-term withdrawal at home already says the person is cut off: hikikomori, not isolation as well
  if (R.has('hikikomori') && R.has('isolation') && !live.some((h) => catsOf(h.cue).includes('isolation') && /(孤独|孤立|さみし|寂し|さびし)/.test(h.phrase))) R.remove('isolation');
  // a minor who has not come home (帰ってこない, 家出): the child's safety, the same day
  if (T.has('minorAny') && !T.has('minor') && /(帰ってこな|帰って来な|かえってこな|家出|行方がわから)/.test(norm) && !R.has('abuse')) {
    R.add(['child'], 'high', '未成年が帰ってこない → child, high');
  }
  if (T.has('gap')) {
    R.add(['other'], undefined, `${quote(firstOf('gap')!.phrase)}（制度の狭間）→ other`);
    for (const c of ['disability', 'poverty', 'health', 'employment'] as Category[]) R.remove(c);
  }

  // ---- cry for help, service questions, low --------------------------------------------------
  const needCats = [...R.cats.keys()].filter((k) => k !== 'foreign' && k !== 'other');
  if (T.has('cry') && needCats.length === 0) R.add(['other'], 'high', `${quote(firstOf('cry')!.phrase)}（助けを求める声）→ other, high`);
  for (const h of live.filter((x) => tagsOf(x.cue).some((t) => t === 'greeting' || t === 'thanks' || t === 'serviceQ'))) {
    if (needCats.length === 0) R.add(['other'], undefined, `${quote(h.phrase)}（あいさつ・お礼・サービスへの質問）→ other`);
  }
  // a minor writing about their own difficulty with no other field: the child's own situation (README: Minors)
  if (T.has('minor') && needCats.length === 0 && !T.has('greeting') && !T.has('serviceQ') && DIFFICULTY_RE.test(norm)) {
    R.add(['child'], undefined, '未成年の本人の困りごと → child');
    needCats.push('child');
  }
  if (needCats.length > 0) R.remove('other');
  if (R.cats.size === 0 || (R.cats.size === 1 && R.has('foreign') && lang.nonStandardJapanese)) R.add(['other'], undefined, '該当する分野なし → other');

  if (R.urgency === 'normal') {
    // 'other' needs (a crime, a return from prison, the gap between services) describe a difficulty too
    const needHit = live.some((h) => !h.topic && catsOf(h.cue).some((k) => k !== 'foreign' && (k !== 'other' || !tagsOf(h.cue).some((t) => t === 'greeting' || t === 'thanks' || t === 'serviceQ'))) && !tagsOf(h.cue).includes('cry'));
    let rest = norm;
    for (const h of hits.filter((x) => x.dropped || x.topic)) rest = rest.slice(0, h.span.start) + ' '.repeat(h.span.end - h.span.start) + rest.slice(h.span.end);
    rest = rest.replace(NOT_DIFFICULTY_RE, ' ');
    // a question about a service that names a field (住宅の申し込み, 家族会, 居場所) but describes no difficulty is `low`:
    // the category words are its topic, not a need the writer reports
    // (one sentence, a question, no report of what has happened or is going on)
    const sentences = norm.split(/[。！？!?\n]/).filter((x) => x.trim());
    const question = japanese && sentences.length === 1 && QUESTION_RE.test(norm) && !/(ています|ている|てる|てて|ました|でした|られ|され)(?!か|ますか|るか)/.test(norm);
    const difficulty = ((needHit || R.needRule) && !(question && !R.needRule && !DIFFICULTY_RE.test(rest))) || (japanese && DIFFICULTY_RE.test(rest)) || T.has('cry');
    if (!difficulty) {
      R.urgency = 'low';
      R.reasons.push('困りごとの記述がない質問・あいさつ → low');
    }
  }

  // an independent second look for danger to life (./safety-net.ts): may raise, never lowers
  const net = R.urgency === 'emergency' ? null : safetyNet({ norm, tokens, japanese }, c.tokenizer);
  if (net) (R.add(net.categories, net.urgency, net.reason), R.remove('other'));
  // once an ambulance or the police have taken over, staff act today but it is not a 119 moment
  if (R.urgency === 'emergency' && handledByEmergencyServices(norm) && !(net && net.urgency === 'emergency')) {
    R.urgency = 'high';
    R.reasons.push('救急・警察が対応済み → high');
  }

  const categories = order(R, lang, T);
  const reporter = detectReporter(norm, lang, categories, T, R.urgency, crisisFirst.length > 0 || T.has('act') || (R.has('suicide') && !crisisRelayed.length && !endingRelayed.length && !noReply && !T.has('relayHint')));
  R.reasons.push(`報告者: ${reporter.who}（${reporter.why}）`);
  const dropped = [...new Set(hits.filter((h) => h.dropped).flatMap((h) => tagsOf(h.cue)))];
  // the tags that still hold after every check (some are set aside after T was taken: an everyday place, the end of a series)
  const held = [...new Set(hits.filter((h) => !h.dropped).flatMap((h) => tagsOf(h.cue)))];
  return { triage: { categories, urgency: R.urgency, reporter: reporter.who, reasons: R.reasons }, norm, lang: lang.lang, tokens, tags: held, dropped };
}

function order(R: Result, lang: LanguageInfo, T: Set<Tag>): Category[] {
  const cats = [...R.cats.keys()];
  const rank = (c: Category): number => {
    if (c === 'foreign' && !lang.nonStandardJapanese && !R.has('abuse') && !R.has('dv') && !R.has('suicide')) return 3;
    // a feared harm: the carer's own need leads (child, abuse)
    if (c === 'abuse' && T.has('fearHarm') && !T.has('abuseExplicit') && !T.has('neglect')) return 50;
    return SALIENCE.indexOf(c);
  };
  return cats.sort((a, b) => rank(a) - rank(b) || (R.cats.get(a)! - R.cats.get(b)!));
}

function detectReporter(norm: string, lang: LanguageInfo, cats: Category[], T: Set<Tag>, urgency: Urgency, firstPersonCrisis: boolean): { who: Reporter; why: string } {
  if (lang.nonStandardJapanese && lang.lang !== 'easy-ja') {
    if (firstPersonCrisis || /\b(we|our|us)\b/.test(norm)) return { who: 'self', why: 'first person' };
    if (FOREIGN_NEIGHBOUR_RE.test(norm)) return { who: 'neighbour', why: 'friend / neighbour' };
    if (FOREIGN_FAMILY_RE.test(norm) && !cats.includes('dv')) return { who: 'family', why: 'a relative' };
    if (FOREIGN_SELF_RE.test(norm)) return { who: 'self', why: 'first person' };
    return { who: 'unknown', why: 'no clue' };
  }
  const pro = norm.match(PROFESSIONAL_RE) ?? norm.match(PROFESSIONAL_CONTEXT_RE);
  if (pro) return { who: 'professional', why: quote(pro[0]) };
  const nb = norm.match(NEIGHBOUR_RE);
  const kin0 = norm.match(KIN_RE);
  // 「一人暮らしの父と連絡が取れない…お隣の方に見てもらったら」: the relative named first is the subject
  if (nb && !(kin0 && kin0.index! < nb.index! && /^(父|母|祖父|祖母|夫|妻|息子|娘|兄|姉|弟|妹)/.test(kin0[0]) && kin0.index! < 20)) return { who: 'neighbour', why: quote(nb[0]) };
  // the writer's own crisis (死にたい, 薬を飲んだ) or own caring burden
  if (firstPersonCrisis) return { who: 'self', why: '本人の危機' };
  // 「わたくしは七十八になる独り者です」: a self-introduction in the first sentence
  const first = norm.split(/[。！？!?\n]/)[0];
  if (/(私|わたし|わたくし|僕|ぼく|俺|おれ|あたし)(は|、)[^。]{0,20}(歳|才|になる|独り|一人暮らし|ひとり暮らし|一人で暮らし)/.test(first) && !KIN_RE.test(first)) return { who: 'self', why: '自己紹介' };
  const top = cats[0];
  // 「弟が職員にたたかれてる」: the passive belongs to a relative named as the subject
  const kinSubject = norm.match(/(弟|妹|兄|姉|息子|娘|母|父|祖母|祖父|孫|夫|妻|うちの子|上の子|下の子)(さん|くん|ちゃん)?([(（][^)）]{0,4}[)）])?(が|は)/);
  if (T.has('towardMe') && !T.has('bothParents') && !(kinSubject && !/(私|わたし|あたし|僕|ぼく|俺)(が|は|を|に)/.test(norm) && !T.has('minor'))) return { who: 'self', why: '本人への暴力' };
  if (T.has('minor') && !T.has('bothParents')) return { who: 'self', why: '未成年の本人' };
  if (cats.includes('dv') && !T.has('bothParents') && (T.has('partner') || T.has('exPartner') || T.has('stalking'))) return { who: 'self', why: '配偶者・交際相手からの被害' };
  // the carer is the writer, unless a relative is named as the one caring (母が父を介護していて)
  const kinCarer = /(母|父|祖母|祖父|妻|夫|姉|兄|弟|妹|義母|義父)(親)?([(（][0-9]+[)）])?(が|は)[^。！？\n]{0,16}(?<!要)(介護|世話|面倒を見)(を|して|し|で|に)/.test(norm) && !/(私|わたし|自分|僕|俺)(が|も|は|の)/.test(norm);
  if ((top === 'carer' || T.has('doubleCare') || T.has('youngCarer')) && !kinCarer) return { who: 'self', why: '介護・ケアをする本人' };
  if (cats.includes('8050') && !/(息子|娘|兄|姉|弟|妹)/.test(norm)) return { who: 'self', why: '8050の子ども本人' };
  if (cats.includes('abuse') && T.has('fearHarm')) return { who: 'self', why: '育児・介護をする本人' };
  // a relative named only as someone lost (主人を亡くして, 妻に先立たれ) or as the writer's only company is not the subject
  const kin = [...norm.matchAll(new RegExp(KIN_RE.source, 'g'))].find((m) => !/^[^。！？\n]{0,4}(亡くし|亡くなっ|なくなっ|先立たれ|死別|しかいな|しかおら|おりません|いません|いない|おらん)/.test(norm.slice(m.index! + m[0].length - 1, m.index! + m[0].length + 8)) && !/^(主人|夫|妻|家内)(を|に)/.test(m[0]));
  if (kin) return { who: 'family', why: quote(kin[0]) };
  const me = norm.match(SELF_RE);
  if (me) return { who: 'self', why: quote(me[0]) };
  if (urgency !== 'low') return { who: 'self', why: '他の人への言及がない困りごと' };
  return { who: 'unknown', why: '手がかりなし' };
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
  };
  return { rules, seen };
}

export interface Classifier {
  /** Rules, safety net and (when loaded) the learned model. */
  classify(text: string): Triage;
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
    const features = featuresOf(seen, rules);
    return blend(rules, predict(model, features), model.model.thresholds, crisisSetAside(features));
  };
  return {
    classify,
    classifyConversation: (texts: string[]) => combine(texts.filter((t) => t.trim().length > 0).map(classify)),
    read: (text: string) => {
      const { rules, seen } = readMessage(compiled, text);
      return { rules, features: featuresOf(seen, rules), seen };
    },
    engine: engineName(model?.version ?? null),
    model,
  };
}
