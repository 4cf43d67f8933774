/**
 * A local test receiver for the escalation targets, so the example municipality file points at
 * something that answers on a development machine (never for real use: it pages nobody).
 *
 *   npm run -s oncall:receiver [-- --port 8025] [--smtp-port 2525]
 *
 * Webhook: POST http://127.0.0.1:8025/oncall (the example file's `escalation.webhookUrl`).
 * E-mail: an SMTP server on 127.0.0.1:2525 (SMTP_URL=smtp://127.0.0.1:2525, any login accepted).
 * Each notice is printed as it arrives; notices carry ids only, never a person's words.
 */
import http from 'node:http';
import { SMTPServer } from 'smtp-server';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const port = arg('--port', 8025);
const smtpPort = arg('--smtp-port', 2525);
const stamp = () => new Date().toLocaleString('ja-JP', { hour12: false });

const web = http.createServer((req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (d) => (body += d));
  req.on('end', () => {
    console.log(`[${stamp()}] webhook ${req.method} ${req.url}\n${body}\n`);
    res.writeHead(req.method === 'POST' ? 200 : 405, { 'content-type': 'text/plain' }).end(req.method === 'POST' ? 'ok' : 'POST only');
  });
});
web.listen(port, '127.0.0.1', () => console.log(`on-call test receiver: webhook http://127.0.0.1:${port}/oncall`));

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  onAuth: (_auth, _session, done) => done(null, { user: 'test' }),
  onData(stream, session, done) {
    let mail = '';
    stream.setEncoding('utf8');
    stream.on('data', (d: string) => (mail += d));
    stream.on('end', () => {
      console.log(`[${stamp()}] e-mail to ${session.envelope.rcptTo.map((r) => r.address).join(', ')}\n${mail}\n`);
      done();
    });
  },
});
smtp.listen(smtpPort, '127.0.0.1', () => console.log(`on-call test receiver: SMTP smtp://127.0.0.1:${smtpPort}`));
