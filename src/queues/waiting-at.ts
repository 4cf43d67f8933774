/**
 * Whether any job waits in a queue at one of some priorities: what a job that takes several units
 * of work in a row (a conversation's delivery batches, a person's later turns) asks between units,
 * so that more urgent work waiting for its slot goes first (workers/deliver.ts, workers/dialogue.ts).
 * One Redis call, a count per priority; Redis away: no (the job goes on).
 */
import type { Queue } from 'bullmq';

export async function waitingAt(queue: Pick<Queue, 'getCountsPerPriority'>, priorities: number[]): Promise<boolean> {
  if (priorities.length === 0) return false;
  const counts: Record<string, number> = await queue.getCountsPerPriority(priorities).catch(() => ({}));
  return Object.values(counts).some((n) => n > 0);
}
