/**
 * `npm run bench:compare` (引擎版本对比): how much CPU time the engine in the working tree takes
 * against a base revision, measured so that the machine's drift cancels. On these virtual machines
 * a core does up to 60% more work in one second than in another, for seconds at a time, so two
 * versions timed one after the other cannot be told apart by a few per cent. Here the two run at
 * the same time on the same core (pinned with `taskset`), one process each, so every slow spell
 * hits both: their CPU times per pass are compared, over the passes after the first two (which
 * still compile). One such pair runs on every core at once, `--rounds` times.
 *
 * The base revision is checked out in a temporary git worktree that shares the project's
 * node_modules; the current `benchPass.ts` is copied into it so that both sides time the same way.
 * The result's digest of each side is printed beside the times, and both sides then simulate four
 * scenarios (benchPass.ts's DIGEST_SCENARIOS) at the same scale and compare their digests: a speed
 * change that should not change results shows here whether it did.
 *
 *   npm run bench:compare -- --base HEAD [--scale 1:1000] [--runs 10] [--rounds 2] [--json]
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { median } from 'd3';
import { LIMITS, parseScale, parseWhole, readOptions } from '../src/cli/args';
import type { EnginePass, ScenarioDigest } from './benchPass';

const USAGE =
  'usage: npm run bench:compare -- --base <revision> [--scale 1:k] [--runs n] [--rounds n] [--json]';
/** Passes at the start of each process that are left out: the engine is still being compiled. */
export const WARM_UP_PASSES = 2;

/** The passes of one base process and one working-tree process that shared a core. */
export interface SharedCore {
  core: number;
  base: EnginePass[];
  head: EnginePass[];
}

/** What the comparison reports. */
export interface Comparison {
  /** Per process pair: the working tree's CPU time over the base's, summed over the passes after the warm-up. */
  ratios: number[];
  /** The median of `ratios`: below 1 the working tree is faster. */
  medianRatio: number;
  /** Fastest and median CPU time of one pass, each side, seconds. */
  base: { fastest: number; median: number };
  head: { fastest: number; median: number };
  personMonths: number;
  /** Whether both sides gave the same result digest. */
  sameResults: boolean;
}

/** Sums CPU time over the passes after the warm-up. */
function cpuAfterWarmUp(passes: readonly EnginePass[]): number {
  return passes.slice(WARM_UP_PASSES).reduce((s, p) => s + p.cpuSeconds, 0);
}

/**
 * The comparison of process pairs that each shared a core. Every process must have run the same
 * number of passes, more than the warm-up, and simulated the same person-months.
 */
export function compareSharedCores(pairs: readonly SharedCore[]): Comparison {
  if (pairs.length === 0) throw new Error('no process pair to compare');
  const passes = pairs[0]!.base.length;
  const all = pairs.flatMap((p) => [...p.base, ...p.head]);
  for (const p of pairs) {
    if (p.base.length !== passes || p.head.length !== passes)
      throw new Error(
        `the processes on core ${p.core} ran ${p.base.length} and ${p.head.length} passes, not ${passes}`,
      );
  }
  if (passes <= WARM_UP_PASSES) throw new Error(`each process needs more than ${WARM_UP_PASSES} passes`);
  const personMonths = all[0]!.personMonths;
  if (all.some((p) => p.personMonths !== personMonths))
    throw new Error('the two sides simulated different person-months: they did not run the same sample');
  const ratios = pairs.map((p) => cpuAfterWarmUp(p.head) / cpuAfterWarmUp(p.base));
  const times = (side: 'base' | 'head'): { fastest: number; median: number } => {
    const xs = pairs.flatMap((p) => p[side].slice(WARM_UP_PASSES).map((x) => x.cpuSeconds));
    return { fastest: Math.min(...xs), median: median(xs)! };
  };
  const digests = new Set(all.flatMap((p) => (p.digest === undefined ? [] : [p.digest])));
  return {
    ratios,
    medianRatio: median(ratios)!,
    base: times('base'),
    head: times('head'),
    personMonths,
    sameResults: digests.size === 1,
  };
}

/** One scenario's digests on both sides (`missing` where that side has no such scenario file). */
export interface DigestRow {
  scenario: string;
  base: string;
  head: string;
}

/**
 * The scenario digests of both sides, row by row, and whether every scenario both sides have gave
 * the same result (a scenario one side lacks is listed, not counted). Refuses lists of other scenarios.
 */
export function compareDigests(
  base: readonly ScenarioDigest[],
  head: readonly ScenarioDigest[],
): { rows: DigestRow[]; same: boolean } {
  const names = head.map((d) => d.scenario);
  if (base.length !== head.length || base.some((d, i) => d.scenario !== names[i]))
    throw new Error(`the two sides digested different scenarios: ${base.map((d) => d.scenario).join(', ')}`);
  const rows = head.map((h, i) => ({ scenario: h.scenario, base: base[i]!.digest, head: h.digest }));
  const compared = rows.filter((r) => r.base !== 'missing' && r.head !== 'missing');
  return { rows, same: compared.length > 0 && compared.every((r) => r.base === r.head) };
}

/** Runs git with `args` in `cwd` and returns its standard output; a failure throws with its error output. */
function git(args: string[], cwd = '.'): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${(r.stderr || r.stdout).trim()}`);
  return r.stdout.trim();
}

/** Runs benchPass in `tree` pinned to `core` and returns its passes. */
function passesIn(tree: string, core: number, scaleK: number, runs: number): Promise<EnginePass[]> {
  const args = ['-c', String(core), process.execPath, '--import', 'tsx', 'bench/benchPass.ts'];
  const child = spawn('taskset', [...args, '--scale', `1:${scaleK}`, '--runs', String(runs)], { cwd: tree });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', (code) => {
      if (code !== 0)
        return fail(new Error(`the engine pass in ${tree} failed (exit ${code}): ${err.trim()}`));
      done(
        out
          .split('\n')
          .filter((l) => l.startsWith('{'))
          .map((l) => JSON.parse(l) as EnginePass),
      );
    });
  });
}

/** Runs benchPass --digests in `tree` at 1:k and returns its scenario digests. */
function digestsIn(tree: string, scaleK: number): Promise<ScenarioDigest[]> {
  const args = ['--import', 'tsx', 'bench/benchPass.ts', '--scale', `1:${scaleK}`, '--digests'];
  const child = spawn(process.execPath, args, { cwd: tree });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', (code) => {
      if (code !== 0) return fail(new Error(`the digests in ${tree} failed (exit ${code}): ${err.trim()}`));
      done(
        out
          .split('\n')
          .filter((l) => l.startsWith('{'))
          .map((l) => JSON.parse(l) as ScenarioDigest),
      );
    });
  });
}

/** Checks out `revision` in a temporary worktree beside the project's node_modules, with the current benchPass. */
function checkOut(revision: string): { dir: string; commit: string } {
  const commit = git(['rev-parse', '--verify', '--quiet', `${revision}^{commit}`]);
  const dir = mkdtempSync(join(tmpdir(), 'gongji-base-'));
  try {
    git(['worktree', 'add', '--detach', '--force', dir, commit]);
    symlinkSync(resolve('node_modules'), join(dir, 'node_modules'), 'dir');
    // Revisions before the benchmarks left src/cli have no bench/ folder yet.
    mkdirSync(join(dir, 'bench'), { recursive: true });
    copyFileSync('bench/benchPass.ts', join(dir, 'bench/benchPass.ts'));
  } catch (e) {
    removeWorktree(dir);
    throw e;
  }
  return { dir, commit };
}

/** Removes a worktree made by {@link checkOut} and git's record of it. */
function removeWorktree(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  git(['worktree', 'prune']);
}

async function main(): Promise<void> {
  const o = readOptions(
    process.argv.slice(2),
    {
      base: { type: 'string' },
      scale: { type: 'string', default: '1:1000' },
      runs: { type: 'string', default: '10' },
      rounds: { type: 'string', default: '2' },
      json: { type: 'boolean', default: false },
    },
    USAGE,
  );
  if (o.base === undefined) throw new Error(`--base names the revision to compare with\n${USAGE}`);
  const scaleK = parseScale(o.scale, USAGE);
  const runs = parseWhole(o.runs, 'runs', WARM_UP_PASSES + 1, LIMITS.runs, USAGE);
  const rounds = parseWhole(o.rounds, 'rounds', 1, LIMITS.rounds, USAGE);
  if (spawnSync('taskset', ['-V']).status !== 0)
    throw new Error('taskset (util-linux) is needed to pin both versions to the same core');
  let base: { dir: string; commit: string };
  try {
    base = checkOut(o.base);
  } catch (e) {
    throw new Error(
      `--base "${o.base}" is not a revision of this repository: ${e instanceof Error ? e.message : e}`,
      { cause: e },
    );
  }
  try {
    const pairs: SharedCore[] = [];
    for (let round = 0; round < rounds; round++) {
      const cores = Array.from({ length: availableParallelism() }, (_, core) => core);
      const results = await Promise.all(
        cores.map(async (core) => {
          const [b, h] = await Promise.all([
            passesIn(base.dir, core, scaleK, runs),
            passesIn('.', core, scaleK, runs),
          ]);
          return { core, base: b, head: h };
        }),
      );
      pairs.push(...results);
    }
    const c = compareSharedCores(pairs);
    const [baseDigests, headDigests] = await Promise.all([
      digestsIn(base.dir, scaleK),
      digestsIn('.', scaleK),
    ]);
    const scenarios = compareDigests(baseDigests, headDigests);
    const sameResults = c.sameResults && scenarios.same;
    if (o.json) {
      console.log(
        JSON.stringify({
          baseCommit: base.commit,
          scaleK,
          runs,
          ...c,
          sameResults,
          scenarios: scenarios.rows,
        }),
      );
      return;
    }
    const s = (x: number): string => `${x.toFixed(3)} s`;
    console.log(
      `对比 Compare — the working tree against ${base.commit.slice(0, 12)}, 1:${scaleK}, CPU time per engine pass`,
    );
    console.log(`  基准 base          fastest ${s(c.base.fastest)}, median ${s(c.base.median)}`);
    console.log(`  工作区 working tree fastest ${s(c.head.fastest)}, median ${s(c.head.median)}`);
    console.log(
      `  比值 ratio, each pair of processes on a shared core: ${c.ratios.map((r) => r.toFixed(3)).join(' ')}`,
    );
    console.log(
      `  比值中位数 median ratio: ${c.medianRatio.toFixed(3)} (below 1: the working tree is faster)`,
    );
    for (const r of scenarios.rows) {
      const verdict =
        r.base === 'missing' || r.head === 'missing'
          ? 'not on both sides'
          : r.base === r.head
            ? 'identical'
            : 'DIFFERENT';
      console.log(`  结果 ${r.scenario.padEnd(18)} ${verdict} (${r.head.slice(0, 12)})`);
    }
    console.log(`  结果 results: ${sameResults ? 'identical digests' : 'DIFFERENT digests'}`);
  } finally {
    removeWorktree(base.dir);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((e: unknown) => {
    console.error(`bench:compare: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
