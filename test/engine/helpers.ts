/** Engine inputs for the engine tests: the calibrated model (built once) and scenario files as inputs. */
import { engineInput, type EngineInput } from '../../src/engine';
import type { RangeResult } from '../../src/engine';
import { calibrate, calibrationData, type PopulationModel } from '../../src/population/calibration';
import type { Dataset } from '../../src/population/dataset';
import { DEFAULT_FAMILY_PARAMETERS } from '../../src/population/family/parameters';
import { loadDatasetFromDisk } from '../../src/population/node';
import { toEngineParameters, type Scenario } from '../../src/scenario';
import { scenario } from '../scenario/helpers';

let cached: { dataset: Dataset; model: PopulationModel } | null = null;

/** The dataset and the calibrated population model, built once per test file. */
export function population(): { dataset: Dataset; model: PopulationModel } {
  cached ??= (() => {
    const dataset = loadDatasetFromDisk();
    return { dataset, model: calibrate(calibrationData(dataset), DEFAULT_FAMILY_PARAMETERS) };
  })();
  return cached;
}

/** The engine input of scenario file `name` at scale 1:k, after `edit` has changed the scenario (a copy). */
export function inputOf(name: string, k: number, edit: (s: Scenario) => void = () => {}): EngineInput {
  const s = structuredClone(scenario(name));
  edit(s);
  const { dataset, model } = population();
  return engineInput(toEngineParameters(s), model, dataset, k);
}

/** Everything of a result that must be identical between equal runs, as plain arrays (traces aside). */
export function resultBits(r: RangeResult): unknown {
  return {
    months: r.months,
    weight: r.weight,
    families: r.families,
    personMonths: r.personMonths,
    cells: r.flows.cells(),
    summary: [...r.summary],
    refusals: [...r.refusals],
    ledger: [...r.ledger],
    residual: [...r.residual],
    beneficiaryProfile: [...r.beneficiaryProfile],
    enrolments: [...r.enrolments],
  };
}
