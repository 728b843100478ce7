/**
 * Comlink's endpoint for a worker module (线程端点): `self` in a browser worker, the parent port in a
 * Node worker thread. Shared by the worker entry points.
 */
import type { MessagePort } from 'node:worker_threads';
import type * as Comlink from 'comlink';

/** This thread's endpoint. */
export async function workerEndpoint(): Promise<Comlink.Endpoint> {
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
