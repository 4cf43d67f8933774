/**
 * Maps every error to `{ error: { code, message } }` with the right status, in one place.
 * Internal error text never reaches the client; it is logged without request bodies.
 */
import type { NextFunction, Request, Response } from 'express';
import { AppError, isAppError } from '../../errors';
import type { Logger } from '../../logger';

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
  return null;
}

export function errorHandler(log: Logger) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const known = toAppError(err);
    if (!known) log.error({ err: (err as Error)?.message, stack: (err as Error)?.stack, path: req.path }, 'unhandled error');
    const appError = known ?? new AppError('internal');
    if (res.headersSent) return;
    res.status(appError.status).json(appError.toJSON());
  };
}

export const notFound = (_req: Request, _res: Response, next: NextFunction) => next(new AppError('not_found'));
