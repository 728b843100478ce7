/**
 * The main side of one simulation worker (模拟线程客户端): wraps a Comlink proxy as a pool's
 * RangeWorker, sending a run's input once per run and handing over the worker's packed total
 * (added into the run's total by src/runtime/run.ts).
 */
import type { Remote } from 'comlink';
import type { EngineInput } from '../engine/input';
import type { RangeWorker } from './pool';
import type { PackedResult } from './transfer';
import type { SimulationWorkerApi } from './workerApi';

/** A RangeWorker over a Comlink proxy; `crashed` rejects when the worker dies, `terminate` stops it. */
export function simulationClient(
  remote: Remote<SimulationWorkerApi>,
  crashed: Promise<never>,
  terminate: () => void,
): RangeWorker<EngineInput, PackedResult> {
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
    flush: () => remote.flush(),
    crashed,
    terminate,
  };
}
