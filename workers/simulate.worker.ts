/**
 * The simulation worker (模拟线程): one module for Web Workers (Comlink over `self`) and Node worker
 * threads (Comlink over `parentPort`). It only exposes src/runtime/workerApi.ts.
 */
import * as Comlink from 'comlink';
import { simulationWorkerApi } from '../src/runtime/workerApi';
import { workerEndpoint } from './endpoint';

Comlink.expose(simulationWorkerApi(), await workerEndpoint());
