/**
 * The simulation worker (模拟线程): one module for Web Workers (Comlink over `self`) and Node worker
 * threads (Comlink over `parentPort`). It only exposes src/runtime/workerApi.ts.
 */
import type { MessagePort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import { simulationWorkerApi } from '../src/runtime/workerApi';

/** Comlink's endpoint for this thread: `self` in a browser worker, the parent port in Node. */
async function endpoint(): Promise<Comlink.Endpoint> {
  if (typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== 'undefined') {
    return self as unknown as Comlink.Endpoint;
  }
  // Hidden from the bundler: these modules exist only in Node.
  const threads = 'node:worker_threads';
  const adapter = 'comlink/dist/esm/node-adapter.mjs';
  const { parentPort } = (await import(/* @vite-ignore */ threads)) as { parentPort: MessagePort };
  const { default: nodeEndpoint } = (await import(/* @vite-ignore */ adapter)) as {
    default: (port: unknown) => Comlink.Endpoint;
  };
  return nodeEndpoint(parentPort);
}

Comlink.expose(simulationWorkerApi(), await endpoint());
