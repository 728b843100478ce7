/**
 * What a simulation worker offers (模拟线程接口), the same in a Web Worker and in a Node worker
 * thread: load a run's input once, then simulate ranges of families under it.
 */
import { addRange, type RangeResult } from '../engine';
import type { EngineInput } from '../engine/input';
import { type PackedResult, packResult } from './transfer';

/** The worker side of the pool. */
export interface SimulationWorkerApi {
  /** Keeps `input` for the calls that follow (the population model is sent once per run, not per range). */
  load(input: EngineInput): void;
  /**
   * Simulates sample positions [from, to) under the loaded input and adds the result to the
   * worker's running total, so that only one result per worker crosses to the main side.
   */
  runRange(from: number, to: number): null;
  /** The running total since the last flush (null when no range ran), which is then forgotten. */
  flush(): PackedResult | null;
}

/**
 * A fresh worker-side API object. The total is handed over as a copy (structured cloning), not by
 * transferring its buffers: the first ArrayBuffer a thread detaches turns off one of V8's
 * assumptions (no buffer was ever detached) and with it every optimized function that relied on it,
 * which is the whole engine, so the run after the first began cold again. The copy is 28 bytes a
 * flow cell, once per worker and run (about 51 MB at 1:1's 1.8 million cells, about 40 thousand
 * cells at 1:1000).
 */
export function simulationWorkerApi(): SimulationWorkerApi {
  let input: EngineInput | null = null;
  let total: RangeResult | null = null;
  return {
    load(next) {
      input = next;
      total = null;
    },
    runRange(from, to) {
      if (input === null) throw new Error('no run is loaded in this worker / 线程尚未载入运行参数');
      total = addRange(total, input, from, to);
      return null;
    },
    flush() {
      if (total === null) return null;
      const packed = packResult(total);
      total = null;
      return packed;
    },
  };
}
