/**
 * Runs once before the suite: the integration tests need the real Redis, and use the Postgres
 * server when it answers. Which databases to test is passed to the test files in the environment.
 */
import net from 'node:net';
import { postgresReachable } from './helpers/databases';

const canConnect = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.connect({ host: '127.0.0.1', port });
    s.setTimeout(1000, () => (s.destroy(), resolve(false)));
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });

export default async function globalSetup() {
  if (!process.env.TEST_REDIS_URL && !(await canConnect(6379))) {
    throw new Error('The tests need Redis at 127.0.0.1:6379 (or TEST_REDIS_URL). `bash .ci/run` starts one.');
  }
  const pg = await postgresReachable();
  if (!pg) console.warn('\n[tests] Postgres at 127.0.0.1:5432 not reachable: database tests run on PGlite only.\n');
  process.env.TEST_DATABASES = pg ? 'pglite,postgres' : 'pglite';
}
