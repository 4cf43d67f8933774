/**
 * Job metrics from the BullMQ workers' own events (in process, no extra Redis traffic): how long
 * each job ran and waited, delivery failures, and the answer latencies of ./answer-latency.ts.
 */
import type { Job, Worker } from 'bullmq';
import type { Context } from '../context';
import { QueueName } from '../queues';
import { DeliveryPriority } from '../messages/queue-delivery';
import { observeAnswerLatency } from './answer-latency';
import type { Metrics } from './registry';

function observeJob(metrics: Metrics, job: Job, outcome: 'completed' | 'failed') {
  if (job.processedOn && job.finishedOn) metrics.jobDuration.observe({ queue: job.queueName, outcome }, (job.finishedOn - job.processedOn) / 1000);
}

export function observeWorkers(ctx: Context, metrics: Metrics, workers: Worker[]): void {
  for (const w of workers) {
    // 'active' fires as the worker takes the job: its wait is known then
    w.on('active', (job) => {
      if (job.processedOn) metrics.jobWait.observe({ queue: w.name }, Math.max(0, job.processedOn - job.timestamp) / 1000);
    });
    w.on('completed', (job, result: unknown) => {
      observeJob(metrics, job, 'completed');
      if (w.name !== QueueName.deliver || typeof result !== 'string') return;
      if (result.startsWith('failed')) metrics.deliveryFailures.inc({ kind: 'refused' });
      if (result.startsWith('sent')) {
        observeAnswerLatency(ctx.db, metrics, job.data.messageId, job.opts.priority === DeliveryPriority.safety).catch((err: Error) =>
          ctx.log.debug({ err: err.message }, 'answer latency not measured'),
        );
      }
    });
    w.on('failed', (job) => {
      if (!job) return;
      observeJob(metrics, job, 'failed');
      if (w.name === QueueName.deliver) metrics.deliveryFailures.inc({ kind: job.attemptsMade >= (job.opts.attempts ?? 1) ? 'gave_up' : 'retry' });
    });
  }
}
