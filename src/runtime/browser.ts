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

/** Starts one simulation Web Worker. */
export function spawnBrowserWorker(): RangeWorker<EngineInput, PackedResult> {
  const worker = new Worker(new URL('../../workers/simulate.worker.ts', import.meta.url), { type: 'module' });
  const crashed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      reject(new Error(`the simulation worker failed: ${event.message || 'it could not start'}`));
    });
  });
  const remote = Comlink.wrap<SimulationWorkerApi>(worker);
  return simulationClient(remote, crashed, () => worker.terminate());
}

/** Starts one draw Web Worker for the prepayment model. */
export function spawnBrowserDrawWorker(): DrawWorker {
  const worker = new Worker(new URL('../../workers/draw.worker.ts', import.meta.url), { type: 'module' });
  const crashed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      reject(new Error(`the draw worker failed: ${event.message || 'it could not start'}`));
    });
  });
  const remote = Comlink.wrap<DrawWorkerApi>(worker);
  return { remote, crashed, terminate: () => worker.terminate() };
}

/** Worker count to use by default: the browser's logical cores, at least 1. */
export function defaultWorkers(nav: Navigator): number {
  return Math.max(1, nav.hardwareConcurrency || 1);
}
