/**
 * Serves one process's metrics at `http://METRICS_HOST:METRICS_PORT/metrics`, apart from the
 * public API: Prometheus has no staff session, a workers process has no HTTP server, and the
 * numbers (counts and times, never personal data) stay off the public port.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../logger';
import type { Metrics } from './registry';

export interface MetricsServer {
  url: string;
  close(): Promise<void>;
}

export async function serveMetrics(metrics: Metrics, port: number, host: string, log: Logger): Promise<MetricsServer> {
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found: GET /metrics\n');
      return;
    }
    metrics.registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
      (err: Error) => {
        log.warn({ err: err.message }, 'metrics could not be collected');
        res.writeHead(500, { 'content-type': 'text/plain' }).end('metrics could not be collected\n');
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  log.info({ port: address.port, host }, 'metrics at /metrics');
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}/metrics`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
