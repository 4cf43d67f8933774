/**
 * The embedded database's upkeep, which a Postgres server's autovacuum does by itself: PGlite runs
 * a single backend with no autovacuum, so its tables were never analysed nor vacuumed. Without
 * statistics the planner guessed, and guessed wrong where it mattered most: a job's look at the
 * unfinished messages of its own conversation went through an index of every conversation's
 * waiting messages, reading the whole backlog for each job — the further behind the workers, the
 * slower each job (tests: backlog-reads). Without vacuum, the dead rows of every update (a message
 * is updated three or four times on its way) stayed for good.
 *
 * Run by ./pglite-thread.ts every minute (a round with a failure is reported to the main thread,
 * which logs it) and on request, with autovacuum's own default rules: a
 * table is analysed once more than 50 rows + 10 % of it changed since, vacuumed once more than
 * 50 + 20 % of it are dead rows. Each table is one statement at the embedded database's line, at
 * the ordinary turn, so a person's message or a crisis goes ahead of it (./pglite-gate.ts).
 */
import type { PGlite } from '@electric-sql/pglite';

export interface UpkeepDone {
  analysed: string[];
  vacuumed: string[];
  /** Tables whose statement failed (the round goes on with the others): SQLSTATE, no values. */
  failed: Array<{ table: string; code: string }>;
}

/** `atTurn` runs one statement at the database's line (the gate), at the ordinary turn. */
export async function upkeep(pg: PGlite, atTurn: <T>(work: () => Promise<T>) => Promise<T>): Promise<UpkeepDone> {
  const { rows } = await atTurn(async () => {
    // this backend's counts reach pg_stat_user_tables when it reports them (at most once a second)
    await pg.query('select pg_stat_force_next_flush()');
    return pg.query<{ name: string; analyse: boolean; vacuum: boolean }>(
      `select s.relname as name,
              s.n_mod_since_analyze > 50 + 0.1 * greatest(c.reltuples, 0) as analyse,
              s.n_dead_tup > 50 + 0.2 * greatest(c.reltuples, 0) as vacuum
         from pg_stat_user_tables s join pg_class c on c.oid = s.relid
        where s.schemaname = 'public'
        order by s.relname`,
    );
  });
  const done: UpkeepDone = { analysed: [], vacuumed: [], failed: [] };
  for (const { name, analyse, vacuum } of rows) {
    if (!analyse && !vacuum) continue;
    const table = `"${name.replaceAll('"', '""')}"`;
    try {
      await atTurn(() => pg.exec(vacuum ? `vacuum (analyze) ${table}` : `analyze ${table}`));
    } catch (err) {
      done.failed.push({ table: name, code: (err as { code?: string }).code ?? 'unknown' });
      continue;
    }
    done.analysed.push(name);
    if (vacuum) done.vacuumed.push(name);
  }
  return done;
}
