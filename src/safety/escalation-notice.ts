/**
 * What the escalation targets are told about a crisis (webhook body and e-mail): ids, times and
 * who was on duty, never the person's words, name or channel id. `reason` says why now:
 * `nobody_signed_in` (sent at once: nobody had the inbox open) or `unacknowledged` (nobody
 * acknowledged within the municipality's delay).
 */
import nodemailer, { type Transporter } from 'nodemailer';
import { eq } from 'drizzle-orm';
import type { Context } from '../context';
import { alerts } from '../db/schema';
import { onCallAt } from '../municipality';
import { errorCode } from '../errors-for-log';
import { escalationTargets } from './escalation-targets';

type AlertRow = typeof alerts.$inferSelect;

export interface EscalationNotice {
  type: 'crisis_unacknowledged';
  reason: 'nobody_signed_in' | 'unacknowledged';
  alertId: string;
  agencyId: string;
  conversationId: string;
  urgency: string;
  createdAt: string;
  escalatedAt?: string;
  /** Who was on duty when the crisis came in (what the person was told). */
  duty: string | null;
  /** The on-call roster line covering the hour, if any. */
  onCall: string | null;
}

export function escalationNotice(ctx: Context, alert: AlertRow): EscalationNotice {
  return {
    type: 'crisis_unacknowledged',
    reason: alert.duty && alert.duty !== 'staff' ? 'nobody_signed_in' : 'unacknowledged',
    alertId: alert.id,
    agencyId: alert.agencyId,
    conversationId: alert.conversationId,
    urgency: alert.urgency,
    createdAt: alert.createdAt.toISOString(),
    escalatedAt: alert.escalatedAt?.toISOString(),
    duty: alert.duty,
    onCall: onCallAt(ctx.municipality, new Date())?.name ?? null,
  };
}

const transports = new Map<string, Transporter>();
function transportFor(url: string): Transporter {
  let t = transports.get(url);
  if (!t) {
    t = nodemailer.createTransport(url);
    transports.set(url, t);
  }
  return t;
}

function mailText(n: EscalationNotice): string {
  const why =
    n.reason === 'nobody_signed_in'
      ? '受信箱を開いている職員がいないときに、命に関わるおそれのある相談が届きました。\nA message that may signal danger to life arrived while nobody had the inbox open.'
      : '命に関わるおそれのある相談のアラートが、まだ確認されていません。\nA crisis alert has not been acknowledged in time.';
  return [
    why,
    '',
    '受信箱でアラートを確認し、相談者に対応してください（このメールに相談の内容は含まれません）。',
    'Open the inbox, acknowledge the alert and answer the person (this e-mail never contains their words).',
    '',
    `alert: ${n.alertId}`,
    `conversation: ${n.conversationId}`,
    `received: ${n.createdAt}`,
    `on duty then: ${n.duty ?? 'unknown'}`,
    ...(n.onCall ? [`on-call roster: ${n.onCall}`] : []),
  ].join('\n');
}

/** A target that did not accept the notice: a code for the alert, the log and the inbox. */
export interface EscalationRefusal {
  target: 'webhook' | 'email';
  /** `webhook_503`, `webhook_ECONNREFUSED`, `webhook_TimeoutError`, `email_550`: never an address. */
  code: string;
}

/**
 * Sends the notice to `escalation.email` once (recorded on the alert). A refusal is returned,
 * not thrown, so the caller still tries the webhook and records both before the job retries.
 */
export async function emailEscalation(ctx: Context, alert: AlertRow): Promise<EscalationRefusal | null> {
  if (alert.escalationEmailedAt || !escalationTargets(ctx.municipality, ctx.config).email) return null;
  const notice = escalationNotice(ctx, alert);
  try {
    await transportFor(ctx.config.SMTP_URL!).sendMail({
      from: ctx.config.SMTP_FROM,
      to: ctx.municipality.escalation.email,
      subject: `[tsunagu] 緊急の相談・未対応 / Crisis not yet answered (${notice.alertId.slice(0, 8)})`,
      text: mailText(notice),
    });
  } catch (err) {
    // The SMTP server's answer can echo addresses; only the code is kept.
    return { target: 'email', code: `email_${(err as { responseCode?: number }).responseCode ?? errorCode(err)}` };
  }
  await ctx.db.update(alerts).set({ escalationEmailedAt: new Date() }).where(eq(alerts.id, alert.id));
  return null;
}

/** POSTs the notice to `escalation.webhookUrl` once (recorded on the alert); a refusal is returned. */
export async function webhookEscalation(ctx: Context, alert: AlertRow): Promise<EscalationRefusal | null> {
  const url = ctx.municipality.escalation.webhookUrl;
  if (!url || alert.escalationNotifiedAt) return null;
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(escalationNotice(ctx, alert)),
      signal: AbortSignal.timeout(5000),
    });
    await res.body?.cancel();
    if (!res.ok) return { target: 'webhook', code: `webhook_${res.status}` };
  } catch (err) {
    return { target: 'webhook', code: `webhook_${errorCode(err)}` };
  }
  await ctx.db.update(alerts).set({ escalationNotifiedAt: new Date() }).where(eq(alerts.id, alert.id));
  return null;
}
