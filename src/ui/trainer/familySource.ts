/**
 * Where the trainer's simulated families come from (模拟家庭来源): the baseline scenario at 1:1000
 * over the page's one dataset and population model (the run service's), built into an engine input
 * once. A family is either the one an address names by its index, or the next one worth showing
 * after a sample position.
 */
import { engineInput, type EngineInput } from '../../engine';
import type { PopulationModel } from '../../population/calibration';
import type { Dataset } from '../../population/dataset';
import type { FamilyTrace } from '../../engine/result';
import { toEngineParameters } from '../../scenario/convert';
import type { Story } from '../../scenario/storySchema';
import { BASELINE_ID, bundledScenario } from '../scenarioFiles';
import { findFamily, traceAt, type SearchOptions } from './familySearch';
import { familyStory } from './familyStory';
import { traceSteps, type FamilyStep } from './simulatedFamily';

/** The scale the trainer's families are drawn at: 1:1000. */
export const FAMILY_SCALE_K = 1000;

/** A simulated family ready to show. */
export interface ShownFamily {
  position: number;
  trace: FamilyTrace;
  steps: FamilyStep[];
  story: Story;
  /** How it was found (null when the address named it): families looked at, and whether it crosses provinces. */
  search: { scanned: number; crossProvince: boolean } | null;
}

/** Loads simulated families of the baseline scenario. */
export class FamilySource {
  #input: EngineInput | null = null;

  constructor(readonly population: () => { dataset: Dataset; model: PopulationModel }) {}

  /** The engine input (built on first use). */
  #engineInput(): EngineInput {
    if (this.#input) return this.#input;
    const scenario = bundledScenario(BASELINE_ID);
    if (!scenario) throw new Error(`the scenario ${BASELINE_ID} is not bundled or does not validate`);
    const { dataset, model } = this.population();
    this.#input = engineInput(toEngineParameters(scenario), model, dataset, FAMILY_SCALE_K);
    return this.#input;
  }

  #shown(position: number, trace: FamilyTrace, search: ShownFamily['search']): ShownFamily {
    const origin = { scenarioId: BASELINE_ID, scaleK: FAMILY_SCALE_K, position };
    const story = familyStory(trace, this.population().dataset, origin);
    return { position, trace, steps: traceSteps(trace), story, search };
  }

  /** The family with index `familyIndex` (a multiple of k), or null when there is none. */
  at(familyIndex: number): ShownFamily | null {
    if (familyIndex % FAMILY_SCALE_K !== 0) return null;
    const position = familyIndex / FAMILY_SCALE_K;
    const trace = traceAt(this.#engineInput(), position);
    return trace ? this.#shown(position, trace, null) : null;
  }

  /** The first family worth showing from sample position `start` on, or null when the scan finds none. */
  async next(start: number, options: SearchOptions = {}): Promise<ShownFamily | null> {
    const found = await findFamily(this.#engineInput(), start, options);
    return found
      ? this.#shown(found.position, found.trace, {
          scanned: found.scanned,
          crossProvince: found.crossProvince,
        })
      : null;
  }
}
