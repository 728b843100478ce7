/**
 * Workers in the browser (浏览器工作线程): module Web Workers running workers/simulate.worker.ts and
 * workers/draw.worker.ts.
 */
import * as Comlink from 'comlink';
import type { EngineInput } from '../engine/input';
import { simulationClient } from './client';
import type { DrawWorker, DrawWorkerApi } from './drawWorkers';
import type { RangeWorker } from './pool';
import type { PackedResult } from './transfer';
import type { SimulationWorkerApi } from './workerApi';

/**
 * A promise that rejects, naming the worker, when `worker` fails: an uncaught error (or a failure to
 * start), or a message from it that cannot be read (`messageerror`). A worker that stops without a
 * word (closed, killed) sends no event at all; the pool's watchdog catches that.
 */
export function crashedWhen(worker: Worker, what: string): Promise<never> {
  return new Promise<never>((_, reject) => {
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      reject(new Error(`the ${what} worker failed: ${event.message || 'it could not start'}`));
    });
    worker.addEventListener('messageerror', () => {
      reject(new Error(`the ${what} worker sent a message that could not be read`));
    });
  });
}

// Each `new Worker(new URL(…))` is written out in full: that is the form Vite bundles as a worker.

/** Starts one simulation Web Worker. */
export function spawnBrowserWorker(): RangeWorker<EngineInput, PackedResult> {
  const worker = new Worker(new URL('../../workers/simulate.worker.ts', import.meta.url), { type: 'module' });
  const remote = Comlink.wrap<SimulationWorkerApi>(worker);
  return simulationClient(remote, crashedWhen(worker, 'simulation'), () => worker.terminate());
}

/** Starts one draw Web Worker for the prepayment model. */
export function spawnBrowserDrawWorker(): DrawWorker {
  const worker = new Worker(new URL('../../workers/draw.worker.ts', import.meta.url), { type: 'module' });
  const remote = Comlink.wrap<DrawWorkerApi>(worker);
  return { remote, crashed: crashedWhen(worker, 'draw'), terminate: () => worker.terminate() };
}

/** Worker count to use by default: the browser's logical cores, at least 1. */
export function defaultWorkers(nav: Navigator): number {
  return Math.max(1, nav.hardwareConcurrency || 1);
}
