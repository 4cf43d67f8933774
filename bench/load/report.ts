/** The bench's tables (Markdown, so they can be pasted into the README as they are). */
import type { BaselineResult } from './bullmq-baseline';
import type { Percentiles, StepResult } from './step';

const ms = (v: number | null) => (v === null ? '—' : v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)}`);
const pp = (p: Percentiles, keys: ('p50' | 'p95' | 'p99')[] = ['p50', 'p99']) => (p.n === 0 ? '—' : keys.map((k) => ms(p[k])).join(' / '));

export function baselineTable(b: BaselineResult): string {
  return [
    '| bare BullMQ, same Redis | jobs | add /s | add + process /s | CPU ms per job (bench process) |',
    '|---|---|---|---|---|',
    `| empty jobs, concurrency 50 | ${b.jobs} | ${Math.round(b.addPerSecond)} | ${Math.round(b.processedPerSecond)} | ${b.cpuMsPerJob.toFixed(3)} |`,
  ].join('\n');
}

/** Where the time went inside the setup, per step and queue (from its own metrics). */
export function queuesTable(steps: StepResult[]): string {
  const queues = Object.keys(steps[0]?.queues ?? {});
  return [
    `| offered /s | ${queues.map((q) => `${q}: jobs, mean wait / run ms`).join(' | ')} |`,
    `|---|${queues.map(() => '---').join('|')}|`,
    ...steps.map((s) => `| ${s.offeredPerSecond} | ${queues.map((q) => `${s.queues[q].jobs}, ${Math.round(s.queues[q].meanWaitMs)} / ${Math.round(s.queues[q].meanRunMs)}`).join(' | ')} |`),
  ].join('\n');
}

export function stepsTable(steps: StepResult[]): string {
  const rows = steps.map((s) => {
    const errs = Object.entries(s.webhookErrors).map(([k, v]) => `${v} ${k}`).join(', ') || '0';
    const miss = s.missing;
    const cpu = Object.entries(s.cpuMsPerMessage).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(' + ');
    // older result files have no servers' figures
    const servers = Object.entries(s.serverCpuMsPerMessage ?? {}).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(' + ') || '—';
    const rss = Object.entries(s.peakRssMiB).map(([k, v]) => `${k} ${Math.round(v)}`).join(', ');
    return `| ${s.offeredPerSecond} | ${s.accepted}/${s.sent} | ${errs} | ${pp(s.webhookMs, ['p50', 'p95', 'p99'])} | ${pp(s.shownMs)} | ${pp(s.triagedMs)} | ${pp(s.firstAnswerMs)} (${s.firstAnswerMs.n}) | ${pp(s.crisisReplyMs)} (${s.crisisReplyMs.n}) | ${miss.shown}/${miss.triaged}${s.untriagedInDatabase === null ? '' : ` (${s.untriagedInDatabase} untriaged in the database)`}/${miss.firstAnswer}/${miss.crisisReply} · ${s.duplicatedShown}${s.triagedBeforeShown ? ` (triaged before shown: ${s.triagedBeforeShown})` : ''} | ${s.triagedPerSecond.toFixed(0)}${s.drained ? '' : ' (not drained)'} | ${s.settledInSeconds.toFixed(1)}${s.settled ? '' : ' (work left)'} | ${s.cpuMsPerMessageTotal.toFixed(1)} (${cpu}) | ${servers} | ${rss} | ${s.statementsPerMessage.toFixed(1)} |`;
  });
  return [
    '| offered /s | accepted/sent | webhook errors | webhook ms p50/p95/p99 | shown in /staff ms p50/p99 | triaged ms p50/p99 | new user first answer ms p50/p99 (n) | crisis hotline reply ms p50/p99 (n) | missing shown/triaged/answer/crisis · duplicated | triaged /s | all work done after s | CPU ms per message | server CPU ms per message (Postgres, Redis) | peak RSS MiB | SQL statements per message |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}
