/**
 * The bot's questions and their buttons (LINE quick replies with postbacks, widget choices): one
 * place that says how each waiting step is asked, so the machine, a language switch (the pending
 * question again, in the new language) and the label staff see for a tapped button agree.
 */
import type { Button, DialogueStep } from '../db/schema';
import { textsFor, type Catalogue, type Lang } from './texts';
import type { Answer, SafetyAnswer, Subject, WithdrawChoice } from './understand';

export interface BotReply {
  text: string;
  buttons?: Button[];
}

export type ConsentScope = 'contact' | 'share';

export const postbackData = {
  subject: (s: Subject) => `subject:${s}`,
  anonymous: (yes: boolean) => `anonymous:${yes ? 'yes' : 'no'}`,
  consent: (scope: ConsentScope, a: Answer) => `consent:${scope}:${a}`,
  safety: (a: SafetyAnswer) => `safety:${a}`,
  withdraw: (w: WithdrawChoice) => `withdraw:${w}`,
};

export interface Postback {
  kind: 'subject' | 'anonymous' | 'consent' | 'safety' | 'withdraw';
  a: string;
  b?: string;
}

export function parsePostback(data: string | undefined): Postback | null {
  const m = /^(subject|anonymous|consent|safety|withdraw):([a-z]+)(?::([a-z]+))?$/.exec(data ?? '');
  return m ? { kind: m[1] as Postback['kind'], a: m[2], b: m[3] } : null;
}

const subjectButtons = (t: Catalogue): Button[] => [
  { label: t.subjectSelf, data: postbackData.subject('self') },
  { label: t.subjectFamily, data: postbackData.subject('family') },
  { label: t.subjectNeighbour, data: postbackData.subject('neighbour') },
];
const answerButtons = (t: Catalogue, scope: ConsentScope): Button[] => [
  { label: t.yes, data: postbackData.consent(scope, 'yes') },
  { label: t.no, data: postbackData.consent(scope, 'no') },
  { label: t.later, data: postbackData.consent(scope, 'later') },
];
const anonymousButtons = (t: Catalogue): Button[] => [
  { label: t.anonymousYes, data: postbackData.anonymous(true) },
  { label: t.anonymousNo, data: postbackData.anonymous(false) },
];
const safetyButtons = (t: Catalogue): Button[] => [
  { label: t.safetyYes, data: postbackData.safety('yes') },
  { label: t.safetyNo, data: postbackData.safety('no') },
  { label: t.safetyUnsure, data: postbackData.safety('unsure') },
];
const withdrawButtons = (t: Catalogue): Button[] => [
  { label: t.withdrawContactLabel, data: postbackData.withdraw('contact') },
  { label: t.withdrawShareLabel, data: postbackData.withdraw('share') },
  { label: t.withdrawBothLabel, data: postbackData.withdraw('both') },
  { label: t.withdrawKeepLabel, data: postbackData.withdraw('keep') },
];

/** The steps at which the bot waits for an answer to a question it asked. */
export const QUESTION_STEPS: readonly DialogueStep[] = ['askSubject', 'askAnonymous', 'askContact', 'askShare', 'askSafety', 'askWithdraw'];

/** How the bot asks the question of `step` (null: no question waits at that step). */
export function questionFor(step: DialogueStep, t: Catalogue): BotReply | null {
  switch (step) {
    case 'askSubject':
      return { text: t.askSubject, buttons: subjectButtons(t) };
    case 'askAnonymous':
      return { text: t.askAnonymous, buttons: anonymousButtons(t) };
    case 'askContact':
      return { text: t.askContact, buttons: answerButtons(t, 'contact') };
    case 'askShare':
      return { text: t.askShare, buttons: answerButtons(t, 'share') };
    case 'askSafety':
      return { text: t.askSafety, buttons: safetyButtons(t) };
    case 'askWithdraw':
      return { text: t.askWithdraw, buttons: withdrawButtons(t) };
    default:
      return null;
  }
}

/** The label a postback stands for, in the person's language (what staff see they chose). */
export function labelForPostback(data: string, lang: Lang): string | null {
  const t = textsFor(lang);
  const all = QUESTION_STEPS.flatMap((step) => questionFor(step, t)?.buttons ?? []);
  return all.find((b) => b.data === data)?.label ?? null;
}
