/**
 * Drawing the prepayment model's years on worker threads (抽样线程): the first stage of the model
 * (src/clearing/claimDraws.ts) is split by insured-place province over a few workers, the same in
 * a Web Worker and in a Node worker thread; every pair has its own seeded stream, so any split gives
 * the same draws. In this thread when there are no workers (tests, the trainer).
 */
import type { Remote } from 'comlink';
import { drawProvinces, type DrawCounts, type ProvinceDraws } from '../clearing/claimDraws';
import type { PrepaymentModelInput } from '../clearing/prepaymentInput';
import { withReason } from '../text/reason';
import { DEFAULT_WATCHDOG, RangeClock, RangeTimeout, withinTime, type WatchdogOptions } from './watchdog';

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
 * (province i to worker i mod n) and puts the parts back in province order. A worker that dies, or
 * takes far longer than the years it draws warrant (the watchdog, counted in province-years drawn),
 * fails the call with a message; the next call starts new workers.
 */
export class DrawWorkers {
  #workers: DrawWorker[] = [];
  #clock: RangeClock;
  #started = false;

  constructor(
    readonly spawn: () => DrawWorker,
    readonly size: number,
    watchdog: WatchdogOptions = DEFAULT_WATCHDOG,
  ) {
    if (!Number.isInteger(size) || size < 1)
      throw new RangeError(`draw workers: expected at least 1, got ${size}`);
    this.#clock = new RangeClock(watchdog);
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
    const began = performance.now();
    // Work grows with the drawn years and with the window's length (a drawn year runs over its days).
    const windowYears = Math.max(1, Math.ceil(input.calendar.months / 12));
    const years = (provinces: readonly number[]) =>
      provinces.length * (counts.draws + counts.ruleDraws) * windowYears;
    // Workers started by this call also load their code: their first call is not a rate to learn from.
    const fresh = !this.#started;
    this.#started = true;
    try {
      const results = await Promise.all(
        parts.map((provinces, k) => {
          const w = this.#workers[k]!;
          const limit = this.#clock.limitMs(years(provinces));
          const answer = Promise.race([w.remote.draw(input, counts, provinces), w.crashed]);
          const unit = { en: 'drawn province-years of the window', zh: '个省份年度抽样（按模拟期年数计）' };
          return withinTime(answer, limit, () => new RangeTimeout(years(provinces), limit, unit));
        }),
      );
      if (!fresh) this.#clock.observe(years(parts[0]!), performance.now() - began);
      return results.flat().sort((a, b) => a.province - b.province);
    } catch (error) {
      this.close();
      const what = { en: "drawing the prepayment model's years failed", zh: '预付金测算抽样失败' };
      throw new Error(withReason(what, error), { cause: error });
    }
  };

  /** Stops every worker; the next call starts new ones. */
  close(): void {
    for (const w of this.#workers) w.terminate();
    this.#workers = [];
    this.#started = false;
  }
}
