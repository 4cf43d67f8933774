/**
 * The floor under everything: bare BullMQ on the same Redis, empty jobs, no database. Adds N
 * jobs (in parallel, as many producers would) while one worker (concurrency 50) takes them.
 */
import { randomBytes } from 'node:crypto';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';

export interface BaselineResult {
  jobs: number;
  addPerSecond: number;
  processedPerSecond: number;
  cpuMsPerJob: number;
}

export async function bullmqBaseline(redisUrl: string, jobs: number): Promise<BaselineResult> {
  const prefix = `benchbase${randomBytes(3).toString('hex')}`;
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue('empty', { connection, prefix });
  let done = 0;
  let finished!: () => void;
  const all = new Promise<void>((r) => (finished = r));
  const worker = new Worker('empty', async () => undefined, { connection: new Redis(redisUrl, { maxRetriesPerRequest: null }), prefix, concurrency: 50 });
  worker.on('completed', () => {
    if (++done === jobs) finished();
  });
  await worker.waitUntilReady();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const batch = 100;
  for (let i = 0; i < jobs; i += batch) {
    await Promise.all(Array.from({ length: Math.min(batch, jobs - i) }, (_, j) => queue.add('e', { i: i + j }, { removeOnComplete: true })));
  }
  const added = performance.now();
  await all;
  const end = performance.now();
  const cpu = process.cpuUsage(cpu0);
  await worker.close();
  await queue.obliterate({ force: true }).catch(() => undefined);
  await queue.close();
  await connection.quit();
  return {
    jobs,
    addPerSecond: jobs / ((added - t0) / 1000),
    processedPerSecond: jobs / ((end - t0) / 1000),
    cpuMsPerJob: (cpu.user + cpu.system) / 1000 / jobs,
  };
}
