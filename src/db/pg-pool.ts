/**
 * node-postgres's pool, made safe to close after the database was away.
 *
 * drizzle's transaction (drizzle-orm 0.45, node-postgres/session.js) checks a client out and
 * sends `begin` before its try/finally: when that connection was just terminated, `begin`
 * rejects and the client is never released. pg-pool then counts it as in use forever: the
 * pool has one client fewer for good, and `pool.end()` waits for it, so closing the app never
 * finished (tests/integration/faults/database-unreachable.test.ts). Here:
 *
 * - a checked-out client whose connection ends is released with the error, so the pool drops it
 *   (the code that held it gets the error from its query, as before);
 * - releasing twice is harmless (the holder's own release after that is a no-op, not a throw);
 * - `endWithin(ms)` ends the pool and, past `ms`, releases whatever is still checked out with an
 *   error, so closing is bounded whatever holds a client.
 */
import pg from 'pg';

type Release = (err?: Error | boolean) => void;

export class ClosablePool extends pg.Pool {
  private readonly checkedOut = new Set<pg.PoolClient>();
  private readonly watched = new WeakSet<pg.PoolClient>();

  override connect(): Promise<pg.PoolClient>;
  override connect(callback: (err: Error | undefined, client: pg.PoolClient | undefined, done: Release) => void): void;
  override connect(callback?: (err: Error | undefined, client: pg.PoolClient | undefined, done: Release) => void): Promise<pg.PoolClient> | void {
    if (!callback) return super.connect().then((client) => this.guard(client));
    super.connect((err, client, done) => {
      if (err || !client) return callback(err, client, done);
      const guarded = this.guard(client);
      callback(undefined, guarded, guarded.release);
    });
  }

  /** Ends the pool; clients still checked out after `ms` are released with an error (and closed). */
  async endWithin(ms: number): Promise<void> {
    const timer = setTimeout(() => {
      for (const client of [...this.checkedOut]) client.release(new Error('database closing: client still checked out'));
    }, ms);
    try {
      await this.end();
    } finally {
      clearTimeout(timer);
    }
  }

  private guard(client: pg.PoolClient): pg.PoolClient {
    const release = client.release as Release;
    let released = false;
    client.release = (err?: Error | boolean) => {
      if (released) return;
      released = true;
      this.checkedOut.delete(client);
      release(err);
    };
    this.checkedOut.add(client);
    if (!this.watched.has(client)) {
      this.watched.add(client);
      // Read at the time: the release of the current checkout (a no-op when it is idle in the pool).
      client.on('end', () => {
        if (this.checkedOut.has(client)) client.release(new Error('connection ended while checked out'));
      });
    }
    return client;
  }
}
