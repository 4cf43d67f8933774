/**
 * Memory of triage in one process: a triage pool with N threads (as the workers run it), every
 * thread warmed with real messages, then the process's resident set size.
 *
 *   node --expose-gc --import tsx scripts/triage-memory.ts [threads=2]
 */
import type { Logger } from '../src/logger';
import { createTriagePool } from '../src/triage';

const threads = Number(process.argv[2] ?? 2);
const mib = (n: number) => `${(n / 1048576).toFixed(0)} MiB`;

async function main() {
  const before = process.memoryUsage().rss;
  const pool = createTriagePool({ threads, timeoutMs: 30_000, log: { warn() {} } as unknown as Logger });
  const texts = ['今から首を吊ります', '家賃を3か月払えていません。電気も止まりそうです', '母が認知症で夜中に歩き回ります。私も限界です', 'こんにちは', 'I cannot go on anymore'];
  await Promise.all(texts.map((t) => pool.analyse(t)));
  const t0 = process.cpuUsage();
  for (let round = 0; round < 20; round++) await Promise.all(texts.concat(texts).map((t) => pool.analyse(t)));
  const cpu = process.cpuUsage(t0);
  global.gc?.();
  await new Promise((r) => setTimeout(r, 500));
  const m = process.memoryUsage();
  console.log(`triage pool, ${threads} thread(s): rss ${mib(m.rss)} (process before the pool ${mib(before)}), main heap ${mib(m.heapUsed)}, array buffers ${mib(m.arrayBuffers)}; CPU ${((cpu.user + cpu.system) / 1000 / 200).toFixed(2)} ms per message (all threads)`);
  await pool.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
