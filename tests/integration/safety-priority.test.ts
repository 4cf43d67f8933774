/**
 * A crisis's hotline reply goes ahead of ordinary answers waiting for delivery. BullMQ takes a job
 * without a priority before any prioritized one, so the safety priority only works if ordinary
 * deliveries carry a priority too. Real Redis, the queue options the app uses, one worker taking
 * one job at a time behind a backlog.
 */
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { jobOptions } from '../../src/queues';
import { DeliveryPriority } from '../../src/messages/queue-delivery';
import { newPrefix } from '../helpers/app';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

test('the safety reply is delivered before a backlog of ordinary answers queued earlier', async () => {
  const connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const prefix = newPrefix();
  const queue = new Queue('deliver', { connection, prefix });
  // BullMQ does not close a connection it was given: the worker's is quit below.
  const workerConnection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  try {
    for (let i = 0; i < 20; i++) await queue.add('deliver', { messageId: `ordinary-${i}` }, { ...jobOptions.deliver, jobId: `deliver-ordinary-${i}` });
    // as queueDelivery adds the safety reply (src/messages/queue-delivery.ts)
    await queue.add('deliver', { messageId: 'safety' }, { ...jobOptions.deliver, jobId: 'deliver-safety', priority: DeliveryPriority.safety });
    const order: string[] = [];
    await new Promise<void>((resolve) => {
      const worker = new Worker(
        'deliver',
        async (job) => {
          order.push(job.data.messageId);
          if (order.length === 21) setImmediate(() => void worker.close().then(resolve));
        },
        { connection: workerConnection, prefix, concurrency: 1 },
      );
    });
    expect(order[0]).toBe('safety');
    // the ordinary answers keep their order among themselves
    expect(order.slice(1)).toEqual(Array.from({ length: 20 }, (_, i) => `ordinary-${i}`));
  } finally {
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    await connection.quit();
    await workerConnection.quit();
  }
});
