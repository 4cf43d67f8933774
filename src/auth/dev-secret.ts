/**
 * Outside production no SESSION_SECRET is required, but a secret everyone can read in the source
 * would let anyone forge a session cookie on a demo that happens to be reachable. So development
 * gets a random one, kept in the data folder (sessions survive restarts), or per process with an
 * in-memory database. Production refuses to start without SESSION_SECRET (src/config.ts).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../logger';

export const DEV_SECRET_FILE = 'session-secret';

export function developmentSessionSecret(dataDir: string, log: Logger): string {
  const warning = 'NODE_ENV is not production: session cookies are not Secure and the session secret is a development one (see README, "Behind TLS")';
  if (dataDir.startsWith('memory://')) {
    log.warn({ sessionSecret: 'random, this process only' }, warning);
    return randomBytes(32).toString('hex');
  }
  const file = path.join(dataDir, DEV_SECRET_FILE);
  try {
    const existing = fs.readFileSync(file, 'utf8').trim();
    if (existing.length >= 32) {
      log.warn({ sessionSecret: file }, warning);
      return existing;
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  log.warn({ sessionSecret: file, created: true }, warning);
  return secret;
}
