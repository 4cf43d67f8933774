/**
 * The front-door conversation as an explicit state machine: one pure function from (state,
 * message, facts) to (next state, bot replies, effects to record). Never a dead end, never a
 * refusal: an answer the bot does not understand is simply part of the person's story, and the
 * question stays open with its buttons. The worker (workers/dialogue.ts) stores the effects.
 *
 *   start ─ack─> askSubject ─self──────────────────> askContact ─> askShare ─> done
 *                          └family/neighbour─> askAnonymous ─┘
 *   (triage found a family member or neighbour writing → the question is skipped; staff engaged → silent;
 *    emergency → the safety reply speaks, the bot asks nothing; 「同意を取り消したい」 anywhere)
 */
import type { Button, DialogueState } from '../db/schema';
import { textsFor, type Catalogue, type Lang } from './texts';
import { asksForAnonymity, asksToWithdrawConsent, understandAnswer, understandSubject, type Answer, type Subject } from './understand';

export type Effect =
  | { type: 'subject'; subject: Subject }
  | { type: 'anonymous' }
  | { type: 'consent'; scope: 'contact' | 'share'; answer: Answer }
  | { type: 'withdraw' };

export interface BotReply {
  text: string;
  buttons?: Button[];
}

export interface TurnInput {
  state: DialogueState | null;
  message: { text: string; postback?: string };
  lang: Lang;
  urgency: 'emergency' | 'high' | 'normal' | 'low';
  /** Who triage thinks is writing; a confident answer skips the question. */
  reporter: 'self' | 'family' | 'neighbour' | 'professional' | 'unknown';
  anonymous: boolean;
  staffEngaged: boolean;
  staffed: boolean;
  /** When a person will answer next (already worded for `lang`), outside staffed hours. */
  nextStaffed: string | null;
  /** Hotlines to show outside staffed hours (already formatted). */
  afterHoursHotlines: string | null;
}

export interface TurnOutput {
  state: DialogueState;
  replies: BotReply[];
  effects: Effect[];
}

export const postbackData = {
  subject: (s: Subject) => `subject:${s}`,
  anonymous: (yes: boolean) => `anonymous:${yes ? 'yes' : 'no'}`,
  consent: (scope: 'contact' | 'share', a: Answer) => `consent:${scope}:${a}`,
};

function parsePostback(data: string | undefined) {
  const m = /^(subject|anonymous|consent):([a-z]+)(?::([a-z]+))?$/.exec(data ?? '');
  if (!m) return null;
  return { kind: m[1], a: m[2], b: m[3] };
}

const subjectButtons = (t: Catalogue): Button[] => [
  { label: t.subjectSelf, data: postbackData.subject('self') },
  { label: t.subjectFamily, data: postbackData.subject('family') },
  { label: t.subjectNeighbour, data: postbackData.subject('neighbour') },
];
const answerButtons = (t: Catalogue, scope: 'contact' | 'share'): Button[] => [
  { label: t.yes, data: postbackData.consent(scope, 'yes') },
  { label: t.no, data: postbackData.consent(scope, 'no') },
  { label: t.later, data: postbackData.consent(scope, 'later') },
];
const anonymousButtons = (t: Catalogue): Button[] => [
  { label: t.anonymousYes, data: postbackData.anonymous(true) },
  { label: t.anonymousNo, data: postbackData.anonymous(false) },
];

/** The label a postback stands for, in the person's language (what staff see they chose). */
export function labelForPostback(data: string, lang: Lang): string | null {
  const t = textsFor(lang);
  const all = [...subjectButtons(t), ...anonymousButtons(t), ...answerButtons(t, 'contact'), ...answerButtons(t, 'share')];
  return all.find((b) => b.data === data)?.label ?? null;
}

export function step(input: TurnInput): TurnOutput {
  const t = textsFor(input.lang);
  const effects: Effect[] = [];
  const replies: BotReply[] = [];
  let current = input.state?.step ?? 'start';
  const pb = parsePostback(input.message.postback);
  const text = input.message.text;
  let anonymous = input.anonymous;
  const say = (r: BotReply) => replies.push(r);

  if (!pb && asksToWithdrawConsent(text)) {
    effects.push({ type: 'withdraw' });
    if (!input.staffEngaged) say({ text: t.withdrawn });
    return { state: { step: current === 'start' ? 'done' : current }, replies, effects };
  }
  if (!anonymous && !pb && asksForAnonymity(text)) {
    effects.push({ type: 'anonymous' });
    anonymous = true;
  }

  const askAfterSubject = (subject: Subject) => {
    if (subject !== 'self' && !anonymous) {
      say({ text: t.askAnonymous, buttons: anonymousButtons(t) });
      return 'askAnonymous' as const;
    }
    say({ text: t.askContact, buttons: answerButtons(t, 'contact') });
    return 'askContact' as const;
  };

  // Answers carried by a button are recorded whatever the step (a late tap still counts).
  const answer: Answer | null = pb?.kind === 'consent' && ['yes', 'no', 'later'].includes(pb.b ?? '') ? (pb.b as Answer) : null;
  const quiet = input.staffEngaged || input.urgency === 'emergency';

  if (quiet) {
    if (pb?.kind === 'subject') effects.push({ type: 'subject', subject: pb.a as Subject });
    if (pb?.kind === 'anonymous' && pb.a === 'yes' && !anonymous) effects.push({ type: 'anonymous' });
    if (pb?.kind === 'consent' && answer) effects.push({ type: 'consent', scope: pb.a as 'contact' | 'share', answer });
    // In a crisis the safety reply speaks; the bot asks nothing more, staff take over.
    return { state: { step: current === 'start' ? 'done' : current }, replies: [], effects };
  }

  switch (current) {
    case 'start': {
      say({ text: t.ack });
      if (!input.staffed) say({ text: [t.afterHours(input.nextStaffed), input.afterHoursHotlines].filter(Boolean).join('\n') });
      // Reports about someone else need explicit words (母が…, 隣の…); only those skip the question.
      const known = input.reporter === 'family' || input.reporter === 'neighbour' ? input.reporter : null;
      if (known) {
        effects.push({ type: 'subject', subject: known });
        current = askAfterSubject(known);
      } else {
        say({ text: t.askSubject, buttons: subjectButtons(t) });
        current = 'askSubject';
      }
      break;
    }
    case 'askSubject': {
      const subject = pb?.kind === 'subject' ? (pb.a as Subject) : understandSubject(text);
      if (!subject) break;
      effects.push({ type: 'subject', subject });
      current = askAfterSubject(subject);
      break;
    }
    case 'askAnonymous': {
      const yes = pb?.kind === 'anonymous' ? pb.a === 'yes' : anonymous ? true : (() => {
        const a = understandAnswer(text);
        return a === 'yes' ? true : a === 'no' ? false : null;
      })();
      if (yes === null) break;
      if (yes) {
        if (!input.anonymous && !effects.some((e) => e.type === 'anonymous')) effects.push({ type: 'anonymous' });
        say({ text: t.anonymousConfirmed });
      }
      say({ text: t.askContact, buttons: answerButtons(t, 'contact') });
      current = 'askContact';
      break;
    }
    case 'askContact':
    case 'askShare': {
      const scope = current === 'askContact' ? 'contact' : 'share';
      const a = pb?.kind === 'consent' ? (pb.a === scope ? answer : null) : understandAnswer(text);
      if (pb?.kind === 'consent' && pb.a !== scope && answer) {
        // A tap on an older question's button: record it, keep the current question open.
        effects.push({ type: 'consent', scope: pb.a as 'contact' | 'share', answer });
        break;
      }
      if (!a) break;
      effects.push({ type: 'consent', scope, answer: a });
      if (scope === 'contact') {
        say({ text: t.askShare, buttons: answerButtons(t, 'share') });
        current = 'askShare';
      } else {
        say({ text: t.handover });
        current = 'done';
      }
      break;
    }
    case 'done':
      break;
  }
  return { state: { step: current }, replies, effects };
}
