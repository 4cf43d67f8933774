/**
 * Starts a real tsunagu for a test: real Redis (a fresh queue prefix per app), a real database
 * (PGlite in memory or a fresh Postgres database), HTTP on a free port, workers in-process.
 */
import { randomBytes } from 'node:crypto';
import { io as ioClient, type Socket } from 'socket.io-client';
import { loadConfig, type Config } from '../../src/config';
import { createLogger } from '../../src/logger';
import { start, type Role, type Runtime, type StartOptions } from '../../src/runtime';
import { addStaff } from '../../src/staff/add-staff';
import { DEFAULT_AGENCY_CODE } from '../../src/agencies/default-agency';
import { createTestDatabase, type DbKind } from './databases';
import type { ConversationView } from '../../src/contracts';
import path from 'node:path';

/** Staffed around the clock, so what the bot says does not depend on when the tests run. */
export const ALWAYS_STAFFED = path.resolve(__dirname, '../fixtures/municipality-always-staffed.yaml');
export const NEVER_STAFFED = path.resolve(__dirname, '../fixtures/municipality-never-staffed.yaml');

export interface TestApp {
  runtime: Runtime;
  config: Config;
  url: string;
  /** Staff session cookie of a logged-in counsellor. */
  staffCookie: string;
  staffId: string;
  staffEmail: string;
  staffPassword: string;
  close(): Promise<void>;
}

export interface TestAppOptions {
  db?: DbKind;
  /** Reuse a database URL (e.g. restart against the same Postgres database). */
  databaseUrl?: string;
  env?: Record<string, string>;
  role?: Role;
  withSweeper?: boolean;
  /** Share one queue prefix between several apps (e.g. separate API and workers). */
  queuePrefix?: string;
  /** Where logs go (tests that read them); default: discarded unless TEST_LOG_LEVEL. */
  logDestination?: { write(line: string): void };
  /** Wraps the triage pool (a fault injected for one message). */
  wrapTriage?: StartOptions['wrapTriage'];
}

export const newPrefix = () => `t${randomBytes(5).toString('hex')}`;

export async function startTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  let dropDb: (() => Promise<void>) | undefined;
  let databaseUrl = opts.databaseUrl;
  if (!databaseUrl && opts.db === 'postgres') {
    const created = await createTestDatabase();
    databaseUrl = created.url;
    dropDb = created.drop;
  }
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: 'memory://',
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_AUTOSTART: 'false',
    QUEUE_PREFIX: opts.queuePrefix ?? newPrefix(),
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    SWEEP_INTERVAL_SECONDS: '1',
    MUNICIPALITY_FILE: ALWAYS_STAFFED,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...opts.env,
  });
  const runtime = await start(config, { role: opts.role ?? 'all', log: createLogger(config.LOG_LEVEL, 'tsunagu', opts.logDestination), withSweeper: opts.withSweeper, wrapTriage: opts.wrapTriage });
  const url = runtime.url ?? '';
  let staffCookie = '';
  let staffId = '';
  const password = 'correct horse battery staple';
  const email = `c${randomBytes(4).toString('hex')}@example.jp`;
  if (url) {
    const staff = await addStaff(runtime.ctx.db, { email, name: '相談員 太郎', password, role: 'counsellor', agencyCode: DEFAULT_AGENCY_CODE });
    staffId = staff.id;
    staffCookie = await login(url, email, password);
  }
  return {
    runtime,
    config,
    url,
    staffCookie,
    staffId,
    staffEmail: email,
    staffPassword: password,
    close: async () => {
      await runtime.close();
      await dropDb?.();
    },
  };
}

export async function login(url: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

/** A staff API call with the session cookie and a same-origin Origin header. */
export function staffFetch(app: TestApp, path: string, init: RequestInit = {}) {
  return fetch(`${app.url}${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', origin: app.url, cookie: app.staffCookie, ...(init.headers as Record<string, string>) },
  });
}

/** The conversation as the signed-in counsellor sees it (GET /api/conversations/:id). */
export async function staffConversation(app: TestApp, id: string): Promise<ConversationView> {
  const res = await staffFetch(app, `/api/conversations/${id}`);
  if (res.status !== 200) throw new Error(`GET conversation: ${res.status}`);
  return ((await res.json()) as { conversation: ConversationView }).conversation;
}

export async function connectStaffSocket(app: TestApp): Promise<Socket> {
  const socket = ioClient(`${app.url}/staff`, {
    transports: ['websocket'],
    extraHeaders: { cookie: app.staffCookie, origin: app.url },
    reconnection: false,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

/** Resolves with the first event `name` whose payload satisfies `match`. */
export function waitForEvent<T = any>(socket: Socket, name: string, match: (p: T) => boolean = () => true, timeoutMs = 15000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(name, handler);
      reject(new Error(`no ${name} event within ${timeoutMs} ms`));
    }, timeoutMs);
    const handler = (p: T) => {
      if (!match(p)) return;
      clearTimeout(timer);
      socket.off(name, handler);
      resolve(p);
    };
    socket.on(name, handler);
  });
}

/** A conversation view as staff receive it: on `conversation:updated`, or with the messages that changed it on `message:created`. */
export interface ConversationChange {
  conversation: ConversationView;
  triagedMessageId?: string;
  event: 'conversation:updated' | 'message:created';
}

/** Calls `handler` for every conversation view the socket receives, on either event; returns a function that stops it. */
export function onConversationChange(socket: Socket, handler: (c: ConversationChange) => void): () => void {
  const updated = (e: Omit<ConversationChange, 'event'>) => handler({ ...e, event: 'conversation:updated' });
  const created = (e: { conversation?: ConversationView; triagedMessageId?: string }) =>
    e.conversation && handler({ conversation: e.conversation, ...(e.triagedMessageId ? { triagedMessageId: e.triagedMessageId } : {}), event: 'message:created' });
  socket.on('conversation:updated', updated);
  socket.on('message:created', created);
  return () => {
    socket.off('conversation:updated', updated);
    socket.off('message:created', created);
  };
}

/** The first conversation view (on either event) that matches. */
export function waitForConversationChange(socket: Socket, match: (c: ConversationChange) => boolean, timeoutMs = 15000): Promise<ConversationChange> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`no matching conversation view within ${timeoutMs} ms`));
    }, timeoutMs);
    const stop = onConversationChange(socket, (c) => {
      if (!match(c)) return;
      clearTimeout(timer);
      stop();
      resolve(c);
    });
  });
}

/** Polls `fn` until it returns a truthy value. */
export async function eventually<T>(fn: () => Promise<T | undefined | null | false>, timeoutMs = 15000, stepMs = 100): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < end) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, stepMs));
  }
  throw new Error(`condition not met within ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`);
}

/** Another staff member of the default agency, logged in: `{ id, cookie }` for staffFetch / sockets. */
export async function addLoggedInStaff(app: TestApp, role: 'counsellor' | 'supervisor' | 'admin', name = `${role} ${randomBytes(2).toString('hex')}`) {
  const email = `${role}${randomBytes(4).toString('hex')}@example.jp`;
  const password = 'another long password';
  const staff = await addStaff(app.runtime.ctx.db, { email, name, password, role, agencyCode: DEFAULT_AGENCY_CODE });
  return { id: staff.id, name, email, password, cookie: await login(app.url, email, password) };
}

/** The same app seen by another staff member (their cookie). */
export const as = (app: TestApp, cookie: string): TestApp => ({ ...app, staffCookie: cookie });
