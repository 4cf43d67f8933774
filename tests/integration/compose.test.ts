/**
 * docker-compose.yml must be a valid Compose file with the production-like services. No Docker
 * engine runs on these machines, so `docker compose config` (or docker-compose) only validates.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';

function composeCommand(): string[] | null {
  if (spawnSync('docker', ['compose', 'version']).status === 0) return ['docker', 'compose'];
  if (spawnSync('docker-compose', ['version']).status === 0) return ['docker-compose'];
  return null;
}

const compose = composeCommand();
const maybe = compose ? test : test.skip;
if (!compose) console.warn('docker compose / docker-compose not installed: compose check skipped (.ci/run installs it)');

maybe('docker-compose.yml validates and defines postgres, redis, api and workers', () => {
  const [cmd, ...args] = compose!;
  const cwd = path.resolve(__dirname, '../..');
  const env = { ...process.env, SESSION_SECRET: 'x'.repeat(40) };
  const services = execFileSync(cmd, [...args, 'config', '--services'], { cwd, env }).toString().trim().split('\n').sort();
  expect(services).toEqual(['api', 'postgres', 'redis', 'workers']);
  const rendered = execFileSync(cmd, [...args, 'config'], { cwd, env }).toString();
  expect(rendered).toContain('--role=workers');
  // production runs the compiled build, never a TypeScript loader
  expect(rendered).toContain('dist/server/src/main.js');
  expect(rendered).not.toMatch(/\btsx\b/);
  expect(rendered).toContain('DATABASE_URL: postgres://');
  // Every service comes back after a crash (issue 8 item 3).
  expect(rendered.match(/restart: unless-stopped/g)).toHaveLength(4);
  // Without a session secret the file refuses to render, so production never runs on the dev secret.
  const noSecret = spawnSync(cmd, [...args, 'config'], { cwd, env: { ...process.env, SESSION_SECRET: '' } });
  expect(noSecret.status).not.toBe(0);
});
