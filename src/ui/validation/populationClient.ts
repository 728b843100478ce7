/**
 * The page's handle on the population worker (人口线程客户端): starts the worker on first use, runs a
 * validation there with progress reports, and cancels a run by ending the worker (a new one starts
 * with the next run).
 */
import * as Comlink from 'comlink';
import { RunCancelled } from '../../runtime/pool';
import type { ProgressListener, PopulationValidationResult } from '../../runtime/populationValidation';
import type { PopulationWorkerApi } from '../../../workers/population.worker';

/** One population worker, reused from run to run until a run is cancelled. */
export class PopulationClient {
  #worker: Worker | null = null;
  #api: Comlink.Remote<PopulationWorkerApi> | null = null;
  #cancel: ((error: Error) => void) | null = null;

  /** Validates the population of `seed` at 1:`scaleK` in the worker. */
  validate(seed: string, scaleK: number, onProgress: ProgressListener): Promise<PopulationValidationResult> {
    if (!this.#api) {
      this.#worker = new Worker(new URL('../../../workers/population.worker.ts', import.meta.url), {
        type: 'module',
        name: 'population',
      });
      // A worker that fails to start never answers: fail the pending run instead of waiting forever.
      this.#worker.addEventListener('error', (event) => {
        this.#cancel?.(new Error(`the population worker failed: ${event.message || 'it could not start'}`));
      });
      this.#api = Comlink.wrap<PopulationWorkerApi>(this.#worker);
    }
    const api = this.#api;
    return new Promise<PopulationValidationResult>((resolve, reject) => {
      this.#cancel = reject;
      api.validate(seed, scaleK, Comlink.proxy(onProgress)).then(resolve, reject);
    }).finally(() => {
      this.#cancel = null;
    });
  }

  /** Ends the worker; a pending run rejects with the pool's RunCancelled, as a cancelled simulation does. */
  cancel(): void {
    this.#worker?.terminate();
    this.#worker = null;
    this.#api = null;
    this.#cancel?.(new RunCancelled());
  }
}
