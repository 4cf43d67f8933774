/**
 * The express app: security headers, request logs without bodies, the routes, static front ends,
 * and one error handler. It only wires; every act lives in a command or a route file.
 */
import { fromRoot } from '../paths';
import { httpMetrics } from '../metrics/http';
import path from 'node:path';
import fs from 'node:fs';
import express from 'express';
import helmet from 'helmet';
import cors from 'cors';
import cookieParser from 'cookie-parser';
import type { Context } from '../context';
import { widgetRoutes } from './routes/widget/widget';
import { widgetFrameRoutes } from './routes/widget/frame';
import { authRoutes } from './routes/auth/auth';
import { conversationRoutes } from './routes/conversations/conversations';
import { lineWebhookRoutes } from './routes/webhooks/line';
import { alertRoutes } from './routes/alerts/alerts';
import { staffRoutes } from './routes/staff/staff';
import { shiftRoutes } from './routes/shift/shift';
import { teamRoutes } from './routes/teams/teams';
import { auditRoutes } from './routes/audit/audit';
import { cannedRoutes } from './routes/canned/canned';
import { messageRoutes } from './routes/messages/messages';
import { reportRoutes } from './routes/reports/reports';
import { personDataRoutes } from './routes/person-data/person-data';
import { caseRoutes } from './routes/cases/cases';
import { referralRoutes } from './routes/referrals/referrals';
import { meetingRoutes } from './routes/meetings/meetings';
import { agencyRoutes } from './routes/agencies/agencies';
import { followUpRoutes } from './routes/follow-ups/follow-ups';
import type { Presence } from './presence';
import { QUEUE_DASHBOARD_PATH, queueDashboard } from './queue-dashboard';
import { healthRoutes } from './routes/health/health';
import { countUnreachedEscalations } from '../safety/unreached-escalations';
import { buildOpenApiDocument } from './openapi';
import { errorHandler, notFound } from './middleware/errors';
import { requestLog } from './middleware/request-log';
import { requireSameOrigin, requireSameOriginApi, trustProxySetting } from './middleware/same-origin';
import { requireInboxRole, requireStaff } from './middleware/staff-auth';
import { createLoginThrottle, loginThrottleSettings } from '../auth/login-throttle';

export interface AppOptions {
  /** The database (readiness pings it). */
  database: { ping(): Promise<unknown> };
  /** Who is on duty (connected to the inbox). */
  presence: Presence;
  /** Resolves when the queues' Redis answers (readiness). */
  pingRedis: () => Promise<unknown>;
  /** Whether a crisis with nobody signed in reaches someone (readiness: `degraded` when not). */
  escalationTargetsUsable?: boolean;
  defaultAgencyId: string;
  /** The agency LINE conversations belong to (LINE_AGENCY_CODE). */
  lineAgencyId: string;
  /** Built front ends (vite output): dist/widget and dist/inbox. */
  webDir?: string;
}

export function widgetCorsOrigin(setting: string): cors.CorsOptions['origin'] {
  if (setting.trim() === '*') return '*';
  return setting.split(',').map((s) => s.trim()).filter(Boolean);
}

export function createApp(ctx: Context, opts: AppOptions): express.Express {
  const app = express();
  const webDir = opts.webDir ?? fromRoot('dist');
  app.disable('x-powered-by');
  app.set('trust proxy', trustProxySetting(ctx.config.TRUST_PROXY));
  app.use(helmet());
  app.use(requestLog(ctx.log));

  if (ctx.metrics) app.use(httpMetrics(ctx.metrics));
  app.use(
    healthRoutes({
      database: opts.database,
      pingRedis: opts.pingRedis,
      escalationTargetsUsable: opts.escalationTargetsUsable ?? true,
      unreachedEscalations: () => countUnreachedEscalations(ctx.db),
    }),
  );
  app.use('/webhooks/line', lineWebhookRoutes(ctx, opts.lineAgencyId));

  app.use(cookieParser(ctx.config.sessionSecret));
  const json = express.json({ limit: '1mb' });

  // The widget is embedded on municipal sites: cross-origin, bearer token, never cookies.
  app.use(
    '/api/widget',
    cors({ origin: widgetCorsOrigin(ctx.config.WIDGET_ALLOWED_ORIGINS), credentials: false, maxAge: 600 }),
    json,
    widgetRoutes(ctx, opts.defaultAgencyId),
  );
  app.use('/api/auth', requireSameOrigin, json, authRoutes(ctx, createLoginThrottle(ctx.redis, loginThrottleSettings(ctx.config))));
  const staffApi = [requireSameOriginApi, requireStaff(ctx.db), requireInboxRole, json];
  app.use('/api/conversations', ...staffApi, conversationRoutes(ctx));
  app.use('/api/alerts', ...staffApi, alertRoutes(ctx));
  app.use('/api/audit', ...staffApi, auditRoutes(ctx));
  app.use('/api/canned-replies', ...staffApi, cannedRoutes(ctx));
  app.use('/api/messages', ...staffApi, messageRoutes(ctx));
  app.use('/api/staff', ...staffApi, staffRoutes(ctx, opts.presence));
  app.use('/api/shift', ...staffApi, shiftRoutes(ctx, opts.presence));
  app.use('/api/teams', ...staffApi, teamRoutes(ctx));
  app.use('/api/reports', ...staffApi, reportRoutes(ctx));
  app.use('/api/person-data', ...staffApi, personDataRoutes(ctx));
  app.use('/api/cases', ...staffApi, caseRoutes(ctx));
  app.use('/api/referrals', ...staffApi, referralRoutes(ctx));
  app.use('/api/meetings', ...staffApi, meetingRoutes(ctx));
  app.use('/api/agencies', ...staffApi, agencyRoutes(ctx));
  app.use('/api/follow-ups', ...staffApi, followUpRoutes(ctx));
  const openapi = buildOpenApiDocument();
  app.get('/api/openapi.json', (_req, res) => res.json(openapi));
  app.use('/api', notFound);
  // Admin pages: GET only from the dashboard's own UI, plus its same-origin API calls.
  app.use(QUEUE_DASHBOARD_PATH, requireSameOrigin, queueDashboard(ctx));

  // Front ends. The widget script must load on other sites, so it may be fetched cross-origin.
  const widgetDir = path.join(webDir, 'widget');
  const inboxDir = path.join(webDir, 'inbox');
  app.use(widgetFrameRoutes(ctx.config, widgetDir));
  app.use(
    '/widget',
    (_req, res, next) => {
      res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
      next();
    },
    express.static(widgetDir, { index: false }),
  );
  app.get('/', (_req, res, next) => sendIfBuilt(res, path.join(widgetDir, 'index.html'), next));
  app.use('/inbox', express.static(inboxDir, { index: false }));
  app.get(/^\/inbox(\/.*)?$/, (_req, res, next) => sendIfBuilt(res, path.join(inboxDir, 'index.html'), next));

  app.use(notFound);
  app.use(errorHandler(ctx.log));
  return app;
}

function sendIfBuilt(res: express.Response, file: string, next: express.NextFunction) {
  if (!fs.existsSync(file)) {
    res.status(503).type('text/plain; charset=utf-8').send('Front end not built: run `npm run build:web` (npm start does it).');
    return;
  }
  res.sendFile(file, (err) => err && next(err));
}
