/**
 * Issue 13: under load a newcomer's text waited in the triage pool behind every ordinary one
 * (shorter ones first). Messages the triage queue put ahead are analysed first; the rest keep
 * shortest first. One real thread, so the order tasks start in is the order they finish in.
 */
import type { Logger } from '../../../src/logger';
import { createTriagePool, type TriagePool } from '../../../src/triage';

let pool: TriagePool;
beforeAll(async () => {
  pool = createTriagePool({ threads: 1, timeoutMs: 30_000, log: { warn() {} } as unknown as Logger });
  await pool.analyse('準備'); // the thread is up and has its classifier
}, 120_000);
afterAll(() => pool.close());

/** Queues every text at once behind a task that holds the one thread, and gives the order they finished in. */
async function finishOrder(tasks: Array<{ name: string; run: () => Promise<unknown> }>): Promise<string[]> {
  const done: string[] = [];
  const holder = pool.analyse('仕事が見つからなくて家賃が払えません。'.repeat(40));
  await Promise.all([holder, ...tasks.map((t) => t.run().then(() => done.push(t.name)))]);
  return done;
}

test('a message put ahead is analysed before shorter ordinary ones waiting; each line keeps shortest first', async () => {
  const ordinary = (name: string, text: string) => ({ name, run: () => pool.analyse(text) });
  const ahead = (name: string, text: string) => ({ name, run: () => pool.analyse(text, { ahead: true }) });
  const order = await finishOrder([
    ordinary('ordinary long', '隣の家のおばあさんが最近見かけなくて、郵便受けに新聞がたまっています。'),
    ordinary('ordinary short', 'こんにちは'),
    ahead('newcomer long', '初めて相談します。母の介護のことで、仕事と両立できなくなってきました。'),
    ahead('newcomer short', '相談したいです'),
    ordinary('ordinary shortest', 'はい'),
  ]);
  expect(order).toEqual(['newcomer short', 'newcomer long', 'ordinary shortest', 'ordinary short', 'ordinary long']);
}, 60_000);

test('the safety net alone (a message whose triage kept failing) goes ahead of ordinary messages', async () => {
  const order = await finishOrder([
    { name: 'ordinary', run: () => pool.analyse('はい') },
    { name: 'safety net', run: () => pool.safetyCheck('もう生きていたくない。今夜で終わりにします。') },
  ]);
  expect(order).toEqual(['safety net', 'ordinary']);
}, 60_000);
