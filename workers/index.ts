/**
 * Starts every BullMQ worker of this process. Each processor lives in its own file; this entry
 * only wires them to their queues and closes them gracefully (in-flight jobs get SHUTDOWN_GRACE_SECONDS to finish).
 */
import { Worker } from 'bullmq';
import type { Context } from '../src/context';
import { DialoguePriority, QueueName, TriagePriority } from '../src/queues';
import { urgentAtDatabase } from '../src/queues/urgent-at-database';
import { DeliveryPriority } from '../src/messages/queue-delivery';
import { withSafeFailure } from '../src/queues/safe-failure';
import { errorCode } from '../src/errors-for-log';
import { createRedis } from '../src/redis';
import { createLineProfileReader, createLineSender } from '../src/channels/line';
import { createTriagePool, type TriagePool } from '../src/triage';
import { createTriageProcessor } from './triage';
import { createDeliverProcessor } from './deliver';
import { createDialogueProcessor, createDialogueTurn } from './dialogue';
import { createEscalateProcessor } from './escalate';
import { createRetentionProcessor, scheduleRetention } from './retention';
import { createFollowUpProcessor } from './follow-up';
import { observeWorkers } from '../src/metrics/observe-workers';

export interface RunningWorkers {
  /** The safety net alone, in the triage threads (the sweeper's, for a message whose triage kept failing). */
  safetyCheck: TriagePool['safetyCheck'];
  close(): Promise<void>;
}

export interface WorkerOptions {
  /** Tests only: wraps the triage pool, e.g. to make the analysis of one message fail every time. */
  wrapTriage?: (pool: TriagePool) => TriagePool;
}

export async function startWorkers(ctx: Context, opts: WorkerOptions = {}): Promise<RunningWorkers> {
  const { config, log } = ctx;
  const pool = createTriagePool({ threads: config.TRIAGE_THREADS, timeoutMs: config.TRIAGE_TIMEOUT_MS, log });
  const analyser = opts.wrapTriage ? opts.wrapTriage(pool) : pool;
  const lineOpts = { channelAccessToken: config.LINE_CHANNEL_ACCESS_TOKEN ?? '', apiBaseUrl: config.LINE_API_BASE_URL, timeoutMs: config.LINE_TIMEOUT_MS };
  const line = config.lineEnabled ? createLineSender(lineOpts) : null;
  const profileLanguage = config.lineEnabled ? createLineProfileReader(lineOpts) : null;
  const connection = createRedis(config.REDIS_URL);
  const lock = config.JOB_LOCK_SECONDS * 1000;
  const common = { connection, prefix: config.QUEUE_PREFIX, lockDuration: lock, stalledInterval: lock };
  // one turn (and its batched load) for the triage worker, which runs it after triage, and the dialogue queue
  const turn = createDialogueTurn({ ctx, profileLanguage });

  const workers = [
    // many jobs at once: they wait in the triage pool (shortest first), not here behind one long text
    // jobs the queues put ahead also go ahead at the embedded database (src/queues/urgent-at-database.ts)
    new Worker(QueueName.triage, withSafeFailure(urgentAtDatabase(TriagePriority.newcomer, createTriageProcessor({ ctx, analyser, turn }))), { ...common, concurrency: config.TRIAGE_CONCURRENCY }),
    new Worker(QueueName.dialogue, withSafeFailure(urgentAtDatabase(DialoguePriority.ahead, createDialogueProcessor({ turn }))), { ...common, concurrency: config.DIALOGUE_CONCURRENCY }),
    new Worker(QueueName.deliver, withSafeFailure(urgentAtDatabase(DeliveryPriority.ahead, createDeliverProcessor({ ctx, line }))), { ...common, concurrency: config.DELIVER_CONCURRENCY }),
    new Worker(QueueName.escalate, withSafeFailure(createEscalateProcessor(ctx)), { ...common, concurrency: 2 }),
    new Worker(QueueName.followUp, withSafeFailure(createFollowUpProcessor(ctx)), { ...common, concurrency: 2 }),
    // one purge at a time: it locks what it erases
    new Worker(QueueName.retention, withSafeFailure(createRetentionProcessor(ctx)), { ...common, concurrency: 1 }),
  ];
  // Not awaited: Redis being slow at start must not hold up the workers; the next start upserts again.
  scheduleRetention(ctx).catch((err: Error) => log.error({ err: err.message, setting: 'RETENTION_SCHEDULE' }, 'retention purge not scheduled'));
  for (const w of workers) {
    // Job data holds ids only, and a failure carries only its code (src/queues/safe-failure.ts).
    w.on('failed', (job, err) => log.warn({ queue: w.name, jobId: job?.id, attempts: job?.attemptsMade, err: errorCode(err) }, 'job failed'));
    w.on('error', (err) => log.error({ queue: w.name, err: errorCode(err) }, 'worker error'));
  }
  if (ctx.metrics) observeWorkers(ctx.metrics, workers);
  log.info({ queues: workers.map((w) => w.name) }, 'workers started');
  return {
    safetyCheck: (text) => analyser.safetyCheck(text),
    close: async () => {
      // A job in flight gets a grace to finish; one still running after it (a database call that
      // never returns) is abandoned: its lock runs out and it runs again after the next start.
      await Promise.all(workers.map((w) => closeWithin(w, config.SHUTDOWN_GRACE_SECONDS * 1000, log)));
      await analyser.close();
      await connection.quit().catch(() => connection.disconnect());
    },
  };
}

/**
 * Closes a worker gracefully, or with force once `graceMs` has passed. BullMQ's close(force) after
 * a graceful close() only returns the first promise, so the wait is pause()'s: it stops taking
 * jobs and resolves when those in flight are done.
 */
async function closeWithin(worker: Worker, graceMs: number, log: Context['log']): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const finished = worker.pause().then(() => false, () => true);
  const late = await Promise.race([finished, new Promise<true>((r) => (timer = setTimeout(() => r(true), graceMs)))]);
  clearTimeout(timer);
  if (late) log.warn({ queue: worker.name, graceMs }, 'jobs still running after the grace; closing the worker without waiting for them');
  await worker.close(late);
}
