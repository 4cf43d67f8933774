/**
 * What one triage thread runs (see ./pool.ts): the classifier, loaded once per thread when the
 * thread starts (the kuromoji dictionary takes about half a second; piscina waits for this
 * module's default export before it hands the thread a task), analysing one message per task.
 */
import type { MessagePort } from 'node:worker_threads';
import type { Triage } from '../db/schema';
import { createClassifier } from './classify';

export interface ThreadTask {
  text: string;
  /** Told when the analysis starts, so the time budget counts running time, not time in the queue. */
  started: MessagePort;
}

export default createClassifier().then(
  (classifier) =>
    function analyseInThread({ text, started }: ThreadTask): Triage {
      started.postMessage('started');
      started.close();
      return classifier.classify(text);
    },
);
