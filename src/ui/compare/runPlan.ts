/**
 * What a comparison runs (比较的运行计划): the scenarios found for its choice and the runs opened from
 * files that are ticked, settled into one scale, one seed and one number of replications, with one
 * baseline. Runs opened from files are what they are, so the others take their settings (and runs
 * opened at different settings cannot be compared); every scenario runs at the Seed field's seed, else
 * the baseline's, so that replication r of each pairs with replication r of the baseline. When nothing
 * at all can run, baseline-2026 runs instead.
 */
import type { Scenario } from '../../scenario';
import { BASELINE_ID, bundledScenario } from '../scenarioFiles';
import { baselineOf, type CompareState } from './address';
import type { ShownRun } from './tables';

/** A scenario of the choice, under the token the address names it by. */
export interface FoundScenario {
  token: string;
  scenario: Scenario;
}

/** The runs of a comparison, settled. */
export interface RunPlan {
  /** The choice, at the scale, seed and replications of the runs opened from files when any are ticked. */
  state: CompareState;
  /** The scenarios to simulate, each named by its id and at the comparison's one seed. */
  chosen: { id: string; scenario: Scenario }[];
  /** The name of the baseline in the comparison. */
  baseline: string;
  /** Whether nothing of the choice could run, so that baseline-2026 runs instead. */
  fellBack: boolean;
}

/** A scenario at the comparison's one seed. */
function withSeed(scenario: Scenario, seed: string): Scenario {
  return scenario.seed === seed ? scenario : { ...scenario, seed };
}

/**
 * Settles the runs of `state`'s choice: `found` are the scenarios it names that exist, `openedRuns`
 * the runs opened from files that are ticked. Refuses (with the message's key) when the opened runs
 * differ in scale, seed or replications.
 */
export function planRuns(
  state: CompareState,
  found: readonly FoundScenario[],
  openedRuns: readonly ShownRun[],
): RunPlan | 'openedRuns.differ' {
  const settings = new Set(
    openedRuns.map((o) =>
      JSON.stringify([o.run.request.scaleK, o.run.request.scenario.seed, o.run.request.replications ?? 0]),
    ),
  );
  if (settings.size > 1) return 'openedRuns.differ';
  const openedFirst = openedRuns[0]?.run.request;
  const settled: CompareState = openedFirst
    ? {
        ...state,
        scaleK: openedFirst.scaleK,
        seed: openedFirst.scenario.seed,
        replications: openedFirst.replications ?? 0,
      }
    : state;
  const fellBack = found.length === 0 && openedRuns.length === 0;
  const runs = fellBack ? [{ token: BASELINE_ID, scenario: bundledScenario(BASELINE_ID)! }] : found;
  const baselineToken = baselineOf(
    { runs: [...runs.map((c) => c.token), ...openedRuns.map((o) => o.id)], baseline: settled.baseline },
    BASELINE_ID,
  )!;
  const openedBaseline = openedRuns.find((o) => o.id === baselineToken);
  const baseline = openedBaseline
    ? { id: openedBaseline.id, seed: openedBaseline.run.request.scenario.seed }
    : runs.find((c) => c.token === baselineToken)!.scenario;
  const seed = settled.seed ?? baseline.seed;
  return {
    state: settled,
    chosen: runs.map((c) => ({ id: c.scenario.id, scenario: withSeed(c.scenario, seed) })),
    baseline: baseline.id,
    fellBack,
  };
}
