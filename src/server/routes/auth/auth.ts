/**
 * Staff login / logout / me. Sessions live in the database; the cookie is signed, httpOnly and
 * SameSite=Strict. Login is throttled on failures (per account and per address, see
 * src/auth/login-throttle.ts); every refusal looks the same whether or not the account exists.
 */
import { Router, type Response } from 'express';
import type { Context } from '../../../context';
import { checkCredentials } from '../../../auth/check-credentials';
import { createSession, deleteSession } from '../../../auth/sessions';
import type { LoginThrottle } from '../../../auth/login-throttle';
import { AppError } from '../../../errors';
import { validateBody } from '../../middleware/validate';
import { requireStaff, SESSION_COOKIE } from '../../middleware/staff-auth';
import { loginBody, type LoginBody } from './schema';

export function authRoutes(ctx: Context, throttle: LoginThrottle): Router {
  const router = Router();
  const secure = ctx.config.NODE_ENV === 'production';

  // Strict: a link from another site opens the inbox without the cookie, so no cross-site
  // navigation can read or change anything; the inbox's own requests carry it.
  const cookieOptions = { httpOnly: true, sameSite: 'strict', secure, path: '/' } as const;
  const setCookie = (res: Response, token: string, expires: Date) => res.cookie(SESSION_COOKIE, token, { ...cookieOptions, signed: true, expires });

  router.post('/login', validateBody(loginBody), async (req, res) => {
    const { email, password } = req.body as LoginBody;
    const address = req.ip ?? 'unknown';
    const refusal = await throttle.attempt(email, address);
    if (refusal) {
      ctx.log.info({ event: 'login_refused', reason: refusal.code }, 'staff login refused (too many failures)');
      res.setHeader('Retry-After', String(refusal.retryAfterSeconds));
      throw new AppError(refusal.code);
    }
    const account = await checkCredentials(ctx.db, email, password);
    if (!account) {
      await throttle.failed(email, address);
      ctx.log.info({ event: 'login_failed' }, 'staff login failed');
      throw new AppError('invalid_credentials');
    }
    await throttle.succeeded(email, address);
    // Session rotation: a fresh token on every login; the one this browser held (if any) ends.
    const previous = req.signedCookies?.[SESSION_COOKIE];
    if (typeof previous === 'string' && previous) ctx.publisher.endSessionSockets(await deleteSession(ctx.db, previous));
    const session = await createSession(ctx.db, account.id, ctx.config.SESSION_TTL_HOURS);
    setCookie(res, session.token, session.expiresAt);
    ctx.log.info({ event: 'login', staffId: account.id }, 'staff logged in');
    res.json({ staff: account });
  });

  router.post('/logout', requireStaff(ctx.db), async (req, res) => {
    const sessionId = await deleteSession(ctx.db, req.sessionToken!);
    // The inbox's live connection ends with the session, in whichever API process it is.
    ctx.publisher.endSessionSockets(sessionId);
    res.clearCookie(SESSION_COOKIE, cookieOptions);
    res.status(204).end();
  });

  router.get('/me', requireStaff(ctx.db), (req, res) => {
    res.json({ staff: req.staff });
  });

  return router;
}
