/**
 * The limit to approach: how many single statements per second the same database takes on this
 * machine in the same run — one-row inserts, each its own transaction, as a message's
 * statements are. PGlite in this process on a fresh folder (one at a time, as it serves one
 * connection); Postgres through a pool of 10 connections (as the app's pool).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Pool } from 'pg';
import { createTestDatabase } from '../../tests/helpers/databases';

export interface RawRate {
  statements: number;
  perSecond: number;
  /** Statements sent again after their connection was ended by someone else. */
  retried?: number;
}

export async function rawPglite(statements: number): Promise<RawRate> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsunagu-raw-'));
  const db = new PGlite(dir);
  try {
    await db.exec('create table raw (id bigserial primary key, v text not null)');
    const t0 = performance.now();
    for (let i = 0; i < statements; i++) await db.query('insert into raw (v) values ($1)', [`v${i}`]);
    return { statements, perSecond: statements / ((performance.now() - t0) / 1000) };
  } finally {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function rawPostgres(statements: number): Promise<RawRate> {
  const database = await createTestDatabase();
  const pool = new Pool({ connectionString: database.url, max: 10 });
  // other sessions on a shared machine may end connections (fault tests): take a new one and go on
  pool.on('error', () => undefined);
  let retried = 0;
  const insert = (v: string) => pool.query('insert into raw (v) values ($1)', [v]).catch(() => (retried++, pool.query('insert into raw (v) values ($1)', [v])));
  try {
    await pool.query('create table raw (id bigserial primary key, v text not null)');
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        while (next < statements) await insert(`v${next++}`);
      }),
    );
    return { statements, perSecond: statements / ((performance.now() - t0) / 1000), ...(retried ? { retried } : {}) };
  } finally {
    await pool.end();
    await database.drop();
  }
}
