/**
 * CSRF defence for cookie-authenticated writes without a token: the session cookie is SameSite,
 * and every staff POST/PATCH/DELETE must prove it comes from our own pages: an `Origin` equal to
 * our host, or `Sec-Fetch-Site: same-origin` (sent by every current browser).
 */
import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../../errors';

export function isSameOrigin(origin: string | undefined, fetchSite: string | undefined, host: string | undefined): boolean {
  if (origin && origin !== 'null') {
    try {
      return new URL(origin).host === host;
    } catch {
      return false;
    }
  }
  return fetchSite === 'same-origin';
}

export function requireSameOrigin(req: Request, _res: Response, next: NextFunction) {
  if (['GET', 'HEAD', 'OPTIONS'].includes(req.method)) return next();
  if (isSameOrigin(req.get('origin'), req.get('sec-fetch-site'), req.get('host'))) return next();
  next(new AppError('cross_origin'));
}
