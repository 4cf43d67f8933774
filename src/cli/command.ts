/**
 * The shape of a CLI command: its options (with what each means, for `help`), parsed strictly
 * by node:util parseArgs. A wrong or missing option is exit code 2 with the option named.
 */
import { parseArgs } from 'node:util';
import type { OperatorErrorCode } from '../errors';

export interface Option {
  type: 'string' | 'boolean';
  /** Placeholder shown in help, e.g. `E` in `--email E`. */
  value?: string;
  required?: boolean;
  description: string;
}

export interface Command {
  name: string;
  summary: string;
  options: Record<string, Option>;
  /** Extra lines for help (e.g. stdin/stdout use). */
  notes?: string[];
  run(values: Record<string, string | boolean | undefined>): Promise<number>;
}

export class UsageError extends Error {
  readonly code: OperatorErrorCode = 'usage';
}

export function parseOptions(command: Command, args: string[]): Record<string, string | boolean | undefined> {
  let values: Record<string, string | boolean | undefined>;
  try {
    const options = Object.fromEntries(Object.entries(command.options).map(([k, o]) => [k, { type: o.type }]));
    ({ values } = parseArgs({ args, options, strict: true, allowPositionals: false }));
  } catch (err) {
    throw new UsageError(`${command.name}: ${(err as Error).message}`);
  }
  const missing = Object.entries(command.options).filter(([k, o]) => o.required && values[k] === undefined);
  if (missing.length) throw new UsageError(`${command.name}: ${missing.map(([k]) => `--${k} is required`).join('; ')}`);
  return values;
}

const synopsis = (c: Command) =>
  [c.name, ...Object.entries(c.options).map(([k, o]) => {
    const flag = o.type === 'string' ? `--${k} ${o.value ?? 'X'}` : `--${k}`;
    return o.required ? flag : `[${flag}]`;
  })].join(' ');

export function helpText(commands: Command[]): string {
  const lines = ['usage: npm run -s cli -- <command> [options]', ''];
  for (const c of commands) {
    lines.push(`  ${synopsis(c)}`, `      ${c.summary}`);
    for (const [k, o] of Object.entries(c.options)) lines.push(`      --${k}${o.type === 'string' ? ` ${o.value ?? 'X'}` : ''}  ${o.description}${o.required ? ' (required)' : ''}`);
    for (const n of c.notes ?? []) lines.push(`      ${n}`);
    lines.push('');
  }
  lines.push('Settings (DATABASE_URL, DATA_DIR, REDIS_URL, QUEUE_PREFIX) are read from the environment as for the server.');
  return lines.join('\n');
}
