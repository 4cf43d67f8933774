/**
 * Triage off the event loop: messages are analysed in worker threads (piscina), so HTTP answers,
 * socket events and BullMQ lock renewals never wait for kuromoji. The kuromoji dictionary
 * (about 100 MB unpacked) and the model file are read once per process into shared memory
 * (./shared-dictionary.ts, ./model/load.ts): each thread works on views of that one copy.
 *
 * Waiting messages are analysed in two lines: first the ones a person is waiting on most (the
 * triage queue put them ahead: a word of danger to life, a newcomer nobody has answered yet),
 * then the rest; in each, shortest first: a short message costs little and is where a crisis
 * usually is (「今から首を吊ります」), so it never waits behind a flood of long ones. Under load
 * a newcomer's text otherwise waited behind every queued ordinary one (its triage job ran
 * ~200 ms, most of it here). The order is kept here, and a message goes to piscina only when a
 * thread is free (piscina keeps tasks that can be stopped in a first-in-first-out list of its own).
 *
 * A time budget bounds every analysis: one still running `timeoutMs` after it started is stopped
 * (piscina ends that thread and starts a fresh one) and the message gets a cautious result,
 * `high`, so that a person reads it the same day. The length limits of ./segment.ts keep real
 * analyses far below the budget; it is the last guard against an input nobody foresaw.
 */
import path from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { Triage } from '../db/schema';
import type { Logger } from '../logger';
import { sharedModelBytes, triageEngine } from './model/load';
import { loadSharedDictionary, type SharedDictionary } from './shared-dictionary';
import type { ThreadTask } from './thread';
import type { SafetyNetResult } from './safety-net';

export interface TriagePool {
  /** The message's own triage (no conversation around it); `ahead`: before every message not ahead. */
  analyse(text: string, opts?: { ahead?: boolean }): Promise<Triage>;
  /**
   * Only the safety net on the text (null: it saw no danger, or ran out of time), in a thread
   * like any analysis, ahead: for a message whose full triage keeps failing (src/intake/triage-failed.ts).
   */
  safetyCheck(text: string): Promise<SafetyNetResult | null>;
  /** The rules' version and the committed model's hash, which the threads load. */
  engine: string;
  close(): Promise<void>;
}

/** What every triage thread gets from the pool (piscina's `workerData`). */
export interface SharedTriageData {
  dictionary: SharedDictionary;
  /** The model file's bytes; null: rules only. */
  model: SharedArrayBuffer | null;
}

export interface TriagePoolOptions {
  threads: number;
  timeoutMs: number;
  log: Logger;
}

export const OUT_OF_TIME_REASON = '自動の読み取りが時間内に終わらなかった → high（職員が読んで判断）';

export function createTriagePool({ threads, timeoutMs, log }: TriagePoolOptions): TriagePool {
  const pool = new Piscina<ThreadTask, Triage | SafetyNetResult | null>({
    // compiled (dist/): the thread's own JavaScript; from TypeScript: an entry that registers tsx
    filename: path.join(__dirname, __filename.endsWith('.js') ? 'thread.js' : 'thread-entry.cjs'),
    minThreads: threads,
    maxThreads: threads,
    // a thread keeps its classifier for the life of the pool
    idleTimeout: Infinity,
    // a small young generation: a task's garbage is short-lived and small; V8's default one kept
    // about 25 MiB more resident per thread for the same CPU per message (scripts/triage-memory.ts)
    resourceLimits: { maxYoungGenerationSizeMb: 8 },
    workerData: { dictionary: loadSharedDictionary(), model: sharedModelBytes() } satisfies SharedTriageData,
  });
  /** Messages waiting for a thread: those ahead first, then shortest text first, in arrival order among equals. */
  const waiting: Array<{ cost: number; start: () => void }> = [];
  /** Added to the text's length of a message not ahead: every message ahead sorts before it. */
  const NOT_AHEAD = Number.MAX_SAFE_INTEGER / 2;
  let running = 0;
  const next = () => {
    while (running < threads && waiting.length > 0) {
      running++;
      waiting.shift()!.start();
    }
  };

  /** Runs one task in a thread; `outOfTime` answers when it is stopped after `timeoutMs`. */
  async function run<R>(task: Omit<ThreadTask, 'started'>, outOfTime: () => R): Promise<R> {
    const { port1, port2 } = new MessageChannel();
    const stop = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    port1.once('message', () => {
      timer = setTimeout(() => stop.abort(), timeoutMs);
    });
    try {
      return (await pool.run({ ...task, started: port2 }, { transferList: [port2], signal: stop.signal })) as R;
    } catch (err) {
      // the error of a failed task may quote the text: keep only its kind
      if (!stop.signal.aborted) throw new Error(`triage thread failed (${(err as Error).name})`);
      return outOfTime();
    } finally {
      clearTimeout(timer);
      port1.close();
    }
  }

  /** Queues a task: ahead or not, then by its text's length (shortest first, arrival order among equals). */
  function queued<R>(text: string, ahead: boolean, go: () => Promise<R>): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const cost = ahead ? text.length : NOT_AHEAD + text.length;
      let i = waiting.length;
      while (i > 0 && waiting[i - 1].cost > cost) i--;
      waiting.splice(i, 0, {
        cost,
        start: () =>
          go()
            .then(resolve, reject)
            .finally(() => {
              running--;
              next();
            }),
      });
      next();
    });
  }

  return {
    engine: triageEngine(),
    analyse: (text, opts) =>
      queued(text, opts?.ahead === true, () =>
        run<Triage>({ text }, () => {
          log.warn({ chars: text.length, timeoutMs }, 'triage analysis ran out of time; marked high for a person to read');
          return { categories: ['other'], urgency: 'high', reporter: 'unknown', reasons: [OUT_OF_TIME_REASON] };
        }),
      ),
    safetyCheck: (text) =>
      queued(text, true, () =>
        run<SafetyNetResult | null>({ text, only: 'safety-net' }, () => {
          log.warn({ chars: text.length, timeoutMs }, 'safety net ran out of time');
          return null;
        }),
      ),
    close: () => pool.close({ force: true }),
  };
}
