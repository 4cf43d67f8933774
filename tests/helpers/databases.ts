/**
 * The databases integration tests run against: PGlite in memory, and a fresh database on the
 * Postgres server (127.0.0.1:5432, trust auth) per test file, dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export async function postgresReachable(): Promise<boolean> {
  const c = new Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `tsunagu_t_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new Client({ connectionString: POSTGRES_ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export type DbKind = 'pglite' | 'postgres';

/** Which databases to run a suite against: PGlite always, Postgres when reachable. */
export async function availableDatabases(): Promise<DbKind[]> {
  return (await postgresReachable()) ? ['pglite', 'postgres'] : ['pglite'];
}

/** The databases chosen by tests/global-setup.ts (sync, for describe.each). */
export function testDatabases(): DbKind[] {
  return (process.env.TEST_DATABASES ?? 'pglite').split(',') as DbKind[];
}
