/**
 * Production runs the compiled JavaScript (`npm run build` → dist/server), not a TypeScript
 * loader. This starts that build as `npm start` does and follows one widget message through it:
 * the migrations, the triage thread (its compiled entry), the triage model, the dialogue and
 * delivery must all be found from dist/. Tests elsewhere run the TypeScript through tsx.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { newPrefix, eventually } from '../helpers/app';
import { COMPILED_MAIN, freePort, ROOT, startTsunagu, stopProcess } from '../helpers/processes';
import { openWidgetSession, widgetSend, widgetThread } from '../helpers/widget';

describe('the compiled build (node dist/server/src/main.js)', () => {
  beforeAll(() => {
    // `npm test` has built it already; this brings it up to date when the test runs alone (incremental).
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  }, 120_000);

  test('starts without tsx, is ready, and answers a widget message through triage, dialogue and delivery', async () => {
    const main = fs.readFileSync(path.join(ROOT, COMPILED_MAIN), 'utf8');
    expect(main).not.toMatch(/tsx/);
    const port = await freePort();
    const server = await startTsunagu(
      { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: 'memory://', QUEUE_PREFIX: newPrefix(), REDIS_AUTOSTART: 'false' },
      [],
      'workers started',
      true,
    );
    try {
      const url = `http://127.0.0.1:${port}`;
      const ready = await fetch(`${url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'ready', checks: { database: 'ok', redis: 'ok' } });

      const session = await openWidgetSession(url);
      await widgetSend(url, session, '母の介護のことで相談したいです');
      // the bot's first answer arrives only after the triage thread and the dialogue worker ran
      const thread = await eventually(async () => {
        const t = await widgetThread(url, session);
        return t.some((m) => m.author === 'bot') ? t : null;
      }, 60_000);
      expect(thread[0]).toMatchObject({ direction: 'in', author: 'person', text: '母の介護のことで相談したいです' });
      expect(thread.find((m) => m.author === 'bot')!.text.length).toBeGreaterThan(0);
      // nothing in the process ran through a TypeScript loader
      expect(server.spawnargs.join(' ')).not.toMatch(/tsx|\.ts\b/);
    } finally {
      expect(await stopProcess(server, 'SIGTERM')).toBe(0);
    }
  }, 150_000);
});
