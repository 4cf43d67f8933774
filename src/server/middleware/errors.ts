/**
 * Maps every error to `{ error: { code, message } }` with the right status, in one place.
 * Internal error text never reaches the client, and is not logged either: it can hold what a
 * person wrote (a failed query's parameters). The log has the error's code and call frames.
 */
import type { NextFunction, Request, Response } from 'express';
import { AppError, isAppError } from '../../errors';
import type { Logger } from '../../logger';
import { errorCode, errorForLog } from '../../errors-for-log';

interface BodyParserError extends Error {
  type?: string;
  status?: number;
}

export function toAppError(err: unknown): AppError | null {
  if (isAppError(err)) return err;
  const e = err as BodyParserError;
  if (e?.type === 'entity.too.large') return new AppError('payload_too_large', 'max 1 MB');
  if (e?.type === 'entity.parse.failed') return new AppError('invalid_body', 'malformed JSON');
  if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported') return new AppError('invalid_body', 'unsupported encoding');
  // Text Postgres cannot store (a NUL character, say) that no route cleaned: the sender's input, not our failure.
  const code = errorCode(err);
  if (code === 'db_22021' || code === 'db_22P05') return new AppError('invalid_body', 'unsupported character');
  return null;
}

export function errorHandler(log: Logger) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const known = toAppError(err);
    if (!known) log.error({ ...errorForLog(err), path: req.path }, 'unhandled error');
    const appError = known ?? new AppError('internal');
    if (res.headersSent) return;
    res.status(appError.status).json(appError.toJSON());
  };
}

export const notFound = (_req: Request, _res: Response, next: NextFunction) => next(new AppError('not_found'));
