/**
 * Widget authentication: `Authorization: Bearer <sessionToken>` → the anonymous session, or 401.
 * Every authenticated request is activity: the session's idle deadline slides.
 */
import type { NextFunction, Request, Response } from 'express';
import type { Context } from '../../context';
import { findWidgetSession, type WidgetSession } from '../../channels/widget/sessions';
import { AppError } from '../../errors';

declare module 'express-serve-static-core' {
  interface Request {
    widget?: WidgetSession;
  }
}

export function bearerToken(header: string | undefined): string | null {
  const m = /^Bearer\s+([A-Za-z0-9_-]{20,200})$/.exec(header ?? '');
  return m ? m[1] : null;
}

export function requireWidgetSession(db: Context['db'], idleMinutes: number) {
  return async (req: Request, _res: Response, next: NextFunction) => {
    const token = bearerToken(req.get('authorization'));
    const session = token ? await findWidgetSession(db, token, { slideMinutes: idleMinutes }) : null;
    if (!session) return next(new AppError('invalid_session'));
    req.widget = session;
    next();
  };
}
