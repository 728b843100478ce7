/**
 * Workers in Node (Node 工作线程): worker_threads running workers/simulate.worker.ts and
 * workers/draw.worker.ts. The workers are TypeScript, so each thread first registers tsx's loader.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { EngineInput } from '../engine/input';
import { simulationClient } from './client';
import type { DrawWorker, DrawWorkerApi } from './drawWorkers';
import type { RangeWorker } from './pool';
import type { PackedResult } from './transfer';
import type { SimulationWorkerApi } from './workerApi';

const WORKER_URL = new URL('../../workers/simulate.worker.ts', import.meta.url).href;
const DRAW_WORKER_URL = new URL('../../workers/draw.worker.ts', import.meta.url).href;
// tsx's ES-module API (its `tsx/esm/api` export under the `import` condition).
const TSX_API = pathToFileURL(
  join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs'),
).href;

/**
 * Starts a worker thread on a TypeScript module (registering tsx's loader first); `crashed` rejects
 * when the thread throws, exits (by itself or stopped from outside) or sends an unreadable message.
 */
export function startThread(url: string): { worker: Worker; crashed: Promise<never> } {
  const boot = `import(${JSON.stringify(TSX_API)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url)}); });`;
  const worker = new Worker(boot, { eval: true });
  const crashed = new Promise<never>((_, reject) => {
    worker.on('error', (error) => reject(error));
    worker.on('exit', (code) => reject(new Error(`the worker thread exited with code ${code}`)));
    worker.on('messageerror', () =>
      reject(new Error('the worker thread sent a message that could not be read')),
    );
  });
  return { worker, crashed };
}

/** Starts one simulation worker thread. */
export function spawnNodeWorker(): RangeWorker<EngineInput, PackedResult> {
  const { worker, crashed } = startThread(WORKER_URL);
  const remote = Comlink.wrap<SimulationWorkerApi>(nodeEndpoint(worker));
  return simulationClient(remote, crashed, () => void worker.terminate());
}

/** Starts one draw worker thread for the prepayment model. */
export function spawnNodeDrawWorker(): DrawWorker {
  const { worker, crashed } = startThread(DRAW_WORKER_URL);
  const remote = Comlink.wrap<DrawWorkerApi>(nodeEndpoint(worker));
  return { remote, crashed, terminate: () => void worker.terminate() };
}

/** Worker count to use by default: the machine's cores. */
export function defaultWorkers(): number {
  return availableParallelism();
}
