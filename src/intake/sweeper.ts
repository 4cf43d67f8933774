/**
 * The sweeper brings back work the database says is not done. Redis may lose its jobs (restarted
 * without persistence, or an enqueue that timed out after the durable write), and a job may have
 * failed every attempt (a database outage): anything inbound not yet triaged or answered by the
 * dialogue, anything outbound not yet delivered, and any unacknowledged crisis alert whose
 * escalation has not reached every target is added, retried or renewed (src/queues/ensure-job.ts).
 * Job ids derived from the database ids make this harmless when the job is in fact still queued.
 *
 * Not forever for triage: a message whose triage job failed all its attempts TRIAGE_FAILED_ROUNDS
 * times (each retry here counts a round on the message) is handed to staff instead, with the
 * safety net's reading and a conservative triage (./triage-failed.ts).
 */
import { and, eq, inArray, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Context } from '../context';
import { alerts, messages } from '../db/schema';
import { escalationDueAt } from '../safety/escalation';
import { escalationTargets } from '../safety/escalation-targets';
import { ensure } from '../queues/enqueue';
import type { EnsureOutcome } from '../queues/ensure-job';
import { requeueDueFollowUps } from '../cases/follow-ups';
import { jobId } from '../queues';
import { errorCode } from '../errors-for-log';
import { senderOf } from '../messages/claim-delivery';
import { handOverUntriaged, type SafetyCheck } from './triage-failed';

type Counts = Record<'triage' | 'dialogue' | 'deliver' | 'escalate', number>;

export interface SweepResult extends Counts {
  /** Of those, how many jobs were added, retried after failing, or renewed (the rest were still queued). */
  broughtBack: Counts;
  /** Messages whose triage failed in every round, handed to staff instead of queued again. */
  triageFailed: number;
}

export interface SweepDeps {
  /** The safety net alone, for a message handed to staff after its triage kept failing. */
  safetyCheck: SafetyCheck;
}

/** One pass. `olderThanMs` leaves fresh work to the normal path. */
export async function sweepOnce(ctx: Context, deps: SweepDeps, olderThanMs = 5000, limit = 500): Promise<SweepResult> {
  const now = Date.now();
  const cutoff = new Date(now - olderThanMs);
  const ids = { id: messages.id };
  const untriaged = await ctx.db
    .select({ id: messages.id, rounds: messages.triageFailedRounds })
    .from(messages)
    .where(and(eq(messages.direction, 'in'), isNull(messages.triagedAt), lt(messages.createdAt, cutoff)))
    .orderBy(messages.seq)
    .limit(limit);
  const undiscussed = await ctx.db
    .select(ids)
    .from(messages)
    .where(and(eq(messages.direction, 'in'), isNotNull(messages.triagedAt), isNull(messages.dialoguedAt), lt(messages.triagedAt, cutoff)))
    .orderBy(messages.seq)
    .limit(limit);
  // The job to bring back is the one that sends the answer's batch (src/messages/claim-delivery.ts):
  // a batch another answer's job took is resent by that job after its worker died.
  const undelivered = await ctx.db
    .select({ id: sql<string>`coalesce(${senderOf(messages)}, ${messages.id})` })
    .from(messages)
    .where(and(eq(messages.direction, 'out'), inArray(messages.deliveryState, ['pending', 'sending']), lt(messages.createdAt, cutoff)))
    .orderBy(messages.seq)
    .limit(limit);
  const unescalated = await ctx.db
    .select({ id: alerts.id, createdAt: alerts.createdAt, escalateAt: alerts.escalateAt })
    .from(alerts)
    .where(and(isNull(alerts.acknowledgedAt), lt(alerts.createdAt, cutoff), escalationIncomplete(ctx)))
    .limit(limit);

  const broughtBack: Counts = { triage: 0, dialogue: 0, deliver: 0, escalate: 0 };
  const count = (queue: keyof Counts) => (o: EnsureOutcome) => void (o !== 'queued' && broughtBack[queue]++);
  const finishedBefore = cutoff.getTime();
  // Dialogue before triage: an earlier message's turn must not wait behind a later one's triage.
  for (const m of undiscussed) {
    await ensure.dialogue(ctx, m.id, finishedBefore).then(count('dialogue'));
  }
  for (const a of unescalated) {
    const delay = Math.max(0, escalationDueAt(ctx, a).getTime() - now);
    await ensure.escalate(ctx, a.id, delay, finishedBefore).then(count('escalate'));
  }
  let triageFailed = 0;
  for (const m of untriaged) {
    const lastRound = m.rounds + 1 >= ctx.config.TRIAGE_FAILED_ROUNDS;
    const failed = lastRound ? await failedTriage(ctx, m.id) : null;
    if (failed !== null) {
      // its own failure must not stop the pass (the deliveries come after): the next pass tries again
      const handed = await handOverUntriaged(ctx, deps.safetyCheck, m.id, failed, m.rounds + 1).catch((err: unknown) => {
        ctx.log.error({ messageId: m.id, err: errorCode(err) }, 'could not hand over a message whose triage failed; next sweep tries again');
      });
      if (handed === 'handed') triageFailed++;
      continue;
    }
    // In the last round, a job that fails between the look above and this one is handed over by
    // the next pass, not given another round (CI once saw that race add a round).
    const outcome = await ensure.triage(ctx, m.id, finishedBefore, !lastRound);
    count('triage')(outcome);
    if (outcome === 'retried') await ctx.db.update(messages).set({ triageFailedRounds: sql`${messages.triageFailedRounds} + 1` }).where(eq(messages.id, m.id));
  }
  await requeueDueFollowUps(ctx, olderThanMs, limit);
  for (const id of new Set(undelivered.map((m) => m.id))) {
    await ensure.deliver(ctx, id, finishedBefore).then(count('deliver'));
  }
  return { triage: untriaged.length, dialogue: undiscussed.length, deliver: undelivered.length, escalate: unescalated.length, broughtBack, triageFailed };
}

/** The code of the failure when the message's triage job has failed all its attempts, else null. */
async function failedTriage(ctx: Context, messageId: string): Promise<string | null> {
  const job = await ctx.queues.triage.getJob(jobId.triage(messageId));
  if (!job || (await job.getState()) !== 'failed') return null;
  return job.failedReason || 'unknown_error';
}

/** Not yet escalated, or a configured target (webhook, e-mail) has not accepted the notice. */
function escalationIncomplete(ctx: Context): SQL {
  const targets = escalationTargets(ctx.municipality, ctx.config);
  const parts = [isNull(alerts.escalatedAt)];
  if (targets.webhook) parts.push(isNull(alerts.escalationNotifiedAt));
  if (targets.email) parts.push(isNull(alerts.escalationEmailedAt));
  return or(...parts)!;
}

/**
 * Runs sweepOnce every `intervalMs`, never two at once; errors are logged and the next pass tries
 * again. `stop()` resolves when a pass in flight has ended, or after `graceMs` (a pass waiting on
 * an unreachable database must not hold up closing).
 */
export function startSweeper(ctx: Context, deps: SweepDeps, intervalMs: number, graceMs = 5000): { stop(): Promise<void> } {
  let pass: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (pass) return;
    pass = (async () => {
      try {
        const { broughtBack, triageFailed } = await sweepOnce(ctx, deps);
        if (Object.values(broughtBack).some((n) => n > 0) || triageFailed > 0) ctx.log.info({ ...broughtBack, triageFailed }, 'sweeper brought back work');
      } catch (err) {
        ctx.log.warn({ err: (err as { code?: string }).code ?? (err as Error).name }, 'sweep failed; will retry');
      } finally {
        pass = null;
      }
    })();
  }, intervalMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      if (!pass) return;
      let wait: NodeJS.Timeout | undefined;
      await Promise.race([pass, new Promise<void>((r) => (wait = setTimeout(r, graceMs)))]);
      clearTimeout(wait);
    },
  };
}
