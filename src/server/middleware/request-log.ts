/**
 * One log line per HTTP request (pino-http): method, path (never the query string: it can carry
 * search words; never bodies: they carry consultations), status and time.
 *
 * An accepted LINE webhook is logged at `debug`: under load there are hundreds a second, which the
 * metrics count. Below `debug` the webhook's requests do not go through pino-http at all: it builds
 * a child logger with the serialised request for every request before it knows the outcome (about
 * 3 % of the API's busy time at 100 messages a second, issue 13); a refused webhook is still logged,
 * at `info`, in the same shape.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from '../../logger';

const WEBHOOK = '/webhooks/line';

const pathOf = (url: string) => url.split('?')[0];

export function requestLog(log: Logger): RequestHandler {
  const everyRequest = pinoHttp({
    logger: log,
    serializers: {
      req: (req: { method: string; url: string; id: unknown }) => ({ id: req.id, method: req.method, path: pathOf(req.url) }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    autoLogging: { ignore: (req) => req.url === '/healthz' },
    customLogLevel: (req, res, err) => (!err && res.statusCode < 400 && (req as Request).originalUrl === WEBHOOK ? 'debug' : 'info'),
  });
  return (req: Request, res: Response, next: NextFunction) => {
    if (pathOf(req.url) !== WEBHOOK || log.isLevelEnabled('debug')) return everyRequest(req, res, next);
    const started = Date.now();
    res.once('finish', () => {
      if (res.statusCode < 400) return;
      const line = { req: { method: req.method, path: WEBHOOK }, res: { statusCode: res.statusCode }, responseTime: Date.now() - started };
      log.info(line, res.statusCode >= 500 ? 'request errored' : 'request completed');
    });
    next();
  };
}
