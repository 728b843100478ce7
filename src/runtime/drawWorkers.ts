/**
 * Drawing the prepayment model's years on worker threads (抽样线程): the first stage of the model
 * (src/clearing/claimDraws.ts) is split by insured-place province over a few workers, the same in
 * a Web Worker and in a Node worker thread; every pair has its own seeded stream, so any split gives
 * the same draws. In this thread when there are no workers (tests, the trainer).
 */
import type { Remote } from 'comlink';
import { drawProvinces, type DrawCounts, type ProvinceDraws } from '../clearing/claimDraws';
import type { PrepaymentModelInput } from '../clearing/prepaymentInput';

/** Draws the years of every province of an input, in province order. */
export type DrawYears = (input: PrepaymentModelInput, counts: DrawCounts) => Promise<ProvinceDraws[]>;

/** Every province's years, drawn in this thread. */
export const drawInThread: DrawYears = (input, counts) =>
  Promise.resolve(
    drawProvinces(
      input,
      counts,
      Array.from({ length: input.provinces }, (_, i) => i),
    ),
  );

/** What a draw worker offers. */
export interface DrawWorkerApi {
  /** The drawn years of `provinces` (insured-place indices). */
  draw(input: PrepaymentModelInput, counts: DrawCounts, provinces: number[]): ProvinceDraws[];
}

/** The worker side: {@link drawProvinces} as it is. */
export function drawWorkerApi(): DrawWorkerApi {
  return { draw: (input, counts, provinces) => drawProvinces(input, counts, provinces) };
}

/** One started draw worker: its proxy, a promise that rejects when it dies, and how to stop it. */
export interface DrawWorker {
  remote: Remote<DrawWorkerApi>;
  crashed: Promise<never>;
  terminate(): void;
}

/**
 * A few draw workers, started on first use and kept: each call splits the provinces among them
 * (province i to worker i mod n) and puts the parts back in province order. A worker that dies
 * fails the call with a message; the next call starts new workers.
 */
export class DrawWorkers {
  #workers: DrawWorker[] = [];

  constructor(
    readonly spawn: () => DrawWorker,
    readonly size: number,
  ) {
    if (!Number.isInteger(size) || size < 1)
      throw new RangeError(`draw workers: expected at least 1, got ${size}`);
  }

  /** Draws the years of every province on the workers (a {@link DrawYears}). */
  readonly draw: DrawYears = async (input, counts) => {
    while (this.#workers.length < this.size) {
      const w = this.spawn();
      w.crashed.catch(() => undefined);
      this.#workers.push(w);
    }
    const n = Math.min(this.size, input.provinces);
    const parts = Array.from({ length: n }, (_, k) =>
      Array.from({ length: input.provinces }, (_, i) => i).filter((i) => i % n === k),
    );
    try {
      const results = await Promise.all(
        parts.map((provinces, k) => {
          const w = this.#workers[k]!;
          return Promise.race([w.remote.draw(input, counts, provinces), w.crashed]);
        }),
      );
      return results.flat().sort((a, b) => a.province - b.province);
    } catch (error) {
      this.close();
      const why = error instanceof Error ? error.message : String(error);
      throw new Error(`drawing the prepayment model's years failed: ${why} / 预付金测算抽样失败：${why}`, {
        cause: error,
      });
    }
  };

  /** Stops every worker; the next call starts new ones. */
  close(): void {
    for (const w of this.#workers) w.terminate();
    this.#workers = [];
  }
}
