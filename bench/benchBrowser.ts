/**
 * The browser section of `npm run bench` (浏览器基准): baseline-2026 (or another bundled scenario,
 * such as the five-year projection) run by the workbench itself in headless Chromium, the way a user
 * runs it — the Compare workspace opened on `?run=<id>&scale=k#compare` — at 1:1000 by default, or at 1:1 (the national year) with
 * --national. Reports the run's wall time and simulation time as the page measured them, the
 * simulated person-months per second, the Web Worker count, and the peak memory of Chromium's
 * process tree read from /proc every half second, next to the raw reference loop measured in this run.
 *
 * The app is built afresh with Vite into a temporary folder for every measurement: the build takes a
 * few seconds, so the figures always belong to the sources as they are, and dist/, which the browser
 * tests serve, is left alone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCALES } from '../src/runtime/scales';
import { BENCH_HOOK, type BenchHook, type BenchRecord } from '../src/ui/benchHook';
import { referenceRate } from './benchEngine';
import { buildApp, launchChromium, type LaunchedChromium, serveBuild, watch } from './browserApp';
import { findProcess, PeakMemorySampler } from './processMemory';

/** One measured figure, as bench.ts prints it. */
export interface BrowserFigure {
  key: string;
  label: string;
  value: number;
  unit: string;
}

/** Options of {@link browserFigures}. */
export interface BrowserBenchOptions {
  /** k of the scale 1:k; one the Compare workspace offers. */
  scaleK: number;
  /** The bundled scenario to run (default baseline-2026). */
  scenario?: string;
  /** Repeats of the reference loop. */
  repeats: number;
  /** Where to say what is going on during a long run (the page's progress line every ten seconds). */
  log?: (line: string) => void;
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEFAULT_SCENARIO = 'baseline-2026';

/** How long a run may take before the benchmark gives up, by scale. */
function timeoutMs(scaleK: number): number {
  if (scaleK >= 100) return 10 * 60_000;
  if (scaleK >= 10) return 60 * 60_000;
  return 4 * 60 * 60_000;
}

/** What the page reported when its run was done. */
interface PageRun {
  runMs: number;
  simulateMs: number;
  personMonths: number;
  workers: number;
  /** From opening the address to the run being done, measured here. */
  openMs: number;
}

/** A figure of the page's last recorded Compare run; throws when it is missing. */
function recorded(record: Partial<BenchRecord> | undefined, name: keyof BenchRecord): number {
  const n = Number(record?.[name]);
  if (!Number.isFinite(n))
    throw new Error(`the page recorded no ${name} for its Compare run (window.${BENCH_HOOK})`);
  return n;
}

/** Opens Compare on the baseline at 1:k in `context` and waits for the run; fails on any problem. */
async function runInPage(
  context: LaunchedChromium['context'],
  baseUrl: string,
  options: BrowserBenchOptions,
): Promise<PageRun> {
  const { scaleK, log } = options;
  const { page, problems } = watch(await context.newPage());
  // The page records its runs' timings only when the hook is in place before it loads.
  await page.addInitScript((name) => {
    (window as unknown as Record<string, unknown>)[name] = { runs: [] };
  }, BENCH_HOOK);
  const t0 = performance.now();
  const scenario = options.scenario ?? DEFAULT_SCENARIO;
  await page.goto(new URL(`?run=${scenario}&scale=${scaleK}#compare`, baseUrl).href);
  const panel = page.locator('#panel-compare');
  const limit = timeoutMs(scaleK);
  let lastLog = t0;
  for (;;) {
    const state = await panel.getAttribute('data-state');
    if (problems.length > 0) throw new Error(`the page reported problems:\n  ${problems.join('\n  ')}`);
    if (state === 'done') break;
    if (state === 'failed' || state === 'cancelled') {
      const notice = (await panel.locator('.notice').textContent()) ?? '';
      throw new Error(`the run ended ${state} in the page: ${notice}`);
    }
    const now = performance.now();
    if (now - t0 > limit) throw new Error(`the 1:${scaleK} run was not done after ${limit / 60_000} min`);
    if (log && now - lastLog >= 10_000) {
      lastLog = now;
      log(`browser 1:${scaleK}: ${(await panel.locator('.progress-text').textContent()) ?? ''}`);
    }
    await page.waitForTimeout(500);
  }
  const openMs = performance.now() - t0;
  const shownRuns = await panel.getAttribute('data-runs');
  if (shownRuns !== scenario) throw new Error(`the page ran ${shownRuns}, not the ${scenario} asked for`);
  const shownScale = await panel.getAttribute('data-scale');
  if (shownScale !== String(scaleK))
    throw new Error(`the page ran scale 1:${shownScale}, not the 1:${scaleK} asked for`);
  const record = await page.evaluate(
    (name) => (window as unknown as Record<string, BenchHook | undefined>)[name]?.runs.at(-1),
    BENCH_HOOK,
  );
  return {
    runMs: recorded(record, 'runMs'),
    simulateMs: recorded(record, 'simulateMs'),
    personMonths: recorded(record, 'personMonths'),
    workers: await page.evaluate(() => navigator.hardwareConcurrency),
    openMs,
  };
}

/** Launches Chromium, samples its process tree's memory, and runs the page on `baseUrl`. */
async function measureInChromium(
  baseUrl: string,
  options: BrowserBenchOptions,
): Promise<{ run: PageRun; peak: ReturnType<PeakMemorySampler['stop']> }> {
  const browser = await launchChromium();
  try {
    // The browser process is the one started with our profile that is not a --type= child.
    const flag = `--user-data-dir=${browser.profile}`;
    const root = findProcess((argv) => argv.includes(flag) && !argv.some((a) => a.startsWith('--type=')));
    if (root === null) throw new Error(`no Chromium process with ${flag} in /proc`);
    const sampler = new PeakMemorySampler(root, 500);
    let run: PageRun;
    let peak: ReturnType<PeakMemorySampler['stop']>;
    try {
      run = await runInPage(browser.context, baseUrl, options);
    } finally {
      peak = sampler.stop();
    }
    return { run, peak };
  } finally {
    await browser.close();
  }
}

/** Builds, serves and runs the workbench in Chromium at 1:k; returns the section's figures. */
export async function browserFigures(options: BrowserBenchOptions): Promise<BrowserFigure[]> {
  const { scaleK } = options;
  if (!(SCALES as readonly number[]).includes(scaleK))
    throw new Error(
      `the Compare workspace offers no scale 1:${scaleK} (${SCALES.map((k) => `1:${k}`).join(', ')})`,
    );
  const outDir = mkdtempSync(join(tmpdir(), 'gongji-bench-dist-'));
  let measured: Awaited<ReturnType<typeof measureInChromium>>;
  let buildSeconds: number;
  try {
    const b0 = performance.now();
    await buildApp({ root: ROOT, outDir });
    buildSeconds = (performance.now() - b0) / 1000;
    const server = await serveBuild({ root: ROOT, outDir });
    try {
      measured = await measureInChromium(server.baseUrl, options);
    } finally {
      await server.close();
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
  const { run, peak } = measured;

  const f = (key: string, label: string, value: number, unit = ''): BrowserFigure => ({
    key,
    label,
    value,
    unit,
  });
  const simulateSeconds = run.simulateMs / 1000;
  const runSeconds = run.runMs / 1000;
  const rate = run.personMonths / simulateSeconds;
  const memoryKind = peak.source === 'pss' ? 'Pss' : 'VmRSS';
  // The raw loop over the run's person-months, at most 20 million: enough for a steady rate.
  const reference = referenceRate(Math.min(run.personMonths, 20_000_000), options.repeats);
  return [
    f('scaleK', '规模 scale 1:k, k =', scaleK),
    f('workers', '工作线程 Web Workers (hardwareConcurrency)', run.workers),
    f('personMonths', '人月 person-months simulated', run.personMonths),
    f('runSeconds', '用时 wall time, run start → done', runSeconds, 's'),
    f('simulateSeconds', '模拟 simulation on the workers', simulateSeconds, 's'),
    f('openSeconds', '打开到完成 opening the address → done', run.openMs / 1000, 's'),
    f('personMonthsPerSecond', '模拟速度 person-months/s, simulation', rate, 'person-months/s'),
    f(
      'personMonthsPerSecondWall',
      '整体速度 person-months/s, whole run',
      run.personMonths / runSeconds,
      'person-months/s',
    ),
    f('perCore', '每核 per worker, simulation', rate / run.workers, 'person-months/s'),
    f('peakMemory', `内存峰值 peak memory, Chromium (${memoryKind})`, peak.bytes / 2 ** 20, 'MiB'),
    f('chromiumProcesses', '进程 Chromium processes at the peak', peak.processes),
    f('memorySamples', '采样 memory readings (every 0.5 s)', peak.samples),
    f('buildSeconds', '构建 vite build', buildSeconds, 's'),
    f('referencePerSecond', '参考循环 raw loop, one core (best)', reference, 'person-months/s'),
  ];
}
