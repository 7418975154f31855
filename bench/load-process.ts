import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

// The server's CPU and memory, read from /proc over its whole process tree: the main process and
// whatever it starts (cluster workers, helper processes), so one figure holds however the
// server is split. Linux only.

export interface ProcessSample {
  pid: number;
  ppid: number;
  name: string;
  /** User and system CPU time so far, in clock ticks. */
  ticks: number;
  /** Resident memory, in bytes. */
  rss: number;
}

export interface TreeSample {
  /** performance.now() when read. */
  at: number;
  processes: ProcessSample[];
}

function getconf(name: string, fallback: number): number {
  try {
    return Number(execFileSync('getconf', [name], { encoding: 'utf8' }).trim()) || fallback;
  } catch {
    return fallback;
  }
}

export const CLOCK_TICKS = getconf('CLK_TCK', 100);
const PAGE_SIZE = getconf('PAGESIZE', 4096);

/**
 * One line of /proc/<pid>/stat. The name is in parentheses and may hold spaces and parentheses
 * itself, so the fields are counted from the last ')'.
 */
export function parseStat(line: string, pageSize = PAGE_SIZE): ProcessSample | null {
  const open = line.indexOf('(');
  const close = line.lastIndexOf(')');
  if (open < 0 || close < open) return null;
  // After the name: state (field 3), ppid (4) ... utime (14), stime (15) ... rss (24).
  const fields = line
    .slice(close + 2)
    .trim()
    .split(/\s+/);
  const field = (n: number) => Number(fields[n - 3]);
  const sample = {
    pid: Number(line.slice(0, open).trim()),
    ppid: field(4),
    name: line.slice(open + 1, close),
    ticks: field(14) + field(15),
    rss: field(24) * pageSize,
  };
  return Object.values(sample).some((value) => typeof value === 'number' && Number.isNaN(value))
    ? null
    : sample;
}

/** The root and every process descended from it. */
export function treeOf(root: number, all: readonly ProcessSample[]): ProcessSample[] {
  const children = new Map<number, ProcessSample[]>();
  for (const sample of all) {
    const siblings = children.get(sample.ppid) ?? [];
    siblings.push(sample);
    children.set(sample.ppid, siblings);
  }
  const tree = all.filter((sample) => sample.pid === root);
  for (let i = 0; i < tree.length; i += 1) {
    tree.push(...(children.get((tree[i] as ProcessSample).pid) ?? []));
  }
  return tree;
}

/** The process tree under `root` now; empty when the root is gone. */
export function readTree(root: number): TreeSample {
  const all: ProcessSample[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const sample = parseStat(readFileSync(`/proc/${entry}/stat`, 'utf8'));
      if (sample) all.push(sample);
    } catch {
      // The process ended between listing and reading.
    }
  }
  return { at: performance.now(), processes: treeOf(root, all) };
}

export interface Usage {
  /** CPU cores the tree used on average between the two samples. */
  cores: number;
  /** The highest resident memory of each process, in bytes, by pid. */
  peakRss: Record<number, number>;
  /** The highest sum over the tree at one sample, in bytes. */
  peakTotalRss: number;
}

/**
 * CPU and memory over samples taken in order. CPU counts what each process spent between its
 * first and last sample in the window (a process started meanwhile counts from zero); a process
 * that ended before the last sample loses its last ticks, which is why sampling is frequent.
 */
export function usageOf(samples: readonly TreeSample[], clockTicks = CLOCK_TICKS): Usage {
  const first = samples[0];
  const last = samples.at(-1);
  const peakRss: Record<number, number> = {};
  let peakTotalRss = 0;
  const firstTicks = new Map<number, number>();
  const lastTicks = new Map<number, number>();
  for (const sample of samples) {
    let total = 0;
    for (const process of sample.processes) {
      peakRss[process.pid] = Math.max(peakRss[process.pid] ?? 0, process.rss);
      total += process.rss;
      if (!firstTicks.has(process.pid)) {
        firstTicks.set(process.pid, sample === first ? process.ticks : 0);
      }
      lastTicks.set(process.pid, process.ticks);
    }
    peakTotalRss = Math.max(peakTotalRss, total);
  }
  let ticks = 0;
  for (const [pid, end] of lastTicks) ticks += end - (firstTicks.get(pid) ?? 0);
  const seconds = first && last ? (last.at - first.at) / 1000 : 0;
  return { cores: seconds > 0 ? ticks / clockTicks / seconds : 0, peakRss, peakTotalRss };
}

/** Samples the tree every `intervalMs` until stopped; a window of them gives CPU and memory. */
export function monitorTree(root: number, intervalMs: number) {
  const samples: TreeSample[] = [readTree(root)];
  const timer = setInterval(() => samples.push(readTree(root)), intervalMs);
  timer.unref();
  return {
    samples,
    /** Where a window starts: pass to `since`. */
    mark(): number {
      samples.push(readTree(root));
      return samples.length - 1;
    },
    /** The samples from the mark to now. */
    since(mark: number): TreeSample[] {
      samples.push(readTree(root));
      return samples.slice(mark);
    },
    stop() {
      clearInterval(timer);
    },
  };
}
