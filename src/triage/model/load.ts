/**
 * The committed model file and the engine name recorded on every triage run. The model is read
 * from the repository at start; nothing is downloaded. `npm run train:triage` writes the file.
 */
import { fromRoot } from '../../paths';
import fs from 'node:fs';
import { modelVersion, parseModel, type CompiledModel } from './linear';

/** Version of the explainable rules (bumped when their behaviour changes on purpose). */
export const RULES_VERSION = 'rules-v2';
export const MODEL_FILE = fromRoot('models', 'triage-linear.json');

/** The committed model, or null when the file is missing (rules only). */
export function loadTriageModel(file = MODEL_FILE): CompiledModel | null {
  if (!fs.existsSync(file)) return null;
  return parseModel(fs.readFileSync(file, 'utf8'));
}

export const engineName = (modelVersionOrNull: string | null): string => (modelVersionOrNull ? `${RULES_VERSION}+${modelVersionOrNull}` : RULES_VERSION);

/** The engine a triage thread runs, from the file's hash alone (cheap; for the runs' `engine`). */
export function triageEngine(file = MODEL_FILE): string {
  return engineName(fs.existsSync(file) ? modelVersion(fs.readFileSync(file, 'utf8')) : null);
}
