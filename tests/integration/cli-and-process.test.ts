/**
 * The newcomer's path as processes: the CLI creates a staff account before the server has ever
 * run; `npm start`'s entry serves the widget, inbox and API on the embedded database; SIGTERM
 * ends it cleanly (exit 0) and releases the database.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort, ROOT, startTsunagu, stopProcess } from '../helpers/processes';
import { login, newPrefix } from '../helpers/app';

const run = promisify(execFile);
const tsx = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');

function cli(args: string[], env: Record<string, string>) {
  return run(process.execPath, [tsx, 'src/cli/index.ts', ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env } }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e) => ({ code: e.code as number, stdout: e.stdout as string, stderr: e.stderr as string }),
  );
}

describe('CLI and the server process on the embedded database', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsunagu-'));
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  test('staff:add before first start, then log in; SIGTERM exits 0', async () => {
    const env = { DATA_DIR: dataDir };
    const add = await cli(['staff:add', '--email', 'Hanako@City.example.jp', '--name', '相談員 花子', '--password', 'long-enough-pass', '--role', 'supervisor'], env);
    expect(add.stderr).toMatch(/^(note: [^\n]*shell history[^\n]*\n)?$/); // only the advice to leave --password out
    expect(add.code).toBe(0);
    expect(JSON.parse(add.stdout).staff).toMatchObject({ email: 'hanako@city.example.jp', role: 'supervisor' });
    expect(add.stdout).not.toContain('long-enough-pass');

    const again = await cli(['staff:add', '--email', 'hanako@city.example.jp', '--name', 'x', '--password', 'long-enough-pass', '--role', 'counsellor'], env);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/already exists/);
    const badRole = await cli(['staff:add', '--email', 'a@b.jp', '--name', 'x', '--password', 'long-enough-pass', '--role', 'boss'], env);
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toMatch(/--role/);

    const port = await freePort();
    const server = await startTsunagu({ ...env, PORT: String(port), QUEUE_PREFIX: newPrefix(), REDIS_AUTOSTART: 'false' });
    try {
      const url = `http://127.0.0.1:${port}`;
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      const ready = await fetch(`${url}/readyz`);
      expect(await ready.json()).toMatchObject({ status: 'ready', checks: { database: 'ok', redis: 'ok' } });
      const cookie = await login(url, 'hanako@city.example.jp', 'long-enough-pass');
      expect(cookie).toMatch(/tsunagu_session=/);
      const openapi = await (await fetch(`${url}/api/openapi.json`)).json();
      expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/api/widget/messages', '/webhooks/line', '/api/conversations/{id}/replies']));

      // While the server holds the embedded database, the CLI refuses instead of corrupting it.
      const busy = await cli(['staff:add', '--email', 'b@city.example.jp', '--name', 'x', '--password', 'long-enough-pass', '--role', 'counsellor'], env);
      expect(busy.code).toBe(1);
      expect(busy.stderr).toMatch(/in use by process/);
    } finally {
      const code = await stopProcess(server, 'SIGTERM');
      expect(code).toBe(0);
      expect(server.output()).toContain('stopped');
    }
    expect(fs.existsSync(path.join(dataDir, 'tsunagu.lock'))).toBe(false);
  }, 150_000); // five real processes, each opening PGlite: slow on a busy CI machine
});
