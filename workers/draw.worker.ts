/**
 * The prepayment model's draw worker (预付金测算抽样线程): one module for Web Workers and Node worker
 * threads. It only exposes src/runtime/drawWorkers.ts.
 */
import * as Comlink from 'comlink';
import { drawWorkerApi } from '../src/runtime/drawWorkers';
import { workerEndpoint } from './endpoint';

Comlink.expose(drawWorkerApi(), await workerEndpoint());
