/**
 * Errors after which a transaction can simply run again: the connection was lost (a terminated
 * backend, a Postgres restart, a reset socket) or Postgres chose this transaction as the victim
 * of a serialization failure or deadlock. Only code that is idempotent may retry — intake.accept()
 * finds a message it already stored by its channel id, so running it twice stores it once.
 * @see https://www.postgresql.org/docs/current/errcodes-appendix.html
 */
import { errorChain } from '../errors-for-log';

const RETRYABLE_SQLSTATES = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '57P01', // admin_shutdown (pg_terminate_backend)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '08000', // connection_exception
  '08003', // connection_does_not_exist
  '08006', // connection_failure
]);
const RETRYABLE_SOCKET_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT']);

export function isTransientDbError(err: unknown): boolean {
  for (const e of errorChain(err)) {
    if (typeof e.code === 'string' && (RETRYABLE_SQLSTATES.has(e.code) || RETRYABLE_SOCKET_CODES.has(e.code))) return true;
    // pg's own wording when the socket closes under a query (it carries no code)
    if (typeof e.message === 'string' && /^Connection terminated|^Client has encountered a connection error/.test(e.message)) return true;
  }
  return false;
}

/** Runs `fn` again (up to `attempts` times in all, with a short growing pause) while it fails transiently. */
export async function retryTransient<T>(fn: () => Promise<T>, attempts = 4, pauseMs = 50): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (attempt >= attempts || !isTransientDbError(err)) throw err;
      await new Promise((r) => setTimeout(r, pauseMs * attempt));
    }
  }
}
