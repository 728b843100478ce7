/**
 * Worker entry for population runs (人口工作线程): exposes the validation run with Comlink, on the
 * bundled data, so the page stays responsive while families are generated.
 */
import * as Comlink from 'comlink';
import { loadBundledDataset } from '../src/population/bundled';
import { createPopulationValidator, type ProgressListener } from '../src/runtime/populationValidation';

const validate = createPopulationValidator(loadBundledDataset(), () => performance.now());

const api = {
  /** Validates the population of `seed` at scale 1:`scaleK`, reporting progress through `onProgress`. */
  validate(seed: string, scaleK: number, onProgress?: ProgressListener) {
    return validate(seed, scaleK, onProgress);
  },
};

/** What the page can call in this worker. */
export type PopulationWorkerApi = typeof api;

Comlink.expose(api);
