/**
 * PGlite in a thread of its own (./pglite-thread.ts), behind the part of PGlite's interface that
 * drizzle's PGlite driver and ./client.ts use: `query` (with drizzle's result parsers), and
 * `transaction`, whose statements are sent to the thread one by one like any others.
 *
 * Why: PGlite runs its statements as WASM on the calling thread. On the main thread they held up
 * every webhook answer and socket event while the workers' statements ran.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { plainToError, type PlainError } from './pglite-errors';
import { currentDbTurn, orderDbTurns, type DbTurn } from './ahead';
import type { UpkeepDone } from './pglite-upkeep';

export type ThreadRequest =
  | { id: number; op: 'query'; sql: string; params: unknown[]; rowMode: 'array' | 'object'; identityTypes: number[]; turn: DbTurn; tx?: number; begin?: boolean }
  | { id: number; op: 'end'; tx: number; commit: boolean }
  | { id: number; op: 'upkeep' }
  | { id: number; op: 'close' };
type RequestBody = ThreadRequest extends infer R ? (R extends ThreadRequest ? Omit<R, 'id'> : never) : never;
/** What the thread is started with. */
export interface ThreadData {
  dataDir: string;
  /** Postgres's `shared_buffers` (e.g. `32MB`); PGlite's default when absent. */
  sharedBuffers?: string;
  /** Only create the database of a new data directory, then end (`createDataDir`). */
  createOnly?: boolean;
  /** How often the thread's upkeep runs (./pglite-upkeep.ts); a minute when absent (tests: shorter). */
  upkeepEveryMs?: number;
}
/** The id of the thread's own reports of an upkeep round that failed (no request has it). */
export const UPKEEP_REPORT = -1;
export type ThreadAnswer = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: PlainError };

interface QueryOptions {
  rowMode?: 'array' | 'object';
  parsers?: Record<number, (value: string, typeId: number) => unknown>;
}
export interface ThreadResults {
  rows: unknown[];
  affectedRows?: number;
  fields: Array<{ name: string; dataTypeID: number }>;
}
/** What a transaction's callback gets (drizzle makes a session of it). */
export interface ThreadTransaction {
  query(sql: string, params?: unknown[], options?: QueryOptions): Promise<ThreadResults>;
}

/**
 * The thread applies no parser of its own choosing: drizzle asks for some types (timestamps,
 * dates, intervals, their arrays) to be left as the text Postgres sent, and that is the only
 * kind of parser this bridge can carry. Anything else is refused rather than silently dropped.
 */
function identityTypes(parsers: QueryOptions['parsers']): number[] {
  if (!parsers) return [];
  return Object.entries(parsers).map(([oid, parse]) => {
    if (parse('2026-12-05 02:00:00+09', Number(oid)) !== '2026-12-05 02:00:00+09') {
      throw new Error(`the embedded database thread can only leave type ${oid} as text`);
    }
    return Number(oid);
  });
}

// compiled (dist/): the thread's own JavaScript; from TypeScript: an entry that registers tsx
const THREAD_FILE = path.join(__dirname, __filename.endsWith('.js') ? 'pglite-thread.js' : 'pglite-thread-entry.cjs');

/**
 * A data directory without a database yet gets one in a thread that then ends: PGlite creating
 * the database files (initdb) grows its WASM memory to about 800 MiB, which WebAssembly never
 * gives back while the thread lives. Opened afterwards in the serving thread, the same database
 * takes about 380 MiB. Nothing to do for `memory://` (it lives in the serving thread only) or a
 * directory that holds a database.
 */
export async function createDataDir(dataDir: string, sharedBuffers?: string): Promise<void> {
  if (dataDir.startsWith('memory://') || fs.existsSync(path.join(dataDir, 'PG_VERSION'))) return;
  const thread = new Worker(THREAD_FILE, { workerData: { dataDir, sharedBuffers, createOnly: true } satisfies ThreadData });
  try {
    const answer = await new Promise<ThreadAnswer>((resolve, reject) => {
      thread.once('message', resolve);
      thread.once('error', reject);
      thread.once('exit', (code) => reject(new Error(`the embedded database thread ended (exit code ${code}) before creating the database`)));
    });
    if (!answer.ok) throw plainToError(answer.error);
  } finally {
    await thread.terminate();
  }
}

export class PGliteInThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private nextTx = 1;
  private stopped: Error | null = null;
  private closing = false;
  readonly waitReady: Promise<void>;

  /**
   * `onStopped`: told once if the thread ends without being closed (nothing can be stored until a
   * restart). `upkeep.onFailed`: told of each upkeep round of the thread's own that failed, in
   * whole or for some tables (by table and SQLSTATE).
   */
  constructor(
    dataDir: string,
    onStopped: (err: Error) => void = () => {},
    sharedBuffers?: string,
    upkeep: { everyMs?: number; onFailed?: (failed: UpkeepDone['failed'] | Error) => void } = {},
  ) {
    orderDbTurns();
    this.worker = new Worker(THREAD_FILE, { workerData: { dataDir, sharedBuffers, upkeepEveryMs: upkeep.everyMs } satisfies ThreadData });
    this.waitReady = new Promise((resolve, reject) => this.pending.set(0, { resolve: () => resolve(), reject }));
    this.worker.on('message', (answer: ThreadAnswer) => {
      if (answer.id === UPKEEP_REPORT) {
        upkeep.onFailed?.(answer.ok ? (answer.value as UpkeepDone).failed : plainToError(answer.error));
        return;
      }
      const waiting = this.pending.get(answer.id);
      if (!waiting) return;
      this.pending.delete(answer.id);
      // like a socket: the thread keeps the process alive only while a request is under way, so a
      // database left open (a script, a test) does not stop the process from ending
      if (this.pending.size === 0) this.worker.unref();
      if (answer.ok) waiting.resolve(answer.value);
      else waiting.reject(plainToError(answer.error));
    });
    const stop = (err: Error) => {
      if (!this.stopped && !this.closing) onStopped(err);
      this.stopped ??= err;
      for (const waiting of this.pending.values()) waiting.reject(this.stopped);
      this.pending.clear();
    };
    this.worker.on('error', (err) => stop(Object.assign(new Error(`the embedded database thread failed: ${err.message}`), { cause: err })));
    this.worker.on('exit', (code) => stop(new Error(`the embedded database thread has stopped (exit code ${code})`)));
  }

  private call(req: RequestBody): Promise<unknown> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...req, id });
    });
  }

  async query(sql: string, params: unknown[] = [], options: QueryOptions = {}, inTx?: { tx: number; begin: boolean; turn: DbTurn }): Promise<ThreadResults> {
    return (await this.call({
      op: 'query',
      sql,
      params,
      rowMode: options.rowMode ?? 'object',
      identityTypes: identityTypes(options.parsers),
      turn: currentDbTurn(),
      ...inTx,
    })) as ThreadResults;
  }

  /**
   * The transaction begins with its first statement (one trip less while it holds the database's
   * line) and ends with one more trip; a callback that sent nothing costs none.
   */
  async transaction<T>(callback: (tx: ThreadTransaction) => Promise<T>): Promise<T> {
    const txId = this.nextTx++;
    const turn = currentDbTurn();
    let begun = false;
    const tx: ThreadTransaction = {
      query: (sql, params, options) => {
        const begin = !begun;
        begun = true;
        return this.query(sql, params, options, { tx: txId, begin, turn });
      },
    };
    let result: T;
    try {
      result = await callback(tx);
    } catch (err) {
      if (begun) await this.call({ op: 'end', tx: txId, commit: false }).catch(() => {});
      throw err;
    }
    if (begun) await this.call({ op: 'end', tx: txId, commit: true });
    return result;
  }

  /** Analyses and vacuums now the tables that need it, as the thread does every minute (./pglite-upkeep.ts). */
  async upkeep(): Promise<UpkeepDone> {
    return (await this.call({ op: 'upkeep' })) as UpkeepDone;
  }

  async close(): Promise<void> {
    this.closing = true;
    if (!this.stopped) await this.call({ op: 'close' }).catch(() => {});
    await this.worker.terminate();
  }
}
