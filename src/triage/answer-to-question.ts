/**
 * A message that only answers the bot's pending question — 「自分のことです」 to "whose worry is
 * it?", 「はい」 to a consent question — says nothing new about danger. Short and without a topic,
 * it gets what is close to the learned model's prior (0.25 for 「自分のことです」 with engine
 * 2d956fc883bf, over the `check` threshold 0.088), and most people answering in words would be
 * asked the safety question. So such a message's own `check` band becomes `clear`, with a reason.
 * Nothing else changes: the rules' reading, its urgency, and a `crisis` band stand (the model may
 * never lower a crisis), and only bare answers count: 「母が倒れた」 at the same question is not one.
 */
import type { DialogueStep, Triage } from '../db/schema';
import { SUBJECT_WORDS } from '../dialogue/understand';

const WHO = Object.values(SUBJECT_WORDS).flat().join('|');
const BARE_SUBJECT = new RegExp(
  `^(?:(?:${WHO})(?:の(?:こと|件))?(?:です|でした|について(?:です)?|で(?:す)?)?|myself|me|about me|my (?:family|mother|father|son|daughter|friend|neighbou?r)|(?:a )?family(?: member)?|(?:a )?neighbou?r|(?:a )?friend)[。.!！]*$`,
);
const BARE_CONSENT =
  /^(?:はい|いいえ|あとで|後で|後ほど|お願いします|おねがいします|大丈夫です|だいじょうぶです|結構です|けっこうです|いいです|かまいません|構いません|ok|okay|yes|no|later|not now)(?:です)?(?:[、,]?\s*(?:お願いします|おねがいします|please))?[。.!！]*$/;

const ANSWERS: Partial<Record<DialogueStep, RegExp>> = {
  askSubject: BARE_SUBJECT,
  askAnonymous: BARE_CONSENT,
  askContact: BARE_CONSENT,
  askShare: BARE_CONSENT,
};

/** The text is nothing but an answer to the question the bot is waiting on at `step`. */
export function isBareAnswer(step: DialogueStep | undefined, text: string): boolean {
  const re = step ? ANSWERS[step] : undefined;
  return Boolean(re?.test(text.normalize('NFKC').trim().toLowerCase()));
}

/** This message's own result, its `check` band cleared when it only answers the bot's question. */
export function settleAnswer(own: Triage, step: DialogueStep | undefined, text: string): Triage {
  if (own.risk?.band !== 'check' || !isBareAnswer(step, text)) return own;
  return { ...own, risk: { ...own.risk, band: 'clear' }, reasons: [...own.reasons, 'ボットの質問への答えだけの書き込み → 確認レーン（check）には入れない'] };
}
