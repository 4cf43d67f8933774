/**
 * Group commit: one batch is stored at a time; what arrives while it is under way goes, all of
 * it, into the next batch. Nothing waits when the line is free (a lone message is stored at once,
 * as before), and under load each transaction carries many messages: the statements per message
 * fall as the load rises, instead of every webhook paying its own transaction. (Two batches at
 * once were measured and lost: smaller batches, and on PGlite the workers got the one line less
 * often; README, "Latest run".)
 *
 * A batch that fails as a whole is tried again part by part, so one caller's bad input never
 * fails another's: each gets its own result or its own error.
 */
export type StoreBatch<I, O> = (items: I[]) => Promise<O[]>;

export interface GroupCommit<I, O> {
  /** Stores `items` (in order, in one batch with whatever else waits) and gives their results in the same order. */
  submit(items: I[]): Promise<O[]>;
}

interface Waiting<I, O> {
  items: I[];
  resolve(results: O[]): void;
  reject(err: unknown): void;
}

/** `maxItems`: most items in one batch (a caller's items are never split: a larger caller goes alone). */
export function groupCommit<I, O>(store: StoreBatch<I, O>, maxItems: number): GroupCommit<I, O> {
  let waiting: Waiting<I, O>[] = [];
  let storing = false;

  /** Takes callers from the front until the batch is full (a caller is never split). */
  function take(): Waiting<I, O>[] {
    let n = 0;
    let count = 0;
    while (n < waiting.length && (n === 0 || count + waiting[n].items.length <= maxItems)) count += waiting[n++].items.length;
    const batch = waiting.slice(0, n);
    waiting = waiting.slice(n);
    return batch;
  }

  async function storeEach(batch: Waiting<I, O>[]): Promise<void> {
    if (batch.length === 1) {
      const [one] = batch;
      await store(one.items).then(one.resolve, one.reject);
      return;
    }
    let results: O[];
    try {
      results = await store(batch.flatMap((w) => w.items));
    } catch {
      // Whose input failed is not known: each caller's alone, one after another.
      for (const w of batch) await store(w.items).then(w.resolve, w.reject);
      return;
    }
    let at = 0;
    for (const w of batch) {
      w.resolve(results.slice(at, at + w.items.length));
      at += w.items.length;
    }
  }

  async function drain(): Promise<void> {
    storing = true;
    try {
      while (waiting.length > 0) await storeEach(take());
    } finally {
      storing = false;
    }
  }

  return {
    submit(items) {
      return new Promise<O[]>((resolve, reject) => {
        waiting.push({ items, resolve, reject });
        if (!storing) void drain();
      });
    },
  };
}
