/**
 * Statements on the embedded database kept prepared under a name, so Postgres can keep their
 * plans (used by ./pglite-thread.ts).
 *
 * Why: PGlite's own `query` sends every statement unnamed, in six trips into its WASM (parse,
 * describe, bind, describe, execute, sync), so Postgres parses and plans it at every call — the
 * triage job's load planned for 0.89 ms and ran for 0.30 ms each time (README, "Where the CPU
 * goes"). Here a statement's text is parsed once under a name and described; after that one trip
 * binds, executes and syncs it, and `plan_cache_mode = auto` keeps a generic plan where one pays.
 *
 * The names live in PGlite's one session and outlast transactions, also rolled-back ones (tests:
 * pglite-statements). The most recently used `capacity` texts keep theirs; the oldest is closed
 * when a new one needs room, so statements built with varying text cannot fill the session.
 */
import { parse, protocol, TransactionAbortedError, type PGlite, type Results } from '@electric-sql/pglite';

const { serialize } = protocol;
type BackendMessage = Parameters<typeof parse.parseResults>[0][number];
type QueryOptions = NonNullable<Parameters<typeof parse.parseResults>[2]>;
type Parsers = Parameters<typeof parse.parseResults>[1];

interface Prepared {
  name: string;
  /** Postgres's types of the parameters, in order: how each value is written. */
  paramTypes: number[];
  /** The statement's row description (none for a statement without rows), read with each result. */
  description: BackendMessage[];
}

/**
 * SQLSTATEs after which a name may no longer stand for its text: gone, or its result type changed
 * (0A000 also covers other unsupported features; preparing such a text again costs only a parse).
 */
const STALE = new Set(['26000', '0A000']);

/** Names are unique in the process, so two of these on one PGlite (as in tests) never clash. */
let named = 0;

export class PGliteStatements {
  private readonly prepared = new Map<string, Prepared>();
  private readonly merged = new WeakMap<object, Parsers>();

  constructor(
    private readonly pg: PGlite,
    private readonly capacity = 256,
  ) {}

  /** Runs `sql` like PGlite's `query`; `inTransaction` leaves syncing files to the transaction's end. */
  query(sql: string, params: unknown[], options: QueryOptions, inTransaction: boolean): Promise<Results> {
    // one statement at a time, as PGlite's own query: a transaction's statements may be sent together
    return this.pg.runExclusive(() => this.run(sql, params, options, inTransaction));
  }

  /**
   * Opens a transaction: one trip. PGlite's own `transaction` costs four trips and its locks —
   * 0.2 ms against 0.03 for an empty transaction, measured apart.
   */
  begin(): Promise<void> {
    return this.pg.runExclusive(async () => void (await this.pg.execProtocolStream(serialize.query('BEGIN'), { syncToFs: false })));
  }

  /**
   * Commits or rolls back the open transaction. A commit that Postgres turned into a rollback (a
   * statement in it had failed) is an error, as PGlite's own `transaction` makes it.
   */
  end(commit: boolean): Promise<void> {
    return this.pg.runExclusive(async () => {
      const messages = await this.pg.execProtocolStream(serialize.query(commit ? 'COMMIT' : 'ROLLBACK'), { syncToFs: true });
      const done = messages.find((m) => m.name === 'commandComplete') as { text?: string } | undefined;
      if (commit && done?.text === 'ROLLBACK') throw new TransactionAbortedError();
    });
  }

  private async run(sql: string, params: unknown[], options: QueryOptions, inTransaction: boolean): Promise<Results> {
    const statement = this.prepared.get(sql) ?? (await this.prepare(sql));
    try {
      const messages = await this.pg.execProtocolStream(this.bindAndRun(statement, params), { syncToFs: !inTransaction });
      return parse.parseResults([...statement.description, ...messages], this.parsers(options.parsers), { rowMode: options.rowMode })[0];
    } catch (err) {
      if (STALE.has((err as { code?: string }).code ?? '')) await this.forget(sql);
      throw withQuery(err, sql);
    } finally {
      // most recently used last: the first entry is the one to close when room is needed
      if (this.prepared.delete(sql)) this.prepared.set(sql, statement);
    }
  }

  private async prepare(sql: string): Promise<Prepared> {
    if (this.prepared.size >= this.capacity) await this.forget(this.prepared.keys().next().value!);
    const name = `tsunagu_${++named}`;
    let messages: BackendMessage[];
    try {
      messages = await this.pg.execProtocolStream(
        join([serialize.parse({ name, text: sql }), serialize.describe({ type: 'S', name }), serialize.sync()]),
        { syncToFs: false },
      );
    } catch (err) {
      throw withQuery(err, sql);
    }
    const statement = {
      name,
      paramTypes: parse.parseDescribeStatementResults(messages),
      description: messages.filter((m) => m.name === 'rowDescription'),
    };
    this.prepared.set(sql, statement);
    return statement;
  }

  /**
   * PGlite's parsers with the caller's over them, merged once per set of the caller's: PGlite's
   * own `parseResults` copies all of its parsers (one per type and array type) into a new object
   * at every call given any — 11 % of the database thread's time under load.
   */
  private parsers(own: QueryOptions['parsers']): Parsers {
    if (!own) return this.pg.parsers;
    let merged = this.merged.get(own);
    if (!merged) this.merged.set(own, (merged = { ...this.pg.parsers, ...own }));
    return merged;
  }

  /** Closes the statement of `sql` in the session; Postgres accepts a close even in a failed transaction. */
  private async forget(sql: string): Promise<void> {
    const statement = this.prepared.get(sql);
    if (!statement) return;
    this.prepared.delete(sql);
    await this.pg.execProtocolStream(join([serialize.close({ type: 'S', name: statement.name }), serialize.sync()]), {
      syncToFs: false,
      throwOnError: false,
    });
  }

  /** Bind, execute and sync in one message: the one trip into PGlite a prepared statement costs. */
  private bindAndRun({ name, paramTypes }: Prepared, params: unknown[]): Uint8Array {
    // as PGlite's own query writes them: by the parameter's type, else as text
    const values = params.map((value, i) => {
      if (value === null || value === undefined) return null;
      const write = this.pg.serializers[paramTypes[i]];
      return write ? write(value) : String(value);
    });
    return join([serialize.bind({ statement: name, values }), serialize.execute({}), serialize.sync()]);
  }
}

/** PGlite's own errors carry the failed statement's text; these do too (not its values: a person's words). */
function withQuery(err: unknown, sql: string): unknown {
  if (err instanceof Error && 'code' in err) Object.assign(err, { query: sql });
  return err;
}

function join(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
