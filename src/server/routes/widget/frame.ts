/**
 * The chat frame (`/widget/frame.html`): the widget's conversation runs in an iframe on
 * tsunagu's own origin, so its session token is out of reach of every script on the municipal
 * page. Only the pages in WIDGET_ALLOWED_ORIGINS may frame it (CSP `frame-ancestors`; helmet's
 * X-Frame-Options: SAMEORIGIN is lifted for this one document). The idle lifetime is written into
 * the page, so the frame can tell the person the truth before any session exists.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Router, type Response } from 'express';
import helmet from 'helmet';
import type { Config } from '../../../config';

export const FRAME_PATH = '/widget/frame.html';

export function frameAncestors(setting: string): string[] {
  const allowed = setting.trim() === '*' ? ['*'] : setting.split(',').map((o) => o.trim()).filter(Boolean);
  return ["'self'", ...allowed];
}

export function widgetFrameRoutes(config: Config, widgetDir: string): Router {
  const router = Router();
  const file = path.join(widgetDir, 'frame.html');
  const csp = helmet.contentSecurityPolicy({
    useDefaults: true,
    directives: {
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      // The frame's styles are injected by its script as one <style> element.
      'style-src': ["'self'", "'unsafe-inline'"],
      'connect-src': ["'self'"],
      'img-src': ["'self'", 'data:'],
      'frame-ancestors': frameAncestors(config.WIDGET_ALLOWED_ORIGINS),
      'form-action': ["'none'"],
      'base-uri': ["'none'"],
    },
  });
  router.get(FRAME_PATH, csp, (_req, res: Response, next) => {
    fs.readFile(file, 'utf8', (err, html) => {
      if (err) {
        if (err.code !== 'ENOENT') return next(err);
        res.status(503).type('text/plain; charset=utf-8').send('Front end not built: run `npm run build:web` (npm start does it).');
        return;
      }
      res.removeHeader('X-Frame-Options');
      res.setHeader('Cache-Control', 'no-store');
      res.type('html').send(html.replace(/(<meta name="tsunagu-idle-minutes" content=")[^"]*(")/, `$1${config.WIDGET_SESSION_IDLE_MINUTES}$2`));
    });
  });
  return router;
}
