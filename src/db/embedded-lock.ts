/**
 * PGlite keeps the database inside one process. A lock file in DATA_DIR stops a second process
 * (a second server, or the CLI while the server runs) from opening the same files and
 * corrupting them; a stale lock from a crashed process is taken over.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { OperatorErrorCode } from '../errors';

export class EmbeddedDatabaseBusyError extends Error {
  readonly code: OperatorErrorCode = 'database_busy';
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'tsunagu.lock');
  try {
    const pid = Number(fs.readFileSync(file, 'utf8'));
    if (pid && pid !== process.pid && alive(pid)) {
      throw new EmbeddedDatabaseBusyError(
        `The embedded database in ${dataDir} is in use by process ${pid} (tsunagu running?). ` +
          'Stop it first, or use a Postgres server via DATABASE_URL to run several processes.',
      );
    }
  } catch (e) {
    if (e instanceof EmbeddedDatabaseBusyError) throw e;
  }
  fs.writeFileSync(file, String(process.pid));
  return () => {
    try {
      if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.unlinkSync(file);
    } catch {
      /* already gone */
    }
  };
}
