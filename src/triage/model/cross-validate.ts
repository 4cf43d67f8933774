/**
 * Cross-validation by writer: each group (a writer's file) held out in turn, predicted by a model
 * trained on all the others. The folds are independent, so they are shared out over worker
 * threads (./fold-thread.ts); each fold is trained exactly as it would be in one thread (same
 * seed, same order of examples), so the result is the same whatever the number of threads.
 */
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { predict, type Prediction } from './linear';
import { riskScore, trainModel, type Example, type TrainSettings } from './train';

/** What a fold thread needs of an example (not the rules' reading: cheaper to send). */
export interface FoldExample extends Example {
  group: string;
}

export interface FoldResult {
  /** Index of the example in the list given. */
  index: number;
  prediction: Prediction;
  score: number;
}

/** Held-out predictions for the examples of `groups`, each fold trained on every other group. */
export function heldOutOfFolds(examples: FoldExample[], groups: string[], settings: TrainSettings): FoldResult[] {
  const out: FoldResult[] = [];
  for (const g of groups) {
    const model = trainModel(examples.filter((e) => e.group !== g), settings);
    examples.forEach((e, index) => {
      if (e.group === g) out.push({ index, prediction: predict(model, e.features), score: riskScore(model, e.features) });
    });
  }
  return out;
}

/** Threads used by default: the cores there are, at most 4 (each holds a copy of the examples). */
export const defaultFoldThreads = () => Math.max(1, Math.min(4, os.availableParallelism()));

/** Every example's held-out prediction, in the order given; the folds' groups, sorted. */
export async function crossValidateByGroup(examples: FoldExample[], settings: TrainSettings, threads = defaultFoldThreads()): Promise<{ folds: string[]; results: FoldResult[] }> {
  const folds = [...new Set(examples.map((e) => e.group))].sort();
  const n = Math.max(1, Math.min(threads, folds.length));
  let results: FoldResult[];
  if (n === 1) results = heldOutOfFolds(examples, folds, settings);
  else {
    // largest folds first, each to the thread with the least work so far: the threads end together
    const size = new Map(folds.map((g) => [g, examples.filter((e) => e.group === g).length]));
    const shares: { groups: string[]; load: number }[] = Array.from({ length: n }, () => ({ groups: [], load: 0 }));
    for (const g of [...folds].sort((a, b) => size.get(b)! - size.get(a)! || a.localeCompare(b))) {
      const least = shares.reduce((m, s) => (s.load < m.load ? s : m));
      least.groups.push(g);
      least.load += size.get(g)!;
    }
    const plain = examples.map(({ features, categories, urgency, reporter, group }) => ({ features, categories, urgency, reporter, group }));
    results = (await Promise.all(shares.map((s) => inThread(plain, s.groups, settings)))).flat();
  }
  results.sort((a, b) => a.index - b.index);
  return { folds, results };
}

function inThread(examples: FoldExample[], groups: string[], settings: TrainSettings): Promise<FoldResult[]> {
  // a new thread does not inherit the TypeScript loader; the .cjs entry registers it (as ../thread-entry.cjs)
  const filename = path.join(__dirname, __filename.endsWith('.js') ? 'fold-thread.js' : 'fold-thread-entry.cjs');
  return new Promise((resolve, reject) => {
    const worker = new Worker(filename, { workerData: { examples, groups, settings } });
    let done = false;
    worker.once('message', (r: FoldResult[]) => {
      done = true;
      resolve(r);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!done) reject(new Error(`a cross-validation thread stopped (exit code ${code}) before it answered`));
    });
  });
}
