/**
 * The front-door conversation as an explicit state machine: one pure function from (state,
 * message, facts) to (next state, bot replies, effects to record). Never a dead end, never a
 * refusal. The worker (workers/dialogue.ts) stores the effects.
 *
 *   start ─ack─> askSubject ─self──────────────────> askContact ─> askShare ─> done
 *                          └family/neighbour─> askAnonymous ─┘
 *
 * - Triage found a family member or neighbour writing → "about whom?" is skipped.
 * - A free-text answer is understood, or the question is asked again with its buttons (twice at
 *   most; then the bot leaves it to staff), so the buttons never vanish leaving the person stuck.
 * - Triage unsure (risk band `check`) → the safety question, once a day, before any other
 *   question, which is asked after it (`resume`). はい/わからない: the worker raises the crisis.
 * - In any state: 「匿名で」「私だと言わないで」 → anonymous, always confirmed; 「同意を取り消したい」
 *   → which consent? (contact, sharing, both) → confirmed, with how to go on.
 * - Staff engaged, or an emergency → the bot asks nothing (the safety reply and staff speak);
 *   tapped answers are still recorded.
 */
import type { DialogueState, DialogueStep } from '../db/schema';
import type { RiskBand } from '../contracts';
import { textsFor, type Catalogue, type Lang } from './texts';
import {
  asksForAnonymity,
  asksToWithdrawConsent,
  understandAnswer,
  understandSafety,
  understandSubject,
  understandWithdrawChoice,
  type Answer,
  type SafetyAnswer,
  type Subject,
  type WithdrawChoice,
} from './understand';
import { parsePostback, questionFor, type BotReply, type ConsentScope, type Postback } from './questions';

export { labelForPostback, postbackData, type BotReply } from './questions';

export type Effect =
  | { type: 'subject'; subject: Subject }
  | { type: 'anonymous' }
  | { type: 'consent'; scope: ConsentScope; answer: Answer }
  | { type: 'withdraw'; scopes: ConsentScope[] }
  | { type: 'safetyAsked' }
  | { type: 'safetyAnswer'; answer: SafetyAnswer };

export interface TurnInput {
  state: DialogueState | null;
  message: { text: string; postback?: string };
  lang: Lang;
  urgency: 'emergency' | 'high' | 'normal' | 'low';
  /** Who triage thinks is writing; a confident answer skips the question. */
  reporter: 'self' | 'family' | 'neighbour' | 'professional' | 'unknown';
  /** Triage's risk band (`clear` when triage gave none). */
  risk: RiskBand;
  /** The safety question was already asked on this local day. */
  safetyAskedToday: boolean;
  anonymous: boolean;
  staffEngaged: boolean;
  staffed: boolean;
  /** When a person will answer next (already worded for `lang`), outside staffed hours. */
  nextStaffed: string | null;
  /** Hotlines to show outside staffed hours (already formatted). */
  afterHoursHotlines: string | null;
  /** The desk's weekly hours in words, for `lang`. */
  staffedHours: string;
}

export interface TurnOutput {
  state: DialogueState;
  replies: BotReply[];
  effects: Effect[];
}

/** A question not understood is asked again at most this many times. */
export const MAX_REASKS = 2;

const WITHDRAW_SCOPES: Record<Exclude<WithdrawChoice, 'keep'>, ConsentScope[]> = { contact: ['contact'], share: ['share'], both: ['contact', 'share'] };
const isOneOf = <T extends string>(v: string | undefined, all: readonly T[]): v is T => all.includes(v as T);

function withdrawConfirmation(t: Catalogue, choice: WithdrawChoice): string {
  return { contact: t.withdrawnContact, share: t.withdrawnShare, both: t.withdrawnBoth, keep: t.withdrawKept }[choice];
}

/** A tapped answer is recorded whatever the step (a late tap still counts). */
function tapEffects(pb: Postback | null, anonymous: boolean): Effect[] {
  if (pb?.kind === 'subject' && isOneOf(pb.a, ['self', 'family', 'neighbour'] as const)) return [{ type: 'subject', subject: pb.a }];
  if (pb?.kind === 'anonymous' && pb.a === 'yes' && !anonymous) return [{ type: 'anonymous' }];
  if (pb?.kind === 'consent' && isOneOf(pb.a, ['contact', 'share'] as const) && isOneOf(pb.b, ['yes', 'no', 'later'] as const)) {
    return [{ type: 'consent', scope: pb.a, answer: pb.b }];
  }
  return [];
}

export function step(input: TurnInput): TurnOutput {
  const t = textsFor(input.lang);
  const effects: Effect[] = [];
  const replies: BotReply[] = [];
  const say = (r: BotReply | null) => r && replies.push(r);
  const ask = (s: DialogueStep) => say(questionFor(s, t));
  const state: DialogueState = input.state ?? { step: 'start' };
  const current = state.step;
  const pb = parsePostback(input.message.postback);
  const text = input.message.text;
  const quiet = input.staffEngaged || input.urgency === 'emergency';
  const out = (next: DialogueState): TurnOutput => ({ state: next, replies, effects });

  // Understood in any state, quiet or not: the person's control over consent and anonymity.
  const withdrawChoice: WithdrawChoice | null =
    pb?.kind === 'withdraw' ? (isOneOf(pb.a, ['contact', 'share', 'both', 'keep'] as const) ? pb.a : null) : !pb && current === 'askWithdraw' ? understandWithdrawChoice(text) : null;
  if (withdrawChoice) {
    if (withdrawChoice !== 'keep') effects.push({ type: 'withdraw', scopes: WITHDRAW_SCOPES[withdrawChoice] });
    say({ text: withdrawConfirmation(t, withdrawChoice) });
    if (current !== 'askWithdraw') return out(state); // a late tap: the open question stays as it is
    // After a withdrawal the bot does not go on asking for consent.
    const next = state.resume === 'askContact' || state.resume === 'askShare' || !state.resume ? 'done' : state.resume;
    if (!quiet) ask(next);
    return out({ step: next });
  }
  if (!pb && asksToWithdrawConsent(text)) {
    if (current === 'start') say({ text: t.ack });
    ask('askWithdraw');
    return out({ step: 'askWithdraw', resume: current === 'askWithdraw' ? state.resume : current === 'start' ? 'done' : current });
  }
  let anonymous = input.anonymous;
  const asksAnonymity = !pb && asksForAnonymity(text);
  if (asksAnonymity) {
    if (!anonymous) effects.push({ type: 'anonymous' });
    anonymous = true;
    // Always confirmed; at the start after the acknowledgement, at the anonymity question as its answer.
    if (quiet || (current !== 'start' && current !== 'askAnonymous')) say({ text: t.anonymousConfirmed });
  }

  const safetyAnswer: SafetyAnswer | null =
    pb?.kind === 'safety' ? (isOneOf(pb.a, ['yes', 'no', 'unsure'] as const) ? pb.a : null) : !pb && current === 'askSafety' ? understandSafety(text) : null;
  if (safetyAnswer) {
    effects.push({ type: 'safetyAnswer', answer: safetyAnswer });
    const next = current === 'askSafety' ? (state.resume ?? 'done') : current;
    // はい / わからない: the worker raises the crisis; its safety reply speaks, the bot asks nothing.
    if (safetyAnswer !== 'no') return out({ step: next });
    say({ text: t.safetyNoThanks });
    if (current === 'askSafety' && !quiet) ask(next);
    return out({ step: next });
  }

  if (quiet) {
    effects.push(...tapEffects(pb, anonymous));
    return out(current === 'start' ? { step: 'done' } : state);
  }

  // Triage is unsure: the safety question comes before any other question (asked once a day).
  const askSafety = input.risk === 'check' && !input.safetyAskedToday && current !== 'askSafety' && current !== 'askWithdraw';
  const wait = (next: DialogueStep): TurnOutput => {
    if (!askSafety) return out({ step: next });
    // The question this turn would ask waits until the safety question is answered.
    for (let i = replies.length - 1; i >= 0; i--) if (replies[i].buttons) replies.splice(i, 1);
    effects.push({ type: 'safetyAsked' });
    ask('askSafety');
    return out({ step: 'askSafety', resume: next });
  };
  const notUnderstood = (): TurnOutput => {
    if (pb || askSafety) {
      effects.push(...tapEffects(pb, anonymous));
      return wait(current);
    }
    const reasked = state.reasked ?? 0;
    if (reasked >= MAX_REASKS) {
      say({ text: t.leaveToStaff });
      return out({ step: 'done' });
    }
    say({ text: t.reaskIntro });
    ask(current);
    return out({ ...state, reasked: reasked + 1 });
  };
  const afterSubject = (subject: Subject): DialogueStep => (subject !== 'self' && !anonymous ? 'askAnonymous' : 'askContact');

  switch (current) {
    case 'start': {
      say({ text: t.ackWithHours ? `${t.ack}\n${t.staffedHoursLine(input.staffedHours)}` : t.ack });
      if (asksAnonymity) say({ text: t.anonymousConfirmed });
      if (!input.staffed) say({ text: [t.afterHours(input.nextStaffed), input.afterHoursHotlines].filter(Boolean).join('\n') });
      // Reports about someone else need explicit words (母が…, 隣の…); only those skip the question.
      const known = input.reporter === 'family' || input.reporter === 'neighbour' ? input.reporter : null;
      if (!known) {
        ask('askSubject');
        return wait('askSubject');
      }
      effects.push({ type: 'subject', subject: known });
      ask(afterSubject(known));
      return wait(afterSubject(known));
    }
    case 'askSubject': {
      const subject = pb?.kind === 'subject' ? (isOneOf(pb.a, ['self', 'family', 'neighbour'] as const) ? pb.a : null) : understandSubject(text);
      if (!subject) return notUnderstood();
      effects.push({ type: 'subject', subject });
      ask(afterSubject(subject));
      return wait(afterSubject(subject));
    }
    case 'askAnonymous': {
      const a = pb ? (pb.kind === 'anonymous' ? (pb.a === 'yes' ? 'yes' : 'no') : null) : asksAnonymity ? 'yes' : understandAnswer(text);
      if (a !== 'yes' && a !== 'no') return notUnderstood();
      if (a === 'yes') {
        if (!input.anonymous && !effects.some((e) => e.type === 'anonymous')) effects.push({ type: 'anonymous' });
        say({ text: t.anonymousConfirmed });
      }
      ask('askContact');
      return wait('askContact');
    }
    case 'askContact':
    case 'askShare': {
      const scope = current === 'askContact' ? 'contact' : 'share';
      const tapped = tapEffects(pb, anonymous)[0];
      const answer = tapped?.type === 'consent' && tapped.scope === scope ? tapped.answer : pb ? null : understandAnswer(text);
      if (!answer) return notUnderstood(); // a tap on an older question's button is recorded there
      effects.push({ type: 'consent', scope, answer });
      if (scope === 'share') {
        say({ text: t.handover });
        return wait('done');
      }
      ask('askShare');
      return wait('askShare');
    }
    case 'askSafety':
      // Not understood: the safety question is not asked twice; the question it held back is.
      effects.push(...tapEffects(pb, anonymous));
      ask(state.resume ?? 'done');
      return out({ step: state.resume ?? 'done' });
    case 'askWithdraw':
      return notUnderstood();
    case 'done':
      effects.push(...tapEffects(pb, anonymous));
      return wait('done');
  }
}
