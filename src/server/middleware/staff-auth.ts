/** Staff authentication: the signed, httpOnly session cookie → the staff member, or 401. */
import type { NextFunction, Request, Response } from 'express';
import type { Context } from '../../context';
import { findSessionStaff, type SessionStaff } from '../../auth/sessions';
import { AppError } from '../../errors';
import { mayUseInbox } from '../../policies/roles';

export const SESSION_COOKIE = 'tsunagu_session';

declare module 'express-serve-static-core' {
  interface Request {
    staff?: SessionStaff;
    sessionToken?: string;
  }
}

export function requireStaff(db: Context['db']) {
  return async (req: Request, _res: Response, next: NextFunction) => {
    const token = req.signedCookies?.[SESSION_COOKIE];
    if (typeof token !== 'string' || !token) return next(new AppError('unauthenticated'));
    const staff = await findSessionStaff(db, token);
    if (!staff) return next(new AppError('unauthenticated'));
    req.staff = staff;
    req.sessionToken = token;
    next();
  };
}

/** After requireStaff on the staff API: the system operator sees no consultation data (403). */
export function requireInboxRole(req: Request, _res: Response, next: NextFunction) {
  next(req.staff && mayUseInbox(req.staff) ? undefined : new AppError('forbidden'));
}
