/**
 * Job metrics from the BullMQ workers' own events (in process, no extra Redis traffic): how long
 * each job ran and waited, and delivery failures. (The answer latencies are observed by the
 * deliver job as it marks a batch sent: ./answer-latency.ts.)
 */
import type { Job, Worker } from 'bullmq';
import { QueueName } from '../queues';
import { LATER } from '../../workers/deliver';
import type { Metrics } from './registry';

function observeJob(metrics: Metrics, job: Job, outcome: 'completed' | 'failed') {
  if (job.processedOn && job.finishedOn) metrics.jobDuration.observe({ queue: job.queueName, outcome }, (job.finishedOn - job.processedOn) / 1000);
}

export function observeWorkers(metrics: Metrics, workers: Worker[]): void {
  for (const w of workers) {
    // 'active' fires as the worker takes the job: its wait is known then
    w.on('active', (job) => {
      if (job.processedOn) metrics.jobWait.observe({ queue: w.name }, Math.max(0, job.processedOn - job.timestamp) / 1000);
    });
    w.on('completed', (job, result: unknown) => {
      observeJob(metrics, job, 'completed');
      if (w.name !== QueueName.deliver || typeof result !== 'string') return;
      // one outcome per batch the job sent (workers/deliver.ts), its own first
      for (const part of result.split('; ')) if (part.startsWith('failed') || part.startsWith(`${LATER}failed`)) metrics.deliveryFailures.inc({ kind: 'refused' });
    });
    w.on('failed', (job) => {
      if (!job) return;
      observeJob(metrics, job, 'failed');
      if (w.name === QueueName.deliver) metrics.deliveryFailures.inc({ kind: job.attemptsMade >= (job.opts.attempts ?? 1) ? 'gave_up' : 'retry' });
    });
  }
}
