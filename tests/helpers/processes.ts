/**
 * Real processes for kill-and-restart tests: a private redis-server, and tsunagu itself. Every
 * child is started in its own process group and killed as a group, and any still alive when the
 * test process exits is killed then: a test must never leave a process behind (a leftover
 * `--role=workers` would keep taking jobs from Redis long after the run).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.once('error', reject);
  });
}

async function waitForPort(port: number, timeoutMs = 10000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect({ host: '127.0.0.1', port });
      s.once('connect', () => (s.destroy(), resolve(true)));
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nothing listening on ${port}`);
}

/** A private redis-server without persistence: killing it loses every job, like a real restart. */
export async function startRedis(port: number): Promise<ChildProcess> {
  const child = track(spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore', detached: true }));
  await waitForPort(port);
  return child;
}

const alive = new Set<ChildProcess>();

/** Signals the child's whole process group (it leads one: spawned detached). */
function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    child.kill(signal);
  }
}

process.once('exit', () => {
  for (const child of alive) killGroup(child, 'SIGKILL');
});

function track<T extends ChildProcess>(child: T): T {
  alive.add(child);
  child.once('exit', () => alive.delete(child));
  return child;
}

export function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
    child.once('exit', (code) => resolve(code));
    killGroup(child, signal);
  });
}

/** The compiled server (`npm run build:server`), as production runs it. */
export const COMPILED_MAIN = 'dist/server/src/main.js';

/**
 * Runs `src/main.ts` with the given environment; resolves once its log says `ready` text. One
 * process (node with tsx's loader), not tsx's CLI, which would run the app in a grandchild that a
 * SIGKILL of the CLI leaves running. `compiled` runs the build in dist/ instead, without tsx;
 * `nodeArgs` go to node (the bench's `--cpu-prof`).
 */
export async function startTsunagu(env: Record<string, string>, args: string[] = [], readyText = 'workers started', compiled = false, nodeArgs: string[] = []): Promise<ChildProcess & { output: () => string }> {
  // compiled: as `npm start` and the image run it (package.json, Dockerfile); `nodeArgs` after, so they can override
  const entry = compiled ? ['--max-semi-space-size=2', ...nodeArgs, COMPILED_MAIN] : [...nodeArgs, '--import', 'tsx', 'src/main.ts'];
  const child = track(
    spawn(process.execPath, [...entry, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    }),
  );
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`tsunagu did not start:\n${out}`)), 60000);
    const check = () => {
      if (out.includes(readyText)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`tsunagu exited with ${code}:\n${out}`));
    });
  });
  return Object.assign(child, { output: () => out });
}
