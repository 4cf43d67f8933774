/**
 * `npx tsx bench/top-frames.ts <folder of .cpuprofile files> [N]`: the frames with the most self
 * time in each V8 CPU profile (`node --cpu-prof`, one file per thread), and the same time summed
 * per area — a package in node_modules, a file of ours, node's internals, GC — which is what
 * says where a message's milliseconds go. `--inclusive=engine.io,/pg/,bullmq` also gives, for each
 * pattern, the time of the samples with a frame whose function@url contains it anywhere on the
 * stack (what that code and everything it called cost; patterns overlap).
 */
import fs from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

function area(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : '(native)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.startsWith('node:')) return 'node internals';
  const i = url.search(/\/(src|workers)\//);
  return i >= 0 ? url.slice(i + 1).replace(/^.*?dist\/server\//, '') : url;
}

function summarise(file: string, top: number) {
  const p = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const frames = new Map<string, number>();
  const areas = new Map<string, number>();
  for (const [id, us] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const key = `${functionName || '(anonymous)'} ${url ? `${url.replace(/^.*?(node_modules|src|workers|dist)\//, '$1/')}:${lineNumber + 1}` : ''}`;
    frames.set(key, (frames.get(key) ?? 0) + us);
    const a = area(url, functionName);
    areas.set(a, (areas.get(a) ?? 0) + us);
  }
  const busy = total - (areas.get('(idle)') ?? 0);
  const list = (m: Map<string, number>) =>
    [...m.entries()]
      .filter(([k]) => k !== '(idle)' && !k.startsWith('(idle)'))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, us]) => `  ${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / busy).toFixed(1).padStart(5)} %  ${k}`)
      .join('\n');
  console.log(`\n# ${path.relative(dir, file)}: ${(total / 1e6).toFixed(1)} s profiled, ${(busy / 1e6).toFixed(1)} s busy (not idle)`);
  console.log(`## areas (self time, share of busy)\n${list(areas)}`);
  console.log(`## frames\n${list(frames)}`);
  if (inclusive.length > 0) console.log(`## inclusive (share of busy)\n${list(inclusiveTimes(p, self, byId))}`);
}

/** Per pattern, the time of the non-idle samples with a matching frame anywhere on their stack. */
function inclusiveTimes(p: Profile, self: Map<number, number>, byId: Map<number, ProfileNode>): Map<string, number> {
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const times = new Map(inclusive.map((pattern) => [pattern, 0]));
  for (const [id, us] of self) {
    const leaf = byId.get(id)!.callFrame.functionName;
    if (leaf === '(idle)' || leaf === 'atomicsWaitLoop') continue;
    const stack: string[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const { functionName, url } = byId.get(at)!.callFrame;
      stack.push(`${functionName}@${url}`);
    }
    for (const pattern of inclusive) if (stack.some((f) => f.includes(pattern))) times.set(pattern, times.get(pattern)! + us);
  }
  return times;
}

const dir = process.argv[2];
if (!dir) {
  console.error('usage: npx tsx bench/top-frames.ts <folder with .cpuprofile files> [N]');
  process.exit(2);
}
const top = Number(process.argv.slice(3).find((a) => !a.startsWith('--')) ?? 20);
const inclusive = process.argv.find((a) => a.startsWith('--inclusive='))?.slice('--inclusive='.length).split(',').filter(Boolean) ?? [];
// The bench writes one folder per process under the run's folder: read them all.
const files = (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.cpuprofile')).sort();
for (const f of files) summarise(path.join(dir, f), top);
