/** CPU time and resident memory of a process (and its threads), read from /proc (Linux). */
import fs from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** User + system CPU time of the process so far, in milliseconds (all its threads). */
export function cpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // fields after the command name in parentheses; utime and stime are the 14th and 15th
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/**
 * CPU time so far of every process of this machine named `comm` (e.g. `postgres`, `redis-server`),
 * in milliseconds, with the CPU of their children that have ended (a Postgres backend's time is
 * added to the postmaster's when it exits): the database and Redis servers' own share of a message,
 * which the service processes' figures leave out. Whole servers: anything else they serve
 * meanwhile is counted too.
 */
export function serverCpuMs(comm: string): number {
  let total = 0;
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // ended meanwhile
    }
    if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) !== comm) continue;
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime, stime, and the waited-for children's cutime, cstime
    total += ((Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) * 1000) / TICKS_PER_SECOND;
  }
  return total;
}

/** Resident set size in MiB. */
export function rssMiB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : 0;
}

/** Samples the peak RSS of some processes until stopped. */
export function watchRss(pids: Record<string, number>, everyMs = 250) {
  const peak: Record<string, number> = Object.fromEntries(Object.keys(pids).map((k) => [k, 0]));
  const sample = () => {
    for (const [name, pid] of Object.entries(pids)) {
      try {
        peak[name] = Math.max(peak[name], rssMiB(pid));
      } catch {
        /* the process ended */
      }
    }
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}
