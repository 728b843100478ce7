/**
 * Memory of a process tree from Linux's /proc (进程树内存): find a process by its command line, list
 * it with its descendants, and add up their proportional set size (Pss, from smaps_rollup, so that
 * pages shared between a browser's processes count once in total), or their resident size (VmRSS)
 * where smaps_rollup cannot be read. A sampler keeps the peak over a run.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** How a process's memory was read: Pss (shared pages split between sharers) or VmRSS. */
export type MemorySource = 'pss' | 'rss';

/** A file of /proc, or null when the process has gone or cannot be read. */
function readProc(pid: number, file: string): string | null {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return null;
  }
}

/** Every process id now in /proc. */
function allPids(): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number);
}

/** The parent of `pid` (the fourth field of /proc/<pid>/stat, after the command name in parentheses). */
function parentOf(pid: number): number | null {
  const stat = readProc(pid, 'stat');
  if (stat === null) return null;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[1]);
}

/** The first process whose arguments satisfy `test`, or null. */
export function findProcess(test: (argv: string[]) => boolean): number | null {
  for (const pid of allPids()) {
    const cmdline = readProc(pid, 'cmdline');
    if (cmdline !== null && cmdline !== '' && test(cmdline.split('\0').filter((a) => a !== ''))) return pid;
  }
  return null;
}

/** `root` and every process descended from it that is alive now, root first. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const pid of allPids()) {
    const parent = parentOf(pid);
    if (parent === null) continue;
    const list = children.get(parent);
    if (list) list.push(pid);
    else children.set(parent, [pid]);
  }
  if (readProc(root, 'stat') === null) return [];
  const tree = [root];
  for (let k = 0; k < tree.length; k++) tree.push(...(children.get(tree[k]!) ?? []));
  return tree;
}

/** The `name:   123 kB` line of a /proc file in bytes, or null. */
function kilobytes(text: string, name: string): number | null {
  const m = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text);
  return m ? Number(m[1]) * 1024 : null;
}

/** Memory of one process in bytes, Pss where it can be read, else VmRSS; null when it has gone. */
export function processMemory(pid: number): { bytes: number; source: MemorySource } | null {
  const rollup = readProc(pid, 'smaps_rollup');
  const pss = rollup === null ? null : kilobytes(rollup, 'Pss');
  if (pss !== null) return { bytes: pss, source: 'pss' };
  const status = readProc(pid, 'status');
  const rss = status === null ? null : kilobytes(status, 'VmRSS');
  return rss === null ? null : { bytes: rss, source: 'rss' };
}

/** One reading of a process tree. */
export interface TreeMemory {
  bytes: number;
  processes: number;
  /** 'rss' when any process of the tree was read by VmRSS. */
  source: MemorySource;
}

/** The memory of `root` and its descendants now. */
export function treeMemory(root: number): TreeMemory {
  let bytes = 0;
  let processes = 0;
  let source: MemorySource = 'pss';
  for (const pid of processTree(root)) {
    const m = processMemory(pid);
    if (m === null) continue;
    bytes += m.bytes;
    processes += 1;
    if (m.source === 'rss') source = 'rss';
  }
  return { bytes, processes, source };
}

/** Reads a process tree's memory every `intervalMs` and keeps the highest reading. */
export class PeakMemorySampler {
  readonly #root: number;
  readonly #timer: ReturnType<typeof setInterval>;
  #peak: TreeMemory = { bytes: 0, processes: 0, source: 'pss' };
  #samples = 0;

  constructor(root: number, intervalMs = 500) {
    this.#root = root;
    this.sample();
    this.#timer = setInterval(() => this.sample(), intervalMs);
  }

  /** Takes one reading now (also called by the timer). */
  sample(): void {
    const now = treeMemory(this.#root);
    this.#samples += 1;
    if (now.bytes > this.#peak.bytes) this.#peak = now;
  }

  /** Stops the timer after a last reading; returns the peak and how many readings were taken. */
  stop(): TreeMemory & { samples: number } {
    clearInterval(this.#timer);
    this.sample();
    return { ...this.#peak, samples: this.#samples };
  }
}
