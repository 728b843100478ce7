/**
 * What a simulation worker offers (模拟线程接口), the same in a Web Worker and in a Node worker
 * thread: load a run's input once, then simulate ranges of families under it.
 */
import { simulateRange } from '../engine';
import type { EngineInput } from '../engine/input';
import { type PackedResult, packResult } from './transfer';

/** The worker side of the pool. */
export interface SimulationWorkerApi {
  /** Keeps `input` for the calls that follow (the population model is sent once per run, not per range). */
  load(input: EngineInput): void;
  /** Simulates sample positions [from, to) under the loaded input. */
  runRange(from: number, to: number): PackedResult;
}

/** A fresh worker-side API object; `transfer` marks buffers to move rather than copy. */
export function simulationWorkerApi(
  transfer: <T>(value: T, buffers: ArrayBuffer[]) => T = (v) => v,
  buffersOf: (packed: PackedResult) => ArrayBuffer[] = () => [],
): SimulationWorkerApi {
  let input: EngineInput | null = null;
  return {
    load(next) {
      input = next;
    },
    runRange(from, to) {
      if (input === null) throw new Error('no run is loaded in this worker / 线程尚未载入运行参数');
      const packed = packResult(simulateRange(input, from, to));
      return transfer(packed, buffersOf(packed));
    },
  };
}
