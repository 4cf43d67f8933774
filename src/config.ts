/**
 * Why this file stays whole (over 300 lines): it is the one place every setting is declared —
 * each with its default and its reason side by side, so the README's table and the checks cannot
 * drift apart; split, a setting's check would live away from its neighbours'.
 *
 * Every environment setting, validated in one place. A wrong value stops the process at start
 * with a message that names the setting, instead of failing later in the middle of the night.
 */
import path from 'node:path';
import { z } from 'zod';
import type { OperatorErrorCode } from './errors';

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const url = (what: string) =>
  z.string().refine((v) => {
    try {
      new URL(v);
      return true;
    } catch {
      return false;
    }
  }, `${what} must be a URL`);

export const configSchema = z
  .object({
    /** @defaultValue `'development'` */
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    /**
     * HTTP port of the API (widget demo at `/`, inbox at `/inbox`).
     * @defaultValue `3000`
     */
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    /**
     * Address to listen on.
     * @defaultValue `'0.0.0.0'`
     */
    HOST: z.string().default('0.0.0.0'),
    /**
     * Which proxies in front may tell the client's address and scheme (X-Forwarded-For/-Proto),
     * as express's `trust proxy`: `loopback` (a proxy on this machine), a hop count, addresses or
     * subnets (`10.0.0.0/8`), `true` or `false`.
     * @defaultValue `'loopback'`
     */
    TRUST_PROXY: z.string().trim().min(1).default('loopback'),
    /** Postgres server. Unset: the embedded PGlite database in DATA_DIR. */
    DATABASE_URL: optionalString.pipe(url('DATABASE_URL').optional()),
    /**
     * Folder of the embedded PGlite database (only when DATABASE_URL is unset).
     * @defaultValue `'./data'`
     */
    DATA_DIR: z.string().default('./data'),
    /**
     * Memory the embedded database keeps for table and index pages (Postgres's `shared_buffers`),
     * resident for the life of the process; pages beyond it are read from DATA_DIR, which the
     * operating system caches. Postgres's own default, 128MB, made the one-process setup about
     * 100 MiB larger (README, "Memory").
     * @defaultValue `'32MB'`
     */
    PGLITE_SHARED_BUFFERS: z
      .string()
      .trim()
      .regex(/^[1-9][0-9]*(kB|MB|GB)$/, 'a size such as 32MB (kB, MB or GB)')
      .default('32MB'),
    /** @defaultValue `'redis://127.0.0.1:6379'` */
    REDIS_URL: url('REDIS_URL').default('redis://127.0.0.1:6379'),
    /**
     * BullMQ key prefix, so several installations or test runs can share one Redis.
     * @defaultValue `'tsunagu'`
     */
    QUEUE_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9_.-]+$/, 'QUEUE_PREFIX may use letters, digits, _ . - only')
      .default('tsunagu'),
    /** Signs staff session cookies. Required in production; at least 32 characters. */
    SESSION_SECRET: optionalString,
    /**
     * Staff session lifetime in hours (a night shift plus margin).
     * @defaultValue `14`
     */
    SESSION_TTL_HOURS: z.coerce.number().positive().default(14),
    /**
     * Failed logins for one account (the email as typed) within the lockout period that lock it.
     * @defaultValue `10`
     */
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(10),
    /**
     * Failed logins from one address within the lockout period before it must wait (offices share one).
     * @defaultValue `100`
     */
    LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).max(100000).default(100),
    /**
     * How long failures are counted, and how long a lock lasts (CLI `staff:unlock` lifts it early).
     * @defaultValue `15`
     */
    LOGIN_LOCKOUT_MINUTES: z.coerce.number().positive().max(24 * 60).default(15),
    /**
     * Prometheus metrics of this process at http://METRICS_HOST:METRICS_PORT/metrics (a port of
     * its own, apart from the public API); unset: no metrics. Each process needs its own port when
     * several run on one host. 0 picks a free port (tests).
     */
    METRICS_PORT: optionalString.pipe(z.coerce.number<string | undefined>().int().min(0).max(65535).optional()),
    /**
     * Address the metrics port listens on: `0.0.0.0` when Prometheus scrapes from another host or container.
     * @defaultValue `'127.0.0.1'`
     */
    METRICS_HOST: z.string().default('127.0.0.1'),
    /**
     * The queue dashboard (system operator only) may pause, retry, clean; off: read-only.
     * @defaultValue `'false'`
     */
    QUEUE_DASHBOARD_ACTIONS: z
      .enum(['true', 'false', '1', '0'])
      .default('false')
      .transform((v) => v === 'true' || v === '1'),
    /**
     * How often each API process rechecks the sessions behind its live staff sockets and cuts
     * those that ended (logout, expiry and a disabled account also cut them at once).
     * @defaultValue `30`
     */
    STAFF_SESSION_RECHECK_SECONDS: z.coerce.number().positive().max(3600).default(30),
    LINE_CHANNEL_SECRET: optionalString,
    LINE_CHANNEL_ACCESS_TOKEN: optionalString,
    /**
     * The agency LINE conversations belong to (its code; default: the intake desk).
     * @defaultValue `'intake'`
     */
    LINE_AGENCY_CODE: z.string().default('intake'),
    /** @defaultValue `'https://api.line.me'` */
    LINE_API_BASE_URL: url('LINE_API_BASE_URL').default('https://api.line.me'),
    /** @defaultValue `'https://api-data.line.me'` */
    LINE_DATA_API_BASE_URL: url('LINE_DATA_API_BASE_URL').default('https://api-data.line.me'),
    /**
     * How long a call to the LINE API may take before its outcome counts as unclear.
     * @defaultValue 10000
     * @defaultValue `10_000`
     */
    LINE_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
    /**
     * A reply token older than this is not used; the answer goes by push instead.
     * @defaultValue `50`
     */
    LINE_REPLY_TOKEN_MAX_AGE_SECONDS: z.coerce.number().int().min(0).max(1800).default(50),
    /**
     * Origins allowed to embed the widget (comma separated, e.g. `https://www.city.example.lg.jp`),
     * `*` for any. Used for CORS and for the chat frame's CSP `frame-ancestors`.
     * @defaultValue `'*'`
     */
    WIDGET_ALLOWED_ORIGINS: z
      .string()
      .default('*')
      .refine(
        (v) => v.trim() === '*' || v.split(',').every((o) => /^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/.test(o.trim())),
        'WIDGET_ALLOWED_ORIGINS must be * or origins like https://www.city.example.lg.jp, comma separated',
      ),
    /**
     * Widget messages one address may send per minute (a family on one router shares it).
     * @defaultValue `60`
     */
    WIDGET_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(60),
    /**
     * A widget session ends after this many minutes without a request from the widget (sliding),
     * so a shared or lost phone does not keep showing a consultation. Fractions are allowed (tests).
     * @defaultValue `120`
     */
    WIDGET_SESSION_IDLE_MINUTES: z.coerce.number().positive().max(7 * 24 * 60).default(120),
    /**
     * How often the sweeper refills queues from the database.
     * @defaultValue `15`
     */
    SWEEP_INTERVAL_SECONDS: z.coerce.number().positive().default(15),
    /**
     * How long a worker's claim on a job lasts without renewal; a job of a crashed worker is
     * taken up again after about twice this. @see https://docs.bullmq.io/guide/workers/stalled-jobs
     * @defaultValue `30`
     */
    JOB_LOCK_SECONDS: z.coerce.number().min(1).max(600).default(30),
    /**
     * On stop, how long jobs in flight may run to their end; then the workers close without
     * waiting (such a job is taken up again after the lock runs out, JOB_LOCK_SECONDS).
     * @defaultValue `15`
     */
    SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(0).max(600).default(15),
    /**
     * Worker threads that analyse messages for triage (each holds its own dictionary and rules, about 330 MB).
     * @defaultValue `1`
     */
    TRIAGE_THREADS: z.coerce.number().int().min(1).max(16).default(1),
    /**
     * Front-door dialogue jobs one workers process runs at once. A job mostly waits for the
     * database, so more at once shortens the dialogue queue; a person's messages still take their
     * turns in order (src/queues/message-job.ts holds a later one back). Left at 4: on a machine
     * short of CPU, 16 took connections and CPU from triage, which the hotline reply waits for
     * (README, Benchmark). Raise it where there are cores to spare. Most turns need no job: the
     * triage job takes its message's turn right after triage (workers/dialogue.ts).
     * @defaultValue `4`
     */
    DIALOGUE_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(4),
    /**
     * Triage jobs one workers process runs at once. The analysis itself runs in the triage
     * threads (TRIAGE_THREADS); a job mostly waits for them and for the database, and then
     * takes the message's dialogue turn when nothing earlier of its conversation waits.
     * @defaultValue `16`
     */
    TRIAGE_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
    /**
     * Deliveries (LINE calls, widget messages) one workers process runs at once; answers of one
     * conversation still go out in order (src/queues/message-job.ts).
     * @defaultValue `16`
     */
    DELIVER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
    /**
     * Time budget of one message's analysis, in milliseconds of running time; past it the
     * analysis is stopped and the message marked `high` for a person to read.
     * @defaultValue `15_000`
     */
    TRIAGE_TIMEOUT_MS: z.coerce.number().int().min(10).max(600_000).default(15_000),
    /**
     * Rounds of failed triage after which a message is handed to staff instead of being queued
     * again: each round is a triage job that failed all its attempts, then the sweeper gave it a
     * fresh set. Then the rules-only safety net reads it (a crisis still gets the hotline reply and
     * the alert) and the conversation shows `high` with 「自動判定に失敗しました」 for a person to read.
     * @defaultValue `3`
     */
    TRIAGE_FAILED_ROUNDS: z.coerce.number().int().min(1).max(100).default(3),
    /**
     * Per-municipality settings: hotlines, staffed hours, holidays, escalation (YAML).
     * @defaultValue `'config/municipality.example.yaml'`
     */
    MUNICIPALITY_FILE: z.string().default('config/municipality.example.yaml'),
    /**
     * Overrides the settings file's escalation delay, in seconds (drills and tests); unset in
     * normal use.
     */
    ESCALATION_AFTER_SECONDS: z.coerce.number().positive().optional(),
    /**
     * SMTP server for escalation e-mail (`escalation.email` in the municipality file):
     * `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…:465`.
     */
    SMTP_URL: optionalString.pipe(
      z
        .string()
        .refine((v) => /^smtps?:\/\/[^/]+/.test(v), 'SMTP_URL must look like smtp://user:pass@host:587 or smtps://host:465')
        .optional(),
    ),
    /** Sender of escalation e-mail, e.g. `tsunagu <tsunagu@city.example.jp>` (required with SMTP_URL). */
    SMTP_FROM: optionalString,
    /**
     * Retention (保存期間): closed conversations and closed cases are erased this many days after
     * they last changed (default 1825, five years; check the municipality's own records rules).
     * @defaultValue `1825`
     */
    RETENTION_DAYS: z.coerce.number().int().min(1).max(36500).default(1825),
    /**
     * When the retention purge runs: a cron pattern in the municipality's time zone (default 03:30 daily).
     * @defaultValue `'30 3 * * *'`
     */
    RETENTION_SCHEDULE: z
      .string()
      .trim()
      .regex(/^(\S+\s+){4}\S+$/, 'RETENTION_SCHEDULE must be a cron pattern of five fields, e.g. 30 3 * * *')
      .default('30 3 * * *'),
    /**
     * The Japanese font of the つなぐシート PDF: Noto Sans CJK from Debian's fonts-noto-cjk
     * (`fc-list | grep 'Noto Sans CJK'` shows where it is). A .ttc holds several faces; the JP one is used.
     * @defaultValue `'/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'`
     */
    REFERRAL_PDF_FONT: z.string().default('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'),
    /** @defaultValue `'info'` */
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /**
     * Start a local redis-server when nothing answers at REDIS_URL (embedded default).
     * @defaultValue `'true'`
     */
    REDIS_AUTOSTART: z
      .enum(['true', 'false', '1', '0'])
      .default('true')
      .transform((v) => v === 'true' || v === '1'),
  })
  .superRefine((c, ctx) => {
    if (c.NODE_ENV === 'production' && (!c.SESSION_SECRET || c.SESSION_SECRET.length < 32)) {
      ctx.addIssue({
        code: 'custom',
        path: ['SESSION_SECRET'],
        message: 'SESSION_SECRET must be set to at least 32 characters in production',
      });
    }
    if (c.SMTP_URL && !c.SMTP_FROM) {
      ctx.addIssue({ code: 'custom', path: ['SMTP_FROM'], message: 'set SMTP_FROM (the sender address of escalation e-mail) with SMTP_URL' });
    }
    if (Boolean(c.LINE_CHANNEL_SECRET) !== Boolean(c.LINE_CHANNEL_ACCESS_TOKEN)) {
      ctx.addIssue({
        code: 'custom',
        path: ['LINE_CHANNEL_SECRET'],
        message: 'set both LINE_CHANNEL_SECRET and LINE_CHANNEL_ACCESS_TOKEN, or neither',
      });
    }
  });

export type RawConfig = z.infer<typeof configSchema>;

export interface Config extends RawConfig {
  sessionSecret: string;
  dataDir: string;
  lineEnabled: boolean;
}

export class ConfigError extends Error {
  readonly code: OperatorErrorCode = 'config_invalid';
}

/** Parses settings; throws a ConfigError whose message lists every wrong setting. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(settings)'}: ${i.message}`);
    throw new ConfigError(`Invalid settings:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  return {
    ...c,
    // Empty outside production without SESSION_SECRET: the API makes a random development secret
    // at start (src/auth/dev-secret.ts); production requires its own (checked above).
    sessionSecret: c.SESSION_SECRET ?? '',
    // `memory://` keeps a throwaway PGlite in memory (tests, demos).
    dataDir: c.DATA_DIR.startsWith('memory://') ? c.DATA_DIR : path.resolve(c.DATA_DIR),
    lineEnabled: Boolean(c.LINE_CHANNEL_SECRET && c.LINE_CHANNEL_ACCESS_TOKEN),
  };
}
