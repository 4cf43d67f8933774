/**
 * Errors cross from the embedded database's thread as plain data: structured cloning keeps an
 * Error's message but drops the fields callers read (PGlite's `code`, the SQLSTATE that
 * src/db/transient.ts and src/errors-for-log.ts look at, `constraint`, `detail`, …).
 */
export interface PlainError {
  name: string;
  message: string;
  stack?: string;
  fields: Record<string, string | number | boolean | null>;
}

export function errorToPlain(err: unknown): PlainError {
  if (!(err instanceof Error)) return { name: 'Error', message: String(err), fields: {} };
  const fields: PlainError['fields'] = {};
  for (const [key, value] of Object.entries(err)) {
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) fields[key] = value as string | number | boolean | null;
  }
  return { name: err.name, message: err.message, stack: err.stack, fields };
}

export function plainToError(plain: PlainError): Error {
  const err = Object.assign(new Error(plain.message), plain.fields);
  err.name = plain.name;
  if (plain.stack) err.stack = plain.stack;
  return err;
}
