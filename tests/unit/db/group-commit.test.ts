/**
 * Group commit (src/db/group-commit.ts): a lone caller is stored at once; callers arriving
 * while a batch is stored go together into the next one, each getting its own results in order;
 * one caller's bad input never fails another's.
 */
import { groupCommit } from '../../../src/db/group-commit';

/** A store whose batches finish when the test says, recording what each batch held. */
function controlledStore(fail: (item: string) => boolean = () => false) {
  const batches: string[][] = [];
  const pending: Array<() => void> = [];
  const store = (items: string[]) => {
    batches.push(items);
    return new Promise<string[]>((resolve, reject) =>
      pending.push(() => (items.some(fail) ? reject(new Error('bad input')) : resolve(items.map((i) => `stored ${i}`)))),
    );
  };
  const finishNext = async () => {
    while (pending.length === 0) await new Promise((r) => setImmediate(r));
    pending.shift()!();
    await new Promise((r) => setImmediate(r));
  };
  return { store, batches, finishNext };
}

test('a lone caller is stored at once, alone', async () => {
  const c = controlledStore();
  const line = groupCommit(c.store, 100);
  const result = line.submit(['a']);
  expect(c.batches).toEqual([['a']]);
  await c.finishNext();
  await expect(result).resolves.toEqual(['stored a']);
});

test('callers arriving while a batch is stored go together into the next, in order, each with its own results', async () => {
  const c = controlledStore();
  const line = groupCommit(c.store, 100);
  const first = line.submit(['a']);
  const second = line.submit(['b1', 'b2']);
  const third = line.submit(['c']);
  expect(c.batches).toEqual([['a']]);
  await c.finishNext();
  expect(c.batches).toEqual([['a'], ['b1', 'b2', 'c']]);
  await c.finishNext();
  await expect(first).resolves.toEqual(['stored a']);
  await expect(second).resolves.toEqual(['stored b1', 'stored b2']);
  await expect(third).resolves.toEqual(['stored c']);
});

test('a batch holds at most maxItems, and a caller is never split', async () => {
  const c = controlledStore();
  const line = groupCommit(c.store, 3);
  const all = [line.submit(['a']), line.submit(['b1', 'b2']), line.submit(['c1', 'c2']), line.submit(['d']), line.submit(['e1', 'e2', 'e3', 'e4'])];
  for (let i = 0; i < 4; i++) await c.finishNext();
  // a caller larger than the limit still goes, alone
  expect(c.batches).toEqual([['a'], ['b1', 'b2'], ['c1', 'c2', 'd'], ['e1', 'e2', 'e3', 'e4']]);
  await expect(Promise.all(all)).resolves.toHaveLength(5);
});

test('one caller\'s bad input: the batch is tried again caller by caller, and only that caller fails', async () => {
  const c = controlledStore((item) => item === 'bad');
  const line = groupCommit(c.store, 100);
  const first = line.submit(['a']);
  const good = line.submit(['b']);
  const bad = line.submit(['bad']);
  const after = line.submit(['c']);
  await c.finishNext(); // a
  await c.finishNext(); // b + bad + c together: fails
  await c.finishNext(); // b alone
  await c.finishNext(); // bad alone
  await c.finishNext(); // c alone
  expect(c.batches).toEqual([['a'], ['b', 'bad', 'c'], ['b'], ['bad'], ['c']]);
  await expect(first).resolves.toEqual(['stored a']);
  await expect(good).resolves.toEqual(['stored b']);
  await expect(bad).rejects.toThrow('bad input');
  await expect(after).resolves.toEqual(['stored c']);
  // the line goes on
  const later = line.submit(['d']);
  await c.finishNext();
  await expect(later).resolves.toEqual(['stored d']);
});
