/**
 * The sweeper refills the queues from the database. Redis may lose its jobs (restarted without
 * persistence, or an enqueue that timed out after the durable write): anything inbound not yet
 * triaged and anything outbound not yet delivered is added again. Job ids derived from message
 * ids make this harmless when the job is in fact still queued.
 */
import { and, eq, inArray, isNotNull, isNull, lt } from 'drizzle-orm';
import type { Context } from '../context';
import { alerts, messages } from '../db/schema';
import { scheduleEscalation } from '../safety/escalation';
import { jobId, jobOptions } from '../queues';
import { requeueDueFollowUps } from '../cases/follow-ups';

export interface SweepResult {
  triage: number;
  dialogue: number;
  deliver: number;
  escalate: number;
}

/** One pass. `olderThanMs` leaves fresh messages to the normal path. */
export async function sweepOnce(ctx: Context, olderThanMs = 5000, limit = 500): Promise<SweepResult> {
  const cutoff = new Date(Date.now() - olderThanMs);
  const untriaged = await ctx.db
    .select({ id: messages.id })
    .from(messages)
    .where(and(eq(messages.direction, 'in'), isNull(messages.triagedAt), lt(messages.createdAt, cutoff)))
    .orderBy(messages.seq)
    .limit(limit);
  const undelivered = await ctx.db
    .select({ id: messages.id })
    .from(messages)
    .where(and(eq(messages.direction, 'out'), inArray(messages.deliveryState, ['pending', 'sending']), lt(messages.createdAt, cutoff)))
    .orderBy(messages.seq)
    .limit(limit);
  const undiscussed = await ctx.db
    .select({ id: messages.id })
    .from(messages)
    .where(and(eq(messages.direction, 'in'), isNotNull(messages.triagedAt), isNull(messages.dialoguedAt), lt(messages.triagedAt, cutoff)))
    .orderBy(messages.seq)
    .limit(limit);
  const unescalated = await ctx.db
    .select({ id: alerts.id, createdAt: alerts.createdAt, escalateAt: alerts.escalateAt })
    .from(alerts)
    .where(and(isNull(alerts.acknowledgedAt), isNull(alerts.escalatedAt), lt(alerts.createdAt, cutoff)))
    .limit(limit);
  if (undiscussed.length > 0) {
    await ctx.queues.dialogue.addBulk(
      undiscussed.map((m) => ({ name: 'dialogue', data: { messageId: m.id }, opts: { ...jobOptions.dialogue, jobId: jobId.dialogue(m.id) } })),
    );
  }
  for (const a of unescalated) await scheduleEscalation(ctx, a);
  if (untriaged.length > 0) {
    await ctx.queues.triage.addBulk(
      untriaged.map((m) => ({ name: 'triage', data: { messageId: m.id }, opts: { ...jobOptions.triage, jobId: jobId.triage(m.id) } })),
    );
  }
  if (undelivered.length > 0) {
    await ctx.queues.deliver.addBulk(
      undelivered.map((m) => ({ name: 'deliver', data: { messageId: m.id }, opts: { ...jobOptions.deliver, jobId: jobId.deliver(m.id) } })),
    );
  }
  await requeueDueFollowUps(ctx, olderThanMs, limit);
  return { triage: untriaged.length, dialogue: undiscussed.length, deliver: undelivered.length, escalate: unescalated.length };
}

/** Runs sweepOnce every `intervalMs`, never two at once; errors are logged and the next pass tries again. */
export function startSweeper(ctx: Context, intervalMs: number): { stop(): void } {
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      const r = await sweepOnce(ctx);
      if (r.triage + r.dialogue + r.deliver > 0) ctx.log.info(r, 'sweeper re-queued work');
    } catch (err) {
      ctx.log.warn({ err: (err as Error).message }, 'sweep failed; will retry');
    } finally {
      running = false;
    }
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
