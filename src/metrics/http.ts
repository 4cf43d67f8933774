/** Times every HTTP answer of the API into tsunagu_http_request_duration_seconds. */
import type { RequestHandler } from 'express';
import type { Metrics } from './registry';

/** A handful of route groups, never the path itself (ids would make a series per conversation). */
export function routeGroup(path: string): string {
  if (path.startsWith('/webhooks/line')) return 'line_webhook';
  if (path.startsWith('/api/widget')) return 'widget_api';
  if (path.startsWith('/api/')) return 'staff_api';
  return 'other';
}

export function httpMetrics(metrics: Metrics): RequestHandler {
  return (req, res, next) => {
    const end = metrics.httpDuration.startTimer({ route: routeGroup(req.path) });
    res.once('finish', () => end({ status: `${Math.floor(res.statusCode / 100)}xx` }));
    next();
  };
}
