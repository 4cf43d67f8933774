/**
 * A message whose triage fails every time ("poison": something in it makes the analysis or the
 * recording throw, whatever the attempt) must not vanish from view: after TRIAGE_FAILED_ROUNDS
 * rounds (src/intake/sweeper.ts) it is no longer queued but handed to staff. The rules-only
 * safety net reads it first (src/triage/safety-net.ts, in a triage thread; its own failure is
 * caught), so a crisis still gets the hotline reply and the alert; otherwise the message is
 * `high` with a reason that asks a person to read it. The message is marked triage-failed, the
 * dialogue takes it as any triaged message, and the log and the audit trail say which message
 * and the failure's code (never its text).
 */
import type { Context } from '../context';
import type { Triage } from '../db/schema';
import { recordAudit } from '../audit/record';
import { errorCode } from '../errors-for-log';
import { loadMessageForJob } from '../queues/message-job';
import { recordTriage } from '../triage/record-result';
import type { SafetyNetResult } from '../triage/safety-net';

/** What staff read (src/inbox/i18n/en.ts translates it); the code after the arrow is the urgency. */
export const TRIAGE_FAILED_REASON = '自動判定に失敗しました。内容を確認してください → high';
/** Recorded as the run's engine: no rules or model result stands behind it. */
export const TRIAGE_FAILED_ENGINE = 'triage-failed+safety-net';

/** The safety net alone on a text (src/triage/pool.ts). */
export type SafetyCheck = (text: string) => Promise<SafetyNetResult | null>;

export type HandOverOutcome = 'handed' | 'gone';

/**
 * `code`: why the last attempt failed (BullMQ's failed reason, already a code: src/queues/safe-failure.ts).
 * 'gone': the message is gone or was triaged meanwhile.
 */
export async function handOverUntriaged(ctx: Context, safetyCheck: SafetyCheck, messageId: string, code: string, rounds: number): Promise<HandOverOutcome> {
  const row = await loadMessageForJob(ctx.db, messageId, 'in');
  if (!row || row.message.triagedAt) return 'gone';
  const { message } = row;
  // The person's own words are read by the net; a failed message of any kind is shown as needing a look.
  let net: SafetyNetResult | null = null;
  if (message.kind === 'text' && message.text.trim()) {
    try {
      net = await safetyCheck(message.text);
    } catch (err) {
      // the net itself fails on this text: `high` stands, a person reads it
      ctx.log.error({ messageId, err: errorCode(err) }, 'safety net failed on a message whose triage failed');
    }
  }
  const own: Triage = {
    categories: net?.categories.length ? net.categories : ['other'],
    urgency: net?.urgency === 'emergency' ? 'emergency' : 'high',
    reporter: 'unknown',
    reasons: [TRIAGE_FAILED_REASON, ...(net ? [net.reason] : [])],
  };
  const at = new Date();
  const recorded = await recordTriage(ctx, row, own, {
    engine: TRIAGE_FAILED_ENGINE,
    failed: {
      at,
      inTx: (tx) => recordAudit(tx, { agencyId: message.agencyId, actorId: null, action: 'message.triage_failed', subjectType: 'message', subjectId: message.id }),
    },
  });
  if (!recorded) return 'gone';
  ctx.log.error({ messageId, conversationId: message.conversationId, err: code, rounds, urgency: recorded.result?.urgency }, 'triage failed in every round; handed to staff with a conservative triage');
  return 'handed';
}
