/**
 * `simulate --baseline` (与基准方案比较): runs the baseline scenario at the main scenario's seed,
 * scale and replications, so the two pair up replication by replication, and reports every figure's
 * change against it with its interval (src/runtime/differences.ts), as JSON and as text.
 */
import type { PopulationModel } from '../population/calibration';
import type { Dataset } from '../population/dataset';
import { figureDifferences, type NamedDifference } from '../runtime/differences';
import { FIGURES, type FigureUnit } from '../runtime/figures';
import { runScenario, type ScenarioRun, type Simulate } from '../runtime/scenarioRun';
import type { Scenario } from '../scenario/schema';
import { formatCount, formatFen } from '../text/format';

/** Coverage of the difference intervals. */
export const DIFFERENCE_COVERAGE = 0.9;

/** The differences of a run against a baseline, as `simulate --json` prints them. */
export interface DifferencesReport {
  baseline: string;
  /** The seed both ran at (the main scenario's). */
  seed: string;
  scale: string;
  replications: number;
  coverage: number;
  /** Which sources of spread the intervals hold. */
  sources: {
    sampling: string;
    population: 'included';
    parameters: 'included' | 'no ranges';
    estimate: 'included';
  };
  figures: (NamedDifference & { label: { en: string; zh: string }; unit: FigureUnit })[];
}

/** Runs `baseline` like `run` (its seed, scale, replications) and reports the differences. */
export async function differencesAgainst(
  baseline: Scenario,
  run: ScenarioRun,
  population: { dataset: Dataset; model: PopulationModel },
  simulate: Simulate,
  options: { scaleK: number; replications: number; confidence: number },
): Promise<DifferencesReport> {
  const atSeed = { ...baseline, seed: run.scenario.seed };
  const base = await runScenario(atSeed, population, simulate, {
    scaleK: options.scaleK,
    replications: options.replications,
    confidence: options.confidence,
  });
  const differences = figureDifferences(
    run,
    base,
    FIGURES.map((f) => f.key),
    { scaleK: options.scaleK, coverage: DIFFERENCE_COVERAGE },
  );
  const ranged = run.ranged || base.ranged;
  const kept = differences.some((d) => d.sampling !== 'removed');
  return {
    baseline: baseline.id,
    seed: run.scenario.seed,
    scale: `1:${options.scaleK}`,
    replications: options.replications,
    coverage: DIFFERENCE_COVERAGE,
    sources: {
      sampling: options.replications < 1 ? 'no interval without replications' : kept ? 'kept' : 'removed',
      population: 'included',
      parameters: ranged ? 'included' : 'no ranges',
      estimate: 'included',
    },
    figures: differences.map((d, i) => ({ ...d, label: FIGURES[i]!.label, unit: FIGURES[i]!.unit })),
  };
}

/** An amount of a figure's unit, in English. */
function amount(x: number, unit: FigureUnit): string {
  return unit === 'fen' ? formatFen(Math.round(x), 'en') : formatCount(Math.round(x), 'en');
}

/** An amount with its sign, a true minus for negatives (and a plus with `plus`). */
function signed(x: number, unit: FigureUnit, plus = false): string {
  const sign = x < 0 ? '−' : plus ? '+' : '';
  return `${sign}${amount(Math.abs(x), unit)}`;
}

/** The differences as text: one line per figure, with its change, share and interval. */
export function differencesText(r: DifferencesReport): string {
  const head = `对比基准 against ${r.baseline} (seed "${r.seed}", ${r.scale}, ${r.replications} replications; ${Math.round(r.coverage * 100)}% intervals for the whole population: sampling noise ${r.sources.sampling}, parameters ${r.sources.parameters})`;
  const lines = r.figures.map((d) => {
    const share =
      d.changeShare === null
        ? ''
        : ` (${d.changeShare < 0 ? '−' : '+'}${(Math.abs(d.changeShare) * 100).toFixed(1)}%)`;
    const interval = d.interval
      ? ` [${signed(d.interval[0], d.unit)} … ${signed(d.interval[1], d.unit)}]${d.withinNoise ? ' within noise 在噪声范围内' : ''}`
      : '';
    return `  ${d.label.zh} ${d.label.en}: ${amount(d.value, d.unit)} vs ${amount(d.baseline, d.unit)}, ${signed(d.change, d.unit, true)}${share}${interval}`;
  });
  return [head, ...lines].join('\n');
}
