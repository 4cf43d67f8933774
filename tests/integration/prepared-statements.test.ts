/**
 * Issue 13: the workers' hot statements (a job's load, the triage's write, the front door's turn,
 * a delivery's claims and finish) are built once and prepared (src/db/prepare-once.ts). On Postgres they go as named statements, so the
 * server parses each once per connection; a message's way through the workers must still end
 * with its answers delivered.
 */
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { messages } from '../../src/db/schema';
import { prepareOnce } from '../../src/db/prepare-once';
import { eventually, startTestApp, type TestApp } from '../helpers/app';
import { testDatabases } from '../helpers/databases';
import { openWidgetSession, widgetSend } from '../helpers/widget';

describe.each(testDatabases())('prepared statements (%s)', (db) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ db, withSweeper: false });
  });
  afterAll(async () => {
    await app?.close();
  });

  test('a statement is built once per database and shape', () => {
    const { db: database } = app.runtime.ctx;
    let built = 0;
    const build = () => {
      built++;
      return database.select({ id: messages.id }).from(messages).where(eq(messages.id, '00000000-0000-4000-8000-000000000000'));
    };
    const a = prepareOnce(database, 'test:one', build);
    expect(prepareOnce(database, 'test:one', build)).toBe(a);
    expect(built).toBe(1);
    expect(prepareOnce({}, 'test:one', build)).not.toBe(a);
    expect(built).toBe(2);
  });

  test("a person's message through the workers: load, triage's write with the turn's, and delivery as prepared statements, the answers delivered", async () => {
    const names: string[] = [];
    const namedTexts: string[] = [];
    const original = pg.Client.prototype.query as (...a: unknown[]) => unknown;
    (pg.Client.prototype as unknown as { query: unknown }).query = function (this: unknown, ...args: unknown[]) {
      const q = args[0] as { name?: string; text?: string } | string;
      if (typeof q === 'object' && q?.name) {
        names.push(q.name);
        namedTexts.push(q.text ?? '');
      }
      return original.apply(this, args);
    };
    try {
      const s = await openWidgetSession(app.url);
      await widgetSend(app.url, s, '母の介護のことで相談したいです');
      const out = await eventually(async () => {
        const rows = await app.runtime.ctx.db.select().from(messages).where(eq(messages.conversationId, s.conversationId));
        const answers = rows.filter((r) => r.direction === 'out');
        return answers.length > 0 && answers.every((r) => r.deliveryState === 'sent') ? answers : null;
      });
      expect(out.length).toBeGreaterThan(0);
    } finally {
      (pg.Client.prototype as unknown as { query: unknown }).query = original;
    }
    // PGlite has no named statements (its driver reuses the built text); Postgres gets names
    if (db === 'postgres') {
      // the triage job's load, its write with the turn's (one statement), the delivery's claim, its finish and its look for more
      expect(new Set(names).size).toBeGreaterThanOrEqual(5);
      const triageWithTurn = namedTexts.filter((t) => t.startsWith('with "updated" as (update "conversations" set') && t.includes('"dialogued_at"') && t.includes('insert into "triage_runs"'));
      expect(triageWithTurn.length).toBeGreaterThan(0);
      for (const n of names) expect(n).toMatch(/^q_[0-9a-f]{20}$/);
    }
  });
});
