/**
 * CSRF defence for cookie-authenticated requests without a token. The session cookie is
 * SameSite=Strict, and besides:
 * - every staff POST/PATCH/DELETE must prove it comes from our own pages: an `Origin` equal to
 *   ours (scheme, host and port), or `Sec-Fetch-Site: same-origin` (sent by every current browser);
 * - staff API reads are audited reads of personal data, so a browser must not make one on another
 *   site's behalf either (a link, an <img>): a `Sec-Fetch-Site` or `Origin` that says cross-site
 *   is refused. Clients that send neither (scripts, curl) are not browsers and carry their own cookie.
 * Our scheme is the connection's, or X-Forwarded-Proto from a trusted proxy (TRUST_PROXY).
 */
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { NextFunction, Request, Response } from 'express';
import proxyaddr from 'proxy-addr';
import { AppError } from '../../errors';

export interface Ours {
  host: string | undefined;
  /** `http` or `https` */
  protocol: string;
}

/** True when `origin` is exactly our scheme, host and port. */
function originMatches(origin: string, ours: Ours): boolean {
  if (!ours.host) return false;
  try {
    return new URL(origin).origin === new URL(`${ours.protocol}://${ours.host}`).origin;
  } catch {
    return false;
  }
}

export function isSameOrigin(origin: string | undefined, fetchSite: string | undefined, ours: Ours): boolean {
  if (origin && origin !== 'null') return originMatches(origin, ours);
  return fetchSite === 'same-origin';
}

/** For reads: refused only when the browser says the request comes from elsewhere. */
export function isCrossSiteRead(origin: string | undefined, fetchSite: string | undefined, ours: Ours): boolean {
  if (fetchSite !== undefined && fetchSite !== 'same-origin') return true;
  return Boolean(origin && origin !== 'null' && !originMatches(origin, ours));
}

const SAFE = ['GET', 'HEAD', 'OPTIONS'];
const ours = (req: Request): Ours => ({ host: req.get('host'), protocol: req.protocol });

/** Writes must come from our pages; reads are left alone (pages, the queue dashboard UI). */
export function requireSameOrigin(req: Request, _res: Response, next: NextFunction) {
  if (SAFE.includes(req.method)) return next();
  if (isSameOrigin(req.get('origin'), req.get('sec-fetch-site'), ours(req))) return next();
  next(new AppError('cross_origin'));
}

/** The staff API: writes as above, and no read that another site's page set off. */
export function requireSameOriginApi(req: Request, res: Response, next: NextFunction) {
  if (!SAFE.includes(req.method)) return requireSameOrigin(req, res, next);
  next(isCrossSiteRead(req.get('origin'), req.get('sec-fetch-site'), ours(req)) ? new AppError('cross_origin') : undefined);
}

/** TRUST_PROXY as express reads it: `true`, `false`, a hop count, or addresses/names (loopback, 10.0.0.0/8). */
export function trustProxySetting(value: string): boolean | number | string {
  if (value === 'true' || value === 'false') return value === 'true';
  return /^\d+$/.test(value) ? Number(value) : value;
}

/** The scheme of a raw request (the Socket.IO handshake), by the same rule express uses. */
export function requestProtocol(req: IncomingMessage, trust: boolean | number | string): string {
  const direct = (req.socket as TLSSocket).encrypted ? 'https' : 'http';
  const trusts =
    typeof trust === 'boolean' ? () => trust : typeof trust === 'number' ? (_a: string, i: number) => i < trust : proxyaddr.compile(trust.split(',').map((s) => s.trim()));
  if (!req.socket.remoteAddress || !trusts(req.socket.remoteAddress, 0)) return direct;
  const forwarded = req.headers['x-forwarded-proto'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0].trim();
  return first || direct;
}
