/**
 * Where a crisis goes when nobody has the inbox open (and when an alert escalates): the
 * municipality file's `escalation.webhookUrl` (the on-call phone/paging service) and/or
 * `escalation.email` sent through SMTP_URL. Without a usable one, a crisis at night reaches no
 * one: `npm start` says so loudly and /readyz reports `degraded`.
 */
import type { Config } from '../config';
import type { Municipality } from '../municipality';

export interface EscalationTargets {
  webhook: boolean;
  /** E-mail addresses are listed and SMTP_URL is set. */
  email: boolean;
  /** At least one target can be reached. */
  usable: boolean;
  /** What is wrong, one line each, for the start log and the README's words. */
  problems: string[];
}

export function escalationTargets(m: Municipality, config: Pick<Config, 'SMTP_URL'>): EscalationTargets {
  const webhook = Boolean(m.escalation.webhookUrl);
  const email = m.escalation.email.length > 0 && Boolean(config.SMTP_URL);
  const problems: string[] = [];
  if (m.escalation.email.length > 0 && !config.SMTP_URL) problems.push('escalation.email is set but SMTP_URL is not: no e-mail can be sent');
  if (!webhook && !email) {
    problems.push(
      'no out-of-hours escalation target: with nobody signed in to the inbox a crisis alert reaches no one. Set escalation.webhookUrl (the on-call phone/paging service) and/or escalation.email with SMTP_URL in the municipality file',
    );
  }
  if ((webhook || email) && m.escalation.onCall.length === 0) {
    problems.push('escalation.onCall lists no roster: with nobody signed in, people in crisis are told that no one can read their message until the desk opens');
  }
  return { webhook, email, usable: webhook || email, problems };
}

/** The banner `npm start` prints to the terminal when no target is usable (null when one is). */
export function missingTargetBanner(targets: EscalationTargets, municipalityFile: string): string | null {
  if (targets.usable) return null;
  const line = '!'.repeat(78);
  return [
    line,
    '!! 時間外の通知先がありません / NO OUT-OF-HOURS ESCALATION TARGET',
    '!! 受信箱を開いている職員がいないと、緊急の相談の通知は誰にも届きません。',
    '!! With nobody signed in to the inbox, a crisis alert reaches no one.',
    `!! Set escalation.webhookUrl and/or escalation.email (+ SMTP_URL) in ${municipalityFile}`,
    '!! /readyz reports "degraded" until then.',
    line,
  ].join('\n');
}
