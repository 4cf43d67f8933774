/**
 * What may be logged (or kept by BullMQ as a job's failure reason) about an error: a code, never
 * its text. Error texts can hold what a person wrote — drizzle puts a failed query's parameters
 * into its message, Postgres quotes offending values — and consultation text is 要配慮個人情報.
 */

/** The error and its causes (drizzle wraps the driver's error as `cause`). */
export function* errorChain(err: unknown): Generator<{ code?: unknown; name?: unknown; message?: unknown; stack?: unknown }> {
  for (let e = err as { cause?: unknown } | undefined, depth = 0; e && typeof e === 'object' && depth < 5; e = e.cause as typeof e, depth++) yield e as never;
}

const SAFE_CODE = /^[A-Za-z0-9_.:-]{1,60}$/;
const SQLSTATE = /^[0-9A-Z]{5}$/;

/** `db_<SQLSTATE>` for a database error, else the error's own code (ours, Node's), else its class name. */
export function errorCode(err: unknown): string {
  for (const e of errorChain(err)) {
    if (typeof e.code === 'string' && SQLSTATE.test(e.code) && !e.code.startsWith('E')) return `db_${e.code}`;
    if (typeof e.code === 'string' && SAFE_CODE.test(e.code)) return e.code;
  }
  const name = (err as { name?: unknown })?.name;
  return typeof name === 'string' && SAFE_CODE.test(name) ? name : 'unknown_error';
}

/** The call frames of a stack, without its first line (which repeats the message). */
export function stackFrames(err: unknown): string | undefined {
  const stack = (err as { stack?: unknown })?.stack;
  return typeof stack === 'string' ? stack.split('\n').filter((l) => /^\s+at /.test(l)).join('\n') : undefined;
}

/** Fields for a log line: `{ err: code, stack: frames }`. */
export function errorForLog(err: unknown): { err: string; stack?: string } {
  return { err: errorCode(err), stack: stackFrames(err) };
}
