/**
 * Reads and validates the municipality settings file (YAML). Meant to run once at start: a wrong
 * file stops the process with a message naming the file and every wrong field.
 */
import fs from 'node:fs';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { municipalitySchema, type Municipality } from './schema';
import type { OperatorErrorCode } from '../errors';

export class MunicipalityError extends Error {
  readonly code: OperatorErrorCode = 'municipality_invalid';
  constructor(
    message: string,
    /** One line per problem, e.g. `staffedHours.mon[0].end: must be HH:MM`. */
    readonly issues: string[] = [],
  ) {
    super(message);
    this.name = 'MunicipalityError';
  }
}

/** `['staffedHours', 'mon', 0, 'end']` → `staffedHours.mon[0].end`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out || '(file)';
}

function describeIssue(issue: z.core.$ZodIssue): string {
  let message = issue.message;
  if (issue.code === 'invalid_type' && /received undefined/.test(message)) message = 'is required';
  return `${formatPath(issue.path)}: ${message}`;
}

/** Validates already-parsed data (tests, or settings from elsewhere). `source` names it in errors. */
export function parseMunicipality(data: unknown, source = 'municipality settings'): Municipality {
  const parsed = municipalitySchema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.map(describeIssue);
    throw new MunicipalityError(`Invalid municipality file ${source}:\n${issues.map((l) => `  ${l}`).join('\n')}`, issues);
  }
  return parsed.data;
}

/** Reads, parses and validates a municipality YAML file. Throws MunicipalityError. */
export function loadMunicipality(filePath: string): Municipality {
  let text: string;
  try {
    text = fs.readFileSync(filePath, 'utf8');
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (e as Error).message;
    throw new MunicipalityError(`Cannot read municipality file ${filePath}: ${why} (set MUNICIPALITY_FILE)`, [why]);
  }
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const issues = doc.errors.map((e) => {
      const at = e.linePos?.[0];
      return `${at ? `line ${at.line}, column ${at.col}` : '(file)'}: ${e.message.split('\n')[0]}`;
    });
    throw new MunicipalityError(`Invalid YAML in municipality file ${filePath}:\n${issues.map((l) => `  ${l}`).join('\n')}`, issues);
  }
  return parseMunicipality(doc.toJS(), filePath);
}
