/**
 * `npm run validate` (人口校验): generates the synthetic population of a scenario at scale 1:k and
 * prints each published target beside the generated value, the relative error and the verdict —
 * within or outside tolerance, or a reference / not-modelled target with the reason it is not checked.
 *
 *   npm run validate -- --scenario scenarios/baseline-2026.json [--scale 1:1000] [--seeds 5] [--json]
 *
 * The scenario file is validated first; the population takes its `seed`. With `--seeds n` the
 * population is also generated with n − 1 further seeds, and each target gets the spread of its
 * relative error over them: the sampling noise at that scale.
 */
import { pathToFileURL } from 'node:url';
import { calibrate, calibrationData } from '../population/calibration';
import { DEFAULT_FAMILY_PARAMETERS } from '../population/family/parameters';
import { loadDatasetFromDisk } from '../population/node';
import { noisierThanTolerance, type SeedSpread, seedSpreads, spreadSeeds } from '../population/seedSpread';
import { formatScenarioErrors } from '../scenario/errors';
import { loadScenarioFile } from '../scenario/node';
import {
  outsideTolerance,
  tallyPopulation,
  type ValidationRow,
  VALIDATION_STATUSES,
  type ValidationStatus,
  validationRows,
} from '../population/validate';
import { ArgumentError, parseScale, parseWhole, readOptions } from './args';

const USAGE = 'usage: npm run validate -- --scenario <file.json> [--scale 1:k] [--seeds n] [--json]';

/** `--seeds`: 1 (the scenario's seed only) to 100 populations. */
export const MAX_SEEDS = 100;

/** Parsed command line. */
export interface ValidateArgs {
  scenario: string;
  scaleK: number;
  /** Populations generated: the scenario's seed, then `seeds − 1` more for the spread. */
  seeds: number;
  json: boolean;
}

/**
 * Parses the arguments; throws an {@link ArgumentError} that says what is wrong and how to call it
 * (an unknown option, an option twice, an empty value, a scale other than 1:k).
 */
export function parseValidateArgs(argv: readonly string[]): ValidateArgs {
  const v = readOptions(
    argv,
    {
      scenario: { type: 'string' },
      scale: { type: 'string', default: '1:1000' },
      seeds: { type: 'string', default: '1' },
      json: { type: 'boolean', default: false },
    },
    USAGE,
  );
  if (v.scenario === undefined)
    throw new ArgumentError(`--scenario 为必填 / is required\n${USAGE}`, 'scenario');
  return {
    scenario: v.scenario,
    scaleK: parseScale(v.scale, USAGE),
    seeds: parseWhole(v.seeds, 'seeds', 1, MAX_SEEDS, USAGE),
    json: v.json,
  };
}

/** Loads and validates the scenario; an invalid file stops here with every bad field listed. */
export async function scenarioSeed(path: string): Promise<string> {
  const result = await loadScenarioFile(path);
  if (!result.ok) throw new Error(`the scenario is not valid:\n${formatScenarioErrors(result.errors)}`);
  return result.scenario.seed;
}

/** A value in its unit, for people: persons and yuan with separators, percentages with two decimals. */
function show(value: number, unit: ValidationRow['unit']): string {
  if (unit === 'percent') return `${value.toFixed(2)}%`;
  return Math.round(value).toLocaleString('en-US');
}

/** The last column of the text table, by status. */
const MARK: Readonly<Record<ValidationStatus, string>> = {
  within: 'ok',
  outside: 'OUT 超出',
  reference: 'REF 参考值',
  'not-modelled': 'N/M 未建模',
};

/** A spread's σ as a percentage of the relative error ('' without a spread). */
function sigma(s: SeedSpread | undefined): string {
  return s ? `±${(100 * s.sdRelError).toFixed(2)}%` : '';
}

/** How many rows have each status. */
export function statusCounts(rows: readonly ValidationRow[]): Record<ValidationStatus, number> {
  const counts = Object.fromEntries(VALIDATION_STATUSES.map((s) => [s, 0])) as Record<
    ValidationStatus,
    number
  >;
  for (const r of rows) counts[r.status] += 1;
  return counts;
}

/** The spread over seeds of a report, when there is one. */
export interface SpreadReport {
  /** The seeds, the scenario's first. */
  seeds: readonly string[];
  /** Each target's spread, by name. */
  byName: ReadonlyMap<string, SeedSpread>;
}

/**
 * The report as a plain-text table, then the counts by status, the targets outside tolerance, and
 * each reference or not-modelled target with its reason in both languages. With a spread over
 * seeds, a column gives each target's noise (σ of its relative error) and a line names the checked
 * targets whose tolerance is less than twice it.
 */
export function validationText(
  rows: readonly ValidationRow[],
  skipped: readonly string[],
  scaleK: number,
  seed: string,
  spread?: SpreadReport,
): string {
  const head = [
    'target 目标',
    'published 公布值',
    'generated 生成值',
    'rel. error 相对误差',
    'tol. 容差',
    ...(spread ? ['seed σ 种子间σ'] : []),
    '',
  ];
  const body = rows.map((r) => [
    r.name,
    show(r.published, r.unit),
    show(r.generated, r.unit),
    `${(100 * r.relError).toFixed(2)}%`,
    r.status === 'reference' || r.status === 'not-modelled'
      ? '—'
      : r.tolerancePct === 0
        ? '≥'
        : `±${r.tolerancePct}%`,
    ...(spread ? [sigma(spread.byName.get(r.name))] : []),
    MARK[r.status],
  ]);
  const width = head.map((h, c) => Math.max(h.length, ...body.map((line) => line[c]!.length)));
  const line = (cells: string[]): string =>
    cells.map((x, c) => (c === 0 ? x.padEnd(width[c]!) : x.padStart(width[c]!))).join('  ');
  const out = [`人口校验 Population validation — seed "${seed}", scale 1:${scaleK}`, '', line(head)];
  out.push(...body.map(line));
  const n = statusCounts(rows);
  out.push(
    '',
    `${rows.length} targets 个目标: ${n.within} within tolerance 达标, ${n.outside} outside tolerance 超出容差, ` +
      `${n.reference} reference 参考值 (not checked 不计入), ${n['not-modelled']} not modelled 未建模`,
  );
  const outside = outsideTolerance(rows);
  if (outside.length > 0) out.push(`outside tolerance 超出容差: ${outside.map((r) => r.name).join(', ')}`);
  if (spread) {
    out.push(
      `seed σ: standard deviation of the relative error over ${spread.seeds.length} seeds 个种子 ` +
        `(${spread.seeds.join(', ')}); the table shows the first 表中为第一个种子的结果`,
    );
    const noisy = noisierThanTolerance(rows, spread.byName);
    if (noisy.length > 0)
      out.push(
        `tolerance under 2σ at this scale 容差小于两倍种子间σ (use a larger sample 宜用更大样本): ${noisy.join(', ')}`,
      );
  }
  for (const r of rows) {
    if (!r.reason) continue;
    out.push('', `${r.name} — ${MARK[r.status]} / ${r.status}:`, `  ${r.reason.zh}`, `  ${r.reason.en}`);
  }
  if (skipped.length > 0) out.push('', `not produced by the population 人口不生成: ${skipped.join(', ')}`);
  return out.join('\n');
}

/**
 * The report for `--json`: every target with its status (and the reason of one not checked), the
 * counts by status and the targets the population does not produce; with a spread over seeds, the
 * seeds, each target's `seedSpread` and the checked targets noisier than their tolerance.
 */
export function validationJson(
  rows: readonly ValidationRow[],
  skipped: readonly string[],
  scaleK: number,
  seed: string,
  spread?: SpreadReport,
): string {
  const targets = rows.map((r) => ({
    name: r.name,
    published: r.published,
    generated: r.generated,
    relError: r.relError,
    unit: r.unit,
    tolerancePct: r.tolerancePct,
    within: r.within,
    status: r.status,
    reason: r.reason,
    ...(spread ? { seedSpread: spread.byName.get(r.name) ?? null } : {}),
  }));
  const spreadPart = spread
    ? { seeds: spread.seeds, noisierThanTolerance: noisierThanTolerance(rows, spread.byName) }
    : {};
  return JSON.stringify(
    { seed, scale: `1:${scaleK}`, counts: statusCounts(rows), ...spreadPart, targets, skipped },
    null,
    2,
  );
}

async function main(): Promise<void> {
  const args = parseValidateArgs(process.argv.slice(2));
  const seed = await scenarioSeed(args.scenario);
  const dataset = loadDatasetFromDisk();
  const model = calibrate(calibrationData(dataset), DEFAULT_FAMILY_PARAMETERS);
  const codes = dataset.provinces.map((p) => p.code2);
  const seeds = spreadSeeds(seed, args.seeds);
  const runs = seeds.map((s) =>
    validationRows(dataset.targets, tallyPopulation(model, s, args.scaleK), codes),
  );
  const { rows, skipped } = runs[0]!;
  const spread = seeds.length > 1 ? { seeds, byName: seedSpreads(runs.map((r) => r.rows)) } : undefined;
  const report = args.json ? validationJson : validationText;
  console.log(report(rows, skipped, args.scaleK, seed, spread));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    console.error(`validate: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
