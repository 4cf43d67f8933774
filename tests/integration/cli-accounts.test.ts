/**
 * Account commands as an administrator runs them: `help` lists every command and option; weak
 * passwords are refused; passwords come from a hidden prompt (a real terminal, via `script`) or
 * stdin, not the command line; `staff:password`, `staff:disable`/`enable` and `staff:unlock` act
 * on a running installation (its Postgres and Redis), cutting live sockets at once.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { staff } from '../../src/db/schema';
import { ROOT } from '../helpers/processes';
import { addLoggedInStaff, as, connectStaffSocket, login, startTestApp, type TestApp } from '../helpers/app';
import { testDatabases } from '../helpers/databases';

const tsx = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');

// Each test starts the CLI several times through tsx (a few seconds each on a busy CI machine).
jest.setTimeout(180_000);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI; `input` is written to stdin (then closed). */
function cli(args: string[], env: Record<string, string>, input = ''): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsx, 'src/cli/index.ts', ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

/** Runs the CLI on a real pseudo-terminal (util-linux `script`), answering each prompt when it shows. */
function cliOnTerminal(args: string[], env: Record<string, string>, answers: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const command = [process.execPath, tsx, 'src/cli/index.ts', ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    const child = spawn('script', ['-qfec', command, '/dev/null'], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', TERM: 'xterm', ...env } });
    let stdout = '';
    let asked = 0;
    child.stdout.on('data', (d) => {
      stdout += d;
      // Answer once per prompt that has appeared (the screen is redrawn, so count distinct ones).
      const prompts = new Set(stdout.match(/New password|Again, to confirm/g) ?? []).size;
      while (asked < prompts && asked < answers.length) child.stdin.write(`${answers[asked++]}\r`);
    });
    child.on('close', (code) => resolve({ code, stdout, stderr: '' }));
  });
}

test('help lists every command with its options', async () => {
  const { code, stdout } = await cli(['help'], {});
  expect(code).toBe(0);
  for (const c of ['agency:add --code C --name N', 'team:add --name N', 'staff:add --email E --name N --role', 'staff:disable --email E', 'staff:enable --email E', 'staff:password --email E [--password P]', 'staff:unlock --email E', 'classify', 'help']) {
    expect(stdout).toContain(c);
  }
  for (const o of ['--agency CODE', '--members', '--password P', 'operator']) expect(stdout).toContain(o);
  const unknown = await cli(['staff:fly'], {});
  expect(unknown.code).toBe(2);
  expect(unknown.stderr).toContain('unknown command: staff:fly');
  const missing = await cli(['staff:disable'], {});
  expect(missing.code).toBe(2);
  expect(missing.stderr).toContain('--email is required');
});

const pg = testDatabases().includes('postgres');
(pg ? describe : describe.skip)('account commands against a running installation', () => {
  let app: TestApp;
  let env: Record<string, string>;
  beforeAll(async () => {
    app = await startTestApp({ db: 'postgres', env: { STAFF_SESSION_RECHECK_SECONDS: '3600' } });
    env = { DATABASE_URL: app.config.DATABASE_URL!, QUEUE_PREFIX: app.config.QUEUE_PREFIX, REDIS_URL: app.config.REDIS_URL };
  });
  afterAll(() => app?.close());
  const exists = async (email: string) => (await app.runtime.ctx.db.select().from(staff).where(sql`lower(${staff.email}) = ${email}`)).length > 0;

  test('staff:add refuses a guessable password and creates nothing; takes one from stdin; warns about --password', async () => {
    const email = `w${randomUUID().slice(0, 6)}@city.example.jp`;
    for (const weak of ['aaaaaaaaaa', 'password123', 'sakura12345', `${email.split('@')[0]}2024!`]) {
      const r = await cli(['staff:add', '--email', email, '--name', '相談員', '--role', 'counsellor'], env, `${weak}\n`);
      expect({ weak, code: r.code }).toEqual({ weak, code: 1 });
      expect(r.stderr).toMatch(/password: too easy to guess/);
      expect(r.stderr).not.toContain(weak);
    }
    expect(await exists(email)).toBe(false);
    const piped = await cli(['staff:add', '--email', email, '--name', '相談員', '--role', 'counsellor'], env, 'mikan ringo budou suika\n');
    expect(piped.code).toBe(0);
    expect(piped.stderr).toBe('');
    expect(await login(app.url, email, 'mikan ringo budou suika')).toMatch(/tsunagu_session=/);
    const flag = await cli(['staff:add', '--email', `f${email}`, '--name', 'x', '--role', 'counsellor', '--password', 'kujira iruka sakana'], env);
    expect(flag.code).toBe(0);
    expect(flag.stderr).toMatch(/shell history/);
  });

  test('on a terminal the password is asked twice, hidden (never echoed)', async () => {
    const email = `t${randomUUID().slice(0, 6)}@city.example.jp`;
    const password = 'hidden tanuki kitsune mori';
    const r = await cliOnTerminal(['staff:add', '--email', email, '--name', '端末', '--role', 'counsellor'], env, [password, password]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('New password');
    expect(r.stdout).not.toContain(password);
    expect(await login(app.url, email, password)).toMatch(/tsunagu_session=/);
  }, 60_000);

  test('staff:password sets a new password and ends the old sessions; staff:disable cuts the live socket at once; staff:enable', async () => {
    const c = await addLoggedInStaff(app, 'counsellor');
    const reset = await cli(['staff:password', '--email', c.email], env, 'a brand new pass phrase\n');
    expect(reset.code).toBe(0);
    expect(JSON.parse(reset.stdout)).toMatchObject({ sessionsEnded: 1, liveConnections: 'closed' });
    expect((await fetch(`${app.url}/api/auth/me`, { headers: { cookie: c.cookie } })).status).toBe(401);
    await expect(login(app.url, c.email, c.password)).rejects.toThrow('401');
    const cookie = await login(app.url, c.email, 'a brand new pass phrase');

    const socket = await connectStaffSocket(as(app, cookie));
    try {
      const gone = new Promise((resolve) => socket.once('disconnect', resolve));
      const disable = await cli(['staff:disable', '--email', c.email.toUpperCase()], env);
      expect(disable.code).toBe(0);
      await gone; // no recheck in this app: the CLI's cut through Redis did it
      await expect(login(app.url, c.email, 'a brand new pass phrase')).rejects.toThrow('401');
      expect((await app.runtime.ctx.db.select().from(staff).where(eq(staff.id, c.id)))[0].disabledAt).not.toBeNull();
    } finally {
      socket.disconnect();
    }
    expect((await cli(['staff:enable', '--email', c.email], env)).code).toBe(0);
    expect(await login(app.url, c.email, 'a brand new pass phrase')).toMatch(/tsunagu_session=/);
    expect((await cli(['staff:disable', '--email', 'nobody@city.example.jp'], env)).code).toBe(1);
  }, 60_000);

  test('staff:unlock lifts a lockout', async () => {
    const c = await addLoggedInStaff(app, 'counsellor');
    const attempt = (password: string) =>
      fetch(`${app.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: app.url }, body: JSON.stringify({ email: c.email, password }) });
    for (let i = 0; i < 10; i++) await attempt(`wrong ${i}`);
    expect((await attempt(c.password)).status).toBe(429);
    const r = await cli(['staff:unlock', '--email', c.email], env);
    expect(r.code).toBe(0);
    expect((await attempt(c.password)).status).toBe(200);
  }, 60_000);
});
