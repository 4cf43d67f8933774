/**
 * The first stage: every cue in the text (phrases on lemmas and readings, regular expressions,
 * other languages), each checked in its context — negated, hyperbole, past and resolved, a topic
 * named only, someone else's words relayed, a feared harm, a child's own behaviour — and marked
 * `dropped` when it does not count. Later stages read the hits that hold.
 */
import { type Tag } from '../lexicon';
import { buildView, findPhrases, findRegexes } from '../match';
import { childhoodPast, conditional, goNotLive, hyperbole, mediaTopic, negation, pastResolved, pastTime, relayed, sentenceOf } from '../negation';
import type { Token } from '../tokenize';
import type { Compiled } from './compile';
import { catsOf, CRISIS_TAGS, tagsOf, type Hit } from './hit';

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

export function findHits(c: Compiled, norm: string, tokens: Token[], japanese: boolean): Hit[] {
  const hits: Hit[] = [];
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
    if (!h.dropped && tagsOf(h.cue).includes('ideation') && goNotLive(norm, h.span)) {
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
  return hits;
}
