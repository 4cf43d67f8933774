/**
 * The immediate answer to a message that signals danger to life, in the person's language,
 * whatever the hour. It fits who is writing: the person in trouble gets care, the hotlines for
 * them, and options that need no call when a call may not be safe (danger at home); someone
 * worried about another person gets how to ask 110/119 for a welfare check (安否確認). It says
 * truthfully what happens now: staff were told, the on-call staff are being told (the escalation
 * job sends the notice alongside this reply, and retries while the target refuses), or nobody can read
 * it until the desk opens and the person should call now. Only hotlines open at that hour are
 * listed (119/110 always).
 */
import type { Channel, DutyState, Reporter, Subject } from '../contracts';
import { DEFAULT_MAX_HOTLINES, formatHotlines, selectHotlines, type Municipality, type Writer } from '../municipality';
import type { Lang } from '../dialogue/texts';
import { safetyTextsFor } from './safety-texts';

export interface SafetyReplyInput {
  lang: Lang;
  categories: readonly string[];
  writer: Writer;
  channel: Channel;
  duty: DutyState;
  /** When the desk next opens, worded for `lang` (read when duty is `nobody`, and when unreached). */
  nextStaffed: string | null;
  /**
   * The later message when every on-call target refused the notice (src/safety/tell-unreached.ts):
   * no opening (the first reply had it), the on-call staff not reached, nobody can read it now.
   */
  unreached?: boolean;
  at: Date;
}

/** Who is writing: what the person told the bot first, else what triage read from their words. */
export function writerOf(c: { subject: Subject | null; triage: { reporter: Reporter } | null }): Writer {
  if (c.subject) return c.subject === 'self' ? 'self' : 'others';
  const r = c.triage?.reporter;
  return r === 'family' || r === 'neighbour' || r === 'professional' ? 'others' : 'self';
}

/** Danger at home (a partner, a parent): calling may be overheard. */
const UNSAFE_TO_CALL = ['dv', 'abuse'];

/** The person writes about danger at home: a call, or a message arriving later, may be seen or overheard. */
export const dangerAtHome = (writer: Writer, categories: readonly string[]): boolean => writer === 'self' && categories.some((c) => UNSAFE_TO_CALL.includes(c));

export function safetyReplyText(m: Municipality, input: SafetyReplyInput): string {
  const t = safetyTextsFor(input.lang);
  const unsafeToCall = dangerAtHome(input.writer, input.categories);
  // One more line when a call may be unsafe: the lines one can write to come first, the usual ones still follow.
  const max = unsafeToCall ? DEFAULT_MAX_HOTLINES + 1 : DEFAULT_MAX_HOTLINES;
  const hotlines = selectHotlines(m, { categories: input.categories, lang: input.lang, max, at: input.at, writer: input.writer, preferChat: unsafeToCall });
  const duty = input.unreached
    ? `${t.onCallUnreached}${t.join}${t.dutyNobody(input.nextStaffed)}`
    : input.duty === 'staff'
      ? t.dutyStaff
      : input.duty === 'on_call'
        ? t.dutyOnCall
        : t.dutyNobody(input.nextStaffed);
  let act: string;
  if (input.writer === 'others') act = t.actOthers;
  else if (unsafeToCall) act = [t.actUnsafeToCall(hotlines.some((h) => h.chat)), input.channel === 'widget' ? t.quickExit : ''].filter(Boolean).join(t.join);
  else act = input.duty === 'staff' && !input.unreached ? t.actSelf : t.actNow;
  const open = input.unreached ? '' : input.writer === 'others' ? t.openOthers : t.openSelf;
  const intro = input.writer === 'others' ? t.hotlinesIntroOthers : t.hotlinesIntroSelf;
  return `${[open, duty].filter(Boolean).join(t.join)}\n${act}\n\n${intro}\n${formatHotlines(hotlines, input.lang)}`;
}
