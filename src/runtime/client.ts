/**
 * The main side of one simulation worker (模拟线程客户端): wraps a Comlink proxy as a pool's
 * RangeWorker, sending a run's input once per run and unpacking each range's result.
 */
import type { Remote } from 'comlink';
import type { EngineInput } from '../engine/input';
import type { RangeResult } from '../engine/result';
import type { RangeWorker } from './pool';
import { unpackResult } from './transfer';
import type { SimulationWorkerApi } from './workerApi';

/** A RangeWorker over a Comlink proxy; `crashed` rejects when the worker dies, `terminate` stops it. */
export function simulationClient(
  remote: Remote<SimulationWorkerApi>,
  crashed: Promise<never>,
  terminate: () => void,
): RangeWorker<EngineInput, RangeResult> {
  // A crash between runs must not be an unhandled rejection; the pool races the original promise.
  crashed.catch(() => undefined);
  let loaded: EngineInput | null = null;
  return {
    async runRange(input, from, to) {
      if (loaded !== input) {
        await remote.load(input);
        loaded = input;
      }
      return remote.runRange(from, to);
    },
    async flush() {
      const packed = await remote.flush();
      return packed === null ? null : unpackResult(packed);
    },
    crashed,
    terminate,
  };
}
