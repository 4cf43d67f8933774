/**
 * Where the files that ship beside the code live (migrations, the triage model, the built front
 * ends), found from the project root rather than from this file's folder: the same code runs as
 * TypeScript from `src/` (tests, development) and compiled from `dist/server/src/` (production,
 * `npm start`), one folder deeper.
 */
import fs from 'node:fs';
import path from 'node:path';

function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

/** The folder holding package.json, drizzle/, models/ and dist/. */
export const PROJECT_ROOT = findProjectRoot(__dirname);

/** A path inside the project, e.g. `fromRoot('drizzle')`. */
export const fromRoot = (...parts: string[]): string => path.join(PROJECT_ROOT, ...parts);
