/**
 * What one triage thread runs (see ./pool.ts): the classifier, made once per thread when the
 * thread starts (piscina waits for this module's default export before it hands the thread a
 * task), analysing one message per task. The kuromoji dictionary and the model are the pool's
 * shared copies (`workerData`): the thread builds views on them, it does not load its own.
 */
import type { MessagePort } from 'node:worker_threads';
import { workerData } from 'piscina';
import type { Triage } from '../db/schema';
import { createClassifier } from './classify';
import { loadTriageModel } from './model/load';
import type { SharedTriageData } from './pool';
import type { SafetyNetResult } from './safety-net';

export interface ThreadTask {
  text: string;
  /** `safety-net`: only the safety net (./classify.ts `safetyCheck`), for a message whose triage keeps failing. */
  only?: 'safety-net';
  /** Told when the analysis starts, so the time budget counts running time, not time in the queue. */
  started: MessagePort;
}

const shared = workerData as SharedTriageData | undefined;

export default createClassifier(shared ? { dictionary: shared.dictionary, model: shared.model ? loadTriageModel(undefined, shared.model) : null } : {}).then(
  (classifier) =>
    function analyseInThread({ text, started, only }: ThreadTask): Triage | SafetyNetResult | null {
      started.postMessage('started');
      started.close();
      return only === 'safety-net' ? classifier.safetyCheck(text) : classifier.classify(text);
    },
);
