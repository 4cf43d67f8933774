/**
 * The committed model file and the engine name recorded on every triage run. The model is read
 * from the repository at start; nothing is downloaded. `npm run train:triage` writes the file.
 * The triage pool reads it once into a SharedArrayBuffer (`sharedModelBytes`) and every thread
 * loads its model as views on that one copy.
 */
import { fromRoot } from '../../paths';
import fs from 'node:fs';
import { modelVersion, parseModel, type CompiledModel } from './linear';

/** Version of the explainable rules (bumped when their behaviour changes on purpose). */
export const RULES_VERSION = 'rules-v3';
export const MODEL_FILE = fromRoot('models', 'triage-linear.bin');

/** The model file's bytes in shared memory, or null when the file is missing (rules only). */
export function sharedModelBytes(file = MODEL_FILE): SharedArrayBuffer | null {
  if (!fs.existsSync(file)) return null;
  const bytes = fs.readFileSync(file);
  const shared = new SharedArrayBuffer(bytes.byteLength);
  new Uint8Array(shared).set(bytes);
  return shared;
}

/** The committed model (views on `shared` when given), or null when the file is missing (rules only). */
export function loadTriageModel(file = MODEL_FILE, shared?: SharedArrayBuffer | null): CompiledModel | null {
  const bytes = shared ? new Uint8Array(shared) : fs.existsSync(file) ? fs.readFileSync(file) : null;
  return bytes ? parseModel(bytes) : null;
}

export const engineName = (modelVersionOrNull: string | null): string => (modelVersionOrNull ? `${RULES_VERSION}+${modelVersionOrNull}` : RULES_VERSION);

/** The engine a triage thread runs, from the file's hash alone (cheap; for the runs' `engine`). */
export function triageEngine(file = MODEL_FILE): string {
  return engineName(fs.existsSync(file) ? modelVersion(fs.readFileSync(file)) : null);
}
