/**
 * The runtime section of `npm run bench` (运行时基准): baseline-2026 on Node worker threads — speed per
 * core at 1:1000 and 1:100, the speed-up from 1 to 2 workers, wall time at 1:10 (and
 * at 1:1, the national year, with --national), peak memory and the result's flow cells at each scale on
 * 2 workers — next to the raw reference loop measured in this run. Speed is also given per second of
 * CPU time, with the machine's load before and after, so that a slow figure on a busy machine can be
 * told apart from a slow engine.
 * Runs are timed in child processes (bench/benchRun.ts); peak memory comes from a process that
 * holds only the 2-worker pool.
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { max, median, min } from 'd3';
import { referenceRate } from './benchEngine';
import type { MeasuredRun, PairedRuns } from './benchRun';

/** One measured figure, as bench.ts prints it. */
export interface RuntimeFigure {
  key: string;
  label: string;
  value: number;
  unit: string;
}

const RUN_SCRIPT = fileURLToPath(new URL('./benchRun.ts', import.meta.url));

/** Runs benchRun.ts in a child process with `args` and returns its JSON line. */
function runScript<T>(args: string[], what: string): T {
  const r = spawnSync(process.execPath, ['--import', 'tsx', RUN_SCRIPT, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (r.status !== 0) throw new Error(`${what} failed: ${r.stderr.trim()}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as T;
}

/** Runs one configuration in a process of its own, timing `runs` runs on the same pool. */
function measure(scaleK: number, workers: number, runs = 1): MeasuredRun {
  return runScript<MeasuredRun>(
    ['--scale', `1:${scaleK}`, '--workers', `${workers}`, '--runs', `${runs}`],
    `the 1:${scaleK} run on ${workers} worker(s)`,
  );
}

/** Times 1 and 2 workers in alternation in one process, `runs` runs of each (benchRun.ts `--paired`). */
function measurePaired(scaleK: number, runs: number): PairedRuns {
  return runScript<PairedRuns>(
    ['--scale', `1:${scaleK}`, '--paired', '--runs', `${runs}`],
    `the paired 1:${scaleK} runs`,
  );
}

/** The speed-ups from 1 to 2 workers of runs timed in alternation: their median and range. */
export interface PairedSpeedup {
  median: number;
  min: number;
  max: number;
}

/**
 * The speed-up from 1 to 2 workers over runs timed in alternation (1, 2, 1, 2, …): each pair's ratio
 * of wall times, then their median, leaving out the first pair (fresh threads, still being
 * optimized). The machine's speed drifts from minute to minute, so a ratio of two runs seconds apart
 * is not moved by the drift, and the median is not moved by one pair that met a slow second.
 */
export function pairedSpeedup(one: readonly number[], two: readonly number[]): PairedSpeedup {
  if (one.length !== two.length) throw new RangeError('paired runs must come in pairs');
  if (one.length < 2) throw new RangeError('a speed-up needs at least one pair after the first');
  const ratios = one.slice(1).map((s, i) => s / two[i + 1]!);
  return { median: median(ratios)!, min: min(ratios)!, max: max(ratios)! };
}

/** Measures the runtime; `national` adds the 1:1 year. */
export function runtimeFigures(options: { national: boolean; repeats: number }): RuntimeFigure[] {
  const f = (key: string, label: string, value: number, unit = ''): RuntimeFigure => ({
    key,
    label,
    value,
    unit,
  });
  const figures: RuntimeFigure[] = [];
  const perCore = (m: MeasuredRun) => m.personMonths / m.seconds / m.workers;
  // Per second of CPU time of the run's whole process: what a core does while the run has it. On a
  // machine shared with other work, wall time per core also counts the time the threads waited.
  const perCpuSecond = (m: MeasuredRun) => m.personMonths / m.cpuSeconds;
  const loadBefore = loadavg()[0]!;
  const runs: MeasuredRun[] = [];
  // The population streams, so what grows with the scale is the result: the flow cells it has seen.
  const memoryFigures = (m: MeasuredRun) => [
    f(
      `peakMemory_${m.scaleK}`,
      `1:${m.scaleK} 内存峰值 peak memory, 2 workers`,
      m.peakRssBytes / 2 ** 20,
      'MiB',
    ),
    f(`flowCells_${m.scaleK}`, `1:${m.scaleK} 资金流单元 flow cells in the result`, m.flowCells),
  ];
  // 1 and 2 workers timed in alternation in one process (the speed-up is the median of the pairs'
  // ratios), then the 2 workers alone in a process of their own for the peak memory. The figures are
  // the best runs after the first (a pool that has run before, as the workbench's from its second run
  // on); the first run in new threads is shown beside them.
  for (const scaleK of [1000, 100]) {
    const { one, two } = measurePaired(scaleK, scaleK === 1000 ? 9 : 6);
    const alone = measure(scaleK, 2);
    const speedup = pairedSpeedup(one.runSeconds, two.runSeconds);
    runs.push(one, two, alone);
    figures.push(
      f(`perCore1w_${scaleK}`, `1:${scaleK} 每核 per core, 1 worker`, perCore(one), 'person-months/s'),
      f(`perCore2w_${scaleK}`, `1:${scaleK} 每核 per core, 2 workers`, perCore(two), 'person-months/s'),
      f(
        `perCpuSecond2w_${scaleK}`,
        `1:${scaleK} 每CPU秒 per CPU-second, 2 workers`,
        perCpuSecond(two),
        'person-months/s',
      ),
      // Whether the pool kept both cores busy: the CPU time of the best 2-worker run over its wall
      // time. Near 2 with a speed-up under 2, the cores did less work per second, the threads did not wait.
      f(
        `coresBusy2w_${scaleK}`,
        `1:${scaleK} 忙碌核数 cores kept busy, 2 workers (CPU time / wall time)`,
        two.cpuSeconds / two.seconds,
      ),
      f(`wall1w_${scaleK}`, `1:${scaleK} 用时 wall time, 1 worker`, one.seconds, 's'),
      f(`wall2w_${scaleK}`, `1:${scaleK} 用时 wall time, 2 workers`, two.seconds, 's'),
      f(
        `firstWall2w_${scaleK}`,
        `1:${scaleK} 首次运行 first run in new threads, 2 workers`,
        two.runSeconds[0]!,
        's',
      ),
      f(
        `speedup_${scaleK}`,
        `1:${scaleK} 加速比 speed-up 1 → 2 workers (median of ${one.runSeconds.length - 1} pairs)`,
        speedup.median,
      ),
      f(`speedupMin_${scaleK}`, `1:${scaleK} 加速比最低 speed-up, lowest pair`, speedup.min),
      f(`speedupMax_${scaleK}`, `1:${scaleK} 加速比最高 speed-up, highest pair`, speedup.max),
      ...memoryFigures(alone),
    );
  }
  const scales = options.national ? [10, 1] : [10];
  for (const scaleK of scales) {
    const m = measure(scaleK, 2);
    runs.push(m);
    figures.push(
      f(`wall_${scaleK}`, `1:${scaleK} 用时 wall time, 2 workers`, m.seconds, 's'),
      f(`perCore_${scaleK}`, `1:${scaleK} 每核 per core`, perCore(m), 'person-months/s'),
      f(`perCpuSecond_${scaleK}`, `1:${scaleK} 每CPU秒 per CPU-second`, perCpuSecond(m), 'person-months/s'),
      ...memoryFigures(m),
    );
  }
  const residual = runs.reduce((s, m) => s + m.residualFen, 0);
  const reference = referenceRate(runs[0]!.personMonths, options.repeats);
  figures.push(
    f('referencePerSecond', '参考循环 raw loop, one core (best)', reference, 'person-months/s'),
    f('machineLoadBefore', '机器负载 machine load before (1-min average)', loadBefore),
    f('machineLoadAfter', '机器负载 machine load after (1-min average)', loadavg()[0]!),
    f('conservationResidualFen', '守恒残差 conservation residual, all runs', residual, 'fen'),
    f('targetSpeedup', '目标 target speed-up', 1.8),
    f('targetWall_1000', '目标 target 1:1000 wall time', 1, 's'),
    f('targetPeakMemory_1', '目标 target 1:1 peak memory', 2048, 'MiB'),
  );
  return figures;
}
