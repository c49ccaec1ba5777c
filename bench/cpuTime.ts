import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * The CPU time of a build: every process under the one the benchmark started (Astro's Node process and the
 * Pagefind processes it starts; worker threads are counted with their process), user and system, read from
 * /proc. GNU time's own figure misses a child its process did not reap before exiting (Pagefind's, often), and
 * wall time moves with what the machine's other tenants take; the CPU a build needs moves much less.
 */

/** What /proc/<pid>/stat says of a process: its parent and the CPU it has used (user + system, in clock ticks). */
export interface ProcStat {
  pid: number;
  ppid: number;
  ticks: number;
}

/** Parses /proc/<pid>/stat: the command name is in parentheses and may hold spaces or parentheses itself. */
export function parseProcStat(text: string): ProcStat | undefined {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) return undefined;
  // After the name: state (3), ppid (4), … utime (14), stime (15), counted from 1 over the whole line.
  const fields = text.slice(close + 2).split(' ');
  const [pid, ppid, utime, stime] = [Number(text.slice(0, open)), Number(fields[1]), Number(fields[11]), Number(fields[12])];
  if (![pid, ppid, utime, stime].every(Number.isFinite)) return undefined;
  return { pid, ppid, ticks: utime + stime };
}

/** Clock ticks per second (`getconf CLK_TCK`; 100 on Linux when it cannot be asked). */
function ticksPerSecond(): number {
  const answer = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim());
  return Number.isFinite(answer) && answer > 0 ? answer : 100;
}

function readProcesses(): ProcStat[] {
  const stats: ProcStat[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = parseProcStat(readFileSync(`/proc/${name}/stat`, 'utf8'));
      if (stat) stats.push(stat);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return stats;
}

/** The processes under `root` (itself included) among `stats`. */
export function descendants(stats: readonly ProcStat[], root: number): ProcStat[] {
  const children = new Map<number, ProcStat[]>();
  for (const stat of stats) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), stat]);
  const found: ProcStat[] = [];
  const queue = stats.filter((stat) => stat.pid === root);
  while (queue.length > 0) {
    const stat = queue.shift()!;
    found.push(stat);
    queue.push(...(children.get(stat.pid) ?? []));
  }
  return found;
}

/**
 * Samples the CPU of `root` and every process under it every `everyMs` until `stop()`, which returns the seconds
 * used: each process's last reading, added up. A process that ends between two samples loses at most its last
 * `everyMs` of CPU; one that starts and ends between two samples is not seen (a build starts none that matter).
 */
export function sampleTreeCpu(root: number, everyMs = 100): { stop: () => number } {
  const perSecond = ticksPerSecond();
  const last = new Map<number, number>();
  const sample = () => {
    for (const { pid, ticks } of descendants(readProcesses(), root)) last.set(pid, Math.max(last.get(pid) ?? 0, ticks));
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      let ticks = 0;
      for (const value of last.values()) ticks += value;
      return ticks / perSecond;
    },
  };
}
