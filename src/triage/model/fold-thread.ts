/** A cross-validation thread (./cross-validate.ts): trains its share of the folds and answers once. */
import { parentPort, workerData } from 'node:worker_threads';
import { heldOutOfFolds, type FoldExample } from './cross-validate';
import type { TrainSettings } from './train';

const { examples, groups, settings } = workerData as { examples: FoldExample[]; groups: string[]; settings: TrainSettings };
parentPort!.postMessage(heldOutOfFolds(examples, groups, settings));
