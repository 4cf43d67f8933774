/**
 * A municipal page on another origin than tsunagu, as in real life: a tiny HTTP server that
 * serves a page embedding the widget with its one script tag, and a neutral page for the quick
 * exit. Two ways to reach it: `origin` (http://127.0.0.1:<port>: another origin, same site as
 * tsunagu on 127.0.0.1, like tsunagu on a subdomain of the city's domain) and `crossSite`
 * (http://localhost:<port>: another site, where browsers may refuse the frame any storage).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HostPage {
  /** tsunagu's URL (set it once tsunagu runs: tsunagu needs this page's origin to start). */
  apiUrl: string;
  /** Extra attributes for the script tag (e.g. data-agency). */
  attrs: string;
  port: number;
  /** http://127.0.0.1:<port> */
  origin: string;
  /** http://localhost:<port> */
  crossSite: string;
  close(): Promise<void>;
}

const page = (apiUrl: string, origin: string, extra: string) => `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>〇〇市 福祉の総合相談（別オリジンのテストページ）</title></head>
<body style="font-family: sans-serif; margin: 0; padding: 16px; background: #f4f4f1">
<h1>〇〇市 福祉の総合相談</h1>
<p>このページは tsunagu とは別のオリジンで配信されています。</p>
<p><a href="#top">ページの先頭へ</a></p>
<script src="${apiUrl}/widget/widget.js" data-api="${apiUrl}" data-exit-url="${origin}/neutral" ${extra} defer></script>
</body></html>`;

export async function startHostPage(): Promise<HostPage> {
  const server = http.createServer((req, res) => {
    const origin = `http://${req.headers.host}`;
    if (req.url === '/neutral' || req.url?.startsWith('/neutral?')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>天気</title></head><body><h1>今日の天気</h1></body></html>');
      return;
    }
    if (req.url === '/' || req.url?.startsWith('/?')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page(host.apiUrl, origin, host.attrs));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const host: HostPage = {
    apiUrl: '',
    attrs: '',
    port,
    origin: `http://127.0.0.1:${port}`,
    crossSite: `http://localhost:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return host;
}
