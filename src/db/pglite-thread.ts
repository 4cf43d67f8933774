/**
 * The embedded database's own thread: PGlite runs every statement as WASM on the thread that
 * calls it. In the main thread that is also the thread answering webhooks, so under load a
 * webhook waited seconds behind the workers' statements (README, "Where the CPU goes"). Here
 * PGlite has a thread to itself; ./pglite-in-thread.ts is the main thread's side.
 *
 * Requests: `query` (on the database, or in a transaction: the transaction's first statement
 * carries `begin`, so opening it costs no trip of its own), `end` (commits or rolls back),
 * `upkeep` (what autovacuum would do: ./pglite-upkeep.ts; also run here every minute), `close`.
 * Every request gets one answer with its id. A statement outside a transaction, or a whole
 * transaction, first waits its turn at the gate (./pglite-gate.ts), which lets storing a person's
 * message and urgent jobs go ahead of other work (./ahead.ts). A transaction holds the gate from
 * its first statement to its end, so the trips in between are kept few. Statements run prepared
 * under a name (./pglite-statements.ts), so their plans are kept.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { UPKEEP_REPORT, type ThreadAnswer, type ThreadData, type ThreadRequest } from './pglite-in-thread';
import { errorToPlain } from './pglite-errors';
import { PGliteGate } from './pglite-gate';
import { PGliteStatements } from './pglite-statements';
import { upkeep, type UpkeepDone } from './pglite-upkeep';
import { DbTurn } from './ahead';

/** How often the thread looks whether a table needs analysing or vacuuming (./pglite-upkeep.ts). */
const UPKEEP_EVERY_MS = 60_000;

async function serve({ dataDir, sharedBuffers, upkeepEveryMs }: ThreadData): Promise<void> {
  const port = parentPort!;
  const answer = (message: ThreadAnswer) => port.postMessage(message);
  let pg: PGlite;
  try {
    pg = openPGlite({ dataDir, sharedBuffers });
    await pg.waitReady;
  } catch (err) {
    answer({ id: 0, ok: false, error: errorToPlain(err) });
    return;
  }
  answer({ id: 0, ok: true, value: null });

  const gate = new PGliteGate();
  const statements = new PGliteStatements(pg);
  // one at a time: a slow round is not overtaken by the next
  let upkeepRound: Promise<unknown> = Promise.resolve();
  const runUpkeep = (): Promise<UpkeepDone> => {
    const round = upkeepRound.catch(() => {}).then(() => upkeep(pg, (work) => gate.run(DbTurn.ordinary, work)));
    upkeepRound = round;
    return round;
  };
  // the timer's rounds have nobody waiting for them: what failed goes to the main thread's log
  const upkeepTimer = setInterval(
    () =>
      void runUpkeep().then(
        (done) => done.failed.length > 0 && answer({ id: UPKEEP_REPORT, ok: true, value: done }),
        (err) => answer({ id: UPKEEP_REPORT, ok: false, error: errorToPlain(err) }),
      ),
    upkeepEveryMs ?? UPKEEP_EVERY_MS,
  );
  upkeepTimer.unref();
  /**
   * Transactions by the id the main thread gave them, from their first statement to their end:
   * settled once the transaction has begun (holding the gate), rejected if it could not.
   */
  const open = new Map<number, Promise<void>>();

  /** Waits for the gate, then begins the transaction the main thread numbered `txId`. */
  function begin(txId: number, turn: DbTurn): Promise<void> {
    const begun = gate.enter(turn).then(async () => {
      try {
        await statements.begin();
      } catch (err) {
        gate.leave();
        throw err;
      }
    });
    // read by the transaction's statements and its 'end'; until then it must not count as unhandled
    begun.catch(() => {});
    open.set(txId, begun);
    return begun;
  }

  /** drizzle's parsers, rebuilt here: leave these types as the text Postgres sent (one object per set). */
  const leaveAsText = new Map<string, Record<number, (v: string) => string>>();
  const parsersFor = (oids: number[]) => {
    const key = oids.join(',');
    let parsers = leaveAsText.get(key);
    if (!parsers) leaveAsText.set(key, (parsers = Object.fromEntries(oids.map((oid) => [oid, (v: string) => v]))));
    return parsers;
  };

  async function handle(req: ThreadRequest): Promise<unknown> {
    switch (req.op) {
      case 'query': {
        const options = { rowMode: req.rowMode, parsers: parsersFor(req.identityTypes) };
        if (req.tx !== undefined) {
          const begun = req.begin ? begin(req.tx, req.turn) : open.get(req.tx);
          if (!begun) throw new Error(`transaction ${req.tx} is not open`);
          await begun;
          return statements.query(req.sql, req.params, options, true);
        }
        return gate.run(req.turn, () => statements.query(req.sql, req.params, options, false));
      }
      case 'end': {
        const begun = open.get(req.tx);
        if (!begun) throw new Error(`transaction ${req.tx} is not open`);
        open.delete(req.tx);
        // a transaction that could not even begin has nothing to end: its first statement already failed
        await begun;
        try {
          await statements.end(req.commit);
        } finally {
          gate.leave();
        }
        return null;
      }
      case 'upkeep':
        return runUpkeep();
      case 'close':
        clearInterval(upkeepTimer);
        await gate.enter(DbTurn.ordinary); // after everything already waiting
        await pg.close();
        return null;
    }
  }

  port.on('message', (req: ThreadRequest) => {
    handle(req).then(
      (value) => {
        answer({ id: req.id, ok: true, value });
        if (req.op === 'close') port.close();
      },
      (err) => answer({ id: req.id, ok: false, error: errorToPlain(err) }),
    );
  });
}

/**
 * Only creates the database files of a new data directory, then ends (./pglite-in-thread.ts
 * `createDataDir`): creating them leaves the thread's WASM memory about 430 MiB larger for good,
 * and a thread that ends gives it back.
 */
async function create(data: ThreadData): Promise<void> {
  try {
    const pg = openPGlite(data);
    await pg.waitReady;
    await pg.close();
    parentPort!.postMessage({ id: 0, ok: true, value: null } satisfies ThreadAnswer);
  } catch (err) {
    parentPort!.postMessage({ id: 0, ok: false, error: errorToPlain(err) } satisfies ThreadAnswer);
  }
}

function openPGlite({ dataDir, sharedBuffers }: ThreadData): PGlite {
  return new PGlite(dataDir, sharedBuffers ? { startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${sharedBuffers}`] } : {});
}

const data = workerData as ThreadData;
void (data.createOnly ? create(data) : serve(data));
