/**
 * `simulate --sweep <file>` (命令行参数扫描): reads a sweep file and its base scenario, runs every
 * combination on the worker pool (src/runtime/sweep.ts) and writes the `sweep` and
 * `sweep_provinces` tables (src/analytics/sweepTables.ts) as Parquet and CSV, with the summary as
 * text or JSON.
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { exportTable, placeNames } from '../analytics/exportTables';
import type { WrittenTable } from '../analytics/node';
import { sweepTables } from '../analytics/sweepTables';
import type { PopulationModel } from '../population/calibration';
import type { Dataset } from '../population/dataset';
import { FIGURES } from '../runtime/figures';
import type { Simulate } from '../runtime/samples';
import { runSweep, type SweepProgress, type SweepRunResult } from '../runtime/sweep';
import { formatScenarioErrors, type Scenario } from '../scenario';
import { parseSweepText, type Sweep, sweepPoints, type SweepPoint, sweptValueText } from '../scenario/sweep';
import { formatCount, formatFen } from '../text/format';
import { loadValidScenario } from './args';
import type { OutputFolder } from './outputFolder';

/** A sweep file read with its base scenario and every combination as a scenario. */
export interface LoadedSweep {
  sweep: Sweep;
  base: Scenario;
  points: SweepPoint[];
}

/**
 * Reads the sweep file at `path` and the base scenario it names (relative to the sweep file); throws
 * with every error, each naming its file and field path, before any simulation.
 */
export async function loadSweep(path: string): Promise<LoadedSweep> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new Error(`${path}: cannot read the sweep file / 无法读取扫描文件: ${message}`, { cause });
  }
  const parsed = parseSweepText(text);
  if (!parsed.ok) {
    throw new Error(
      `the sweep is not valid:\n${formatScenarioErrors(parsed.errors.map((e) => ({ ...e, file: path })))}`,
    );
  }
  const base = await loadValidScenario(resolve(dirname(path), parsed.sweep.scenario));
  const points = sweepPoints(base, parsed.sweep);
  if (!points.ok) {
    throw new Error(
      `the sweep's combinations are not valid scenarios:\n${formatScenarioErrors(points.errors.map((e) => ({ ...e, file: path })))}`,
    );
  }
  return { sweep: parsed.sweep, base, points: points.points };
}

/** Runs a loaded sweep and writes its tables into `output` (when given). */
export async function runSweepCommand(
  loaded: LoadedSweep,
  population: { dataset: Dataset; model: PopulationModel },
  simulate: Simulate,
  options: { scaleK: number; replications: number; output: OutputFolder | null },
): Promise<{ result: SweepRunResult; written: WrittenTable[] }> {
  const result = await runSweep(loaded.points, population, simulate, {
    scaleK: options.scaleK,
    replications: options.replications,
    onProgress: (p: SweepProgress) => {
      if (!process.stderr.isTTY) return;
      process.stderr.write(
        `\rpoint ${p.point + 1}/${p.points}, sample ${p.sample + 1}/${p.samples}: ${(100 * p.done).toFixed(0)}% of the sweep   `,
      );
    },
  });
  if (process.stderr.isTTY) process.stderr.write('\n');
  const { output } = options;
  if (output === null) return { result, written: [] };
  const places = placeNames(population.dataset);
  const tables = sweepTables(loaded.sweep.parameters, result, population.dataset.provinces.length).map((t) =>
    exportTable(t, places),
  );
  const written = await output.writeTables(tables);
  output.commit();
  return { result, written };
}

/** A figure's level as text, with its interval. */
function levelText(value: number, interval: [number, number] | null, unit: string): string {
  const show = (x: number) =>
    unit === 'fen' ? formatFen(Math.round(x), 'en') : formatCount(Math.round(x), 'en');
  return interval ? `${show(value)} [${show(interval[0])} … ${show(interval[1])}]` : show(value);
}

/** The sweep as text: its setting, then per point the values, digest and the main figures. */
export function sweepText(loaded: LoadedSweep, result: SweepRunResult): string {
  const shown = ['sharedFen', 'crossProvinceFen', 'relationships'];
  const head =
    `参数扫描 sweep ${loaded.sweep.id} on ${loaded.base.id} (seed "${loaded.base.seed}", ${result.scale}, ` +
    `${result.points.length} points, ${result.replications} replications each` +
    (result.replications > 0
      ? `; ${Math.round(result.coverage * 100)}% intervals for the whole population: sampling noise ${result.sources.sampling}, parameters ${result.sources.parameters})`
      : '; no intervals without replications)');
  const lines = result.points.map((p) => {
    const values = Object.entries(p.values)
      .map(([path, v]) => `${path} = ${sweptValueText(v)}`)
      .join(', ');
    const figures = shown.map((key) => {
      const f = FIGURES.find((x) => x.key === key)!;
      const level = p.figures[key]!;
      return `    ${f.label.zh} ${f.label.en}: ${levelText(level.value, level.interval, f.unit)}`;
    });
    return [`  ${p.index + 1}. ${values} (digest ${p.digest.slice(0, 16)}…)`, ...figures].join('\n');
  });
  return [head, ...lines].join('\n');
}
