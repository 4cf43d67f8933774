/** Staff login / logout / me. Sessions live in the database; the cookie is signed and httpOnly. */
import { Router, type Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import { sql } from 'drizzle-orm';
import type { Context } from '../../../context';
import { staff } from '../../../db/schema';
import { verifyPassword, hashPassword } from '../../../auth/password';
import { createSession, deleteSession } from '../../../auth/sessions';
import { AppError } from '../../../errors';
import { validateBody } from '../../middleware/validate';
import { requireStaff, SESSION_COOKIE } from '../../middleware/staff-auth';
import { loginBody, type LoginBody } from './schema';

// Verifying against a dummy hash when the email is unknown keeps the timing the same.
const dummyHash = hashPassword('timing-equaliser-not-a-password');

export function authRoutes(ctx: Context): Router {
  const router = Router();
  const secure = ctx.config.NODE_ENV === 'production';

  const setCookie = (res: Response, token: string, expires: Date) =>
    res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, signed: true, expires, path: '/' });

  router.post(
    '/login',
    rateLimit({
      windowMs: 15 * 60_000,
      limit: 20,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      handler: (_req, _res, next) => next(new AppError('rate_limited')),
    }),
    validateBody(loginBody),
    async (req, res) => {
      const { email, password } = req.body as LoginBody;
      const [row] = await ctx.db.select().from(staff).where(sql`lower(${staff.email}) = lower(${email})`);
      const ok = await verifyPassword(row?.passwordHash ?? (await dummyHash), password);
      if (!row || !ok) {
        ctx.log.info({ event: 'login_failed' }, 'staff login failed');
        throw new AppError('invalid_credentials');
      }
      const session = await createSession(ctx.db, row.id, ctx.config.SESSION_TTL_HOURS);
      setCookie(res, session.token, session.expiresAt);
      ctx.log.info({ event: 'login', staffId: row.id }, 'staff logged in');
      res.json({ staff: { id: row.id, email: row.email, name: row.name, role: row.role, agencyId: row.agencyId } });
    },
  );

  router.post('/logout', requireStaff(ctx.db), async (req, res) => {
    await deleteSession(ctx.db, req.sessionToken!);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.status(204).end();
  });

  router.get('/me', requireStaff(ctx.db), (req, res) => {
    res.json({ staff: req.staff });
  });

  return router;
}
