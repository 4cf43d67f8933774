/**
 * The parse step of every route: body (middleware), query and path parameters, each with a zod
 * schema from the route folder's `schema.ts`. A bad body or query answers 400 with zod's message
 * (no stack); a bad id answers 404.
 */
import type { NextFunction, Request, Response } from 'express';
import type { z } from 'zod';
import { AppError } from '../../errors';

export function formatZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || 'body'}: ${i.message}`)
    .join('; ');
}

export function validateBody<S extends z.ZodType>(schema: S) {
  return (req: Request, _res: Response, next: NextFunction) => {
    const parsed = schema.safeParse(req.body ?? {});
    if (!parsed.success) return next(new AppError('invalid_body', formatZodError(parsed.error)));
    req.body = parsed.data;
    next();
  };
}

export function parseQuery<S extends z.ZodType>(schema: S, query: unknown): z.infer<S> {
  const parsed = schema.safeParse(query);
  if (!parsed.success) throw new AppError('invalid_query', formatZodError(parsed.error));
  return parsed.data;
}

/**
 * Path parameters (ids): a value that does not fit the schema names nothing that exists, so it
 * answers 404 like an id nobody has, never 400 (which would say the shape was the problem).
 */
export function parseParams<S extends z.ZodType>(schema: S, params: unknown): z.infer<S> {
  const parsed = schema.safeParse(params);
  if (!parsed.success) throw new AppError('not_found');
  return parsed.data;
}
