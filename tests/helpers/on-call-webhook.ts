/**
 * A local stand-in for the on-call paging service (the municipality file's
 * `escalation.webhookUrl`): answers `status` (changeable mid-test: down, then back) and records
 * each notice it was sent, with the status it answered.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface OnCallWebhook {
  url: string;
  /** What the next notice is answered with. */
  status: number;
  received: { status: number; alertId: string }[];
  close(): Promise<void>;
}

export async function startOnCallWebhook(status = 200): Promise<OnCallWebhook> {
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      hook.received.push({ status: hook.status, alertId: JSON.parse(body).alertId });
      res.writeHead(hook.status).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const hook: OnCallWebhook = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/oncall`,
    status,
    received: [],
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
  return hook;
}
