/**
 * The range watchdog (运行看门狗): a range that takes far longer than its share of the run fails the
 * run, naming the range, instead of leaving it waiting for a worker that loops, was killed without a
 * word, or never answers. The limit scales with the range's size: before any range has finished it
 * is a generous prior per family; afterwards a multiple of the slowest rate seen so far in the run.
 */

/** How long a range may take. */
export interface WatchdogOptions {
  /** No range is stopped sooner than this, in milliseconds (covers starting a worker and loading a run). */
  floorMs: number;
  /** Milliseconds a family may take before any range of the run has finished. */
  priorMsPerFamily: number;
  /** Once ranges have finished: how many times the slowest rate seen a range may take. */
  slowdown: number;
}

/** Defaults for a one-year run: 30 s at least, 1 ms a family at first, then 50× the slowest rate seen. */
export const DEFAULT_WATCHDOG: WatchdogOptions = { floorMs: 30_000, priorMsPerFamily: 1, slowdown: 50 };

/** A range (or a call) that went past its time limit. */
export class RangeTimeout extends Error {
  /**
   * `amount` is the work the limit was set for, in `unit` (families unless told); 0 for handing
   * over results.
   */
  constructor(
    readonly amount: number,
    readonly limitMs: number,
    unit: { en: string; zh: string } = { en: 'families', zh: '户' },
  ) {
    const s = (limitMs / 1000).toFixed(1);
    const what = amount > 0 ? `the limit for ${amount} ${unit.en}` : 'the limit for handing over results';
    const zh = amount > 0 ? `${amount} ${unit.zh}的时限` : '交回结果的时限';
    super(
      `no answer within ${s} s, ${what} (the worker loops, was stopped from outside or is stuck) / ` +
        `${s} 秒内无响应（${zh}；线程死循环、被外部终止或卡住）`,
    );
    this.name = 'RangeTimeout';
  }
}

/** The time limits of one run's ranges, learning from the ranges that finish. */
export class RangeClock {
  #slowestMsPerFamily: number | null = null;

  constructor(readonly options: WatchdogOptions = DEFAULT_WATCHDOG) {
    const { floorMs, priorMsPerFamily, slowdown } = options;
    if (!(floorMs > 0) || !(priorMsPerFamily > 0) || !(slowdown >= 1)) {
      throw new RangeError(
        `watchdog: expected floorMs > 0, priorMsPerFamily > 0, slowdown ≥ 1, got ${floorMs}, ${priorMsPerFamily}, ${slowdown}`,
      );
    }
  }

  /** Records that a range of `families` took `ms`. */
  observe(families: number, ms: number): void {
    if (families <= 0) return;
    const rate = ms / families;
    this.#slowestMsPerFamily = Math.max(this.#slowestMsPerFamily ?? 0, rate);
  }

  /** Milliseconds a range of `families` may take now. */
  limitMs(families: number): number {
    const { floorMs, priorMsPerFamily, slowdown } = this.options;
    const perFamily =
      this.#slowestMsPerFamily === null ? priorMsPerFamily : slowdown * this.#slowestMsPerFamily;
    return Math.max(floorMs, families * perFamily);
  }
}

/**
 * `work` raced against a timer of `ms`: rejects with `timeout()` when the timer fires first. The
 * timer is cleared either way, so nothing keeps a process alive after the race.
 */
export async function withinTime<T>(work: Promise<T>, ms: number, timeout: () => Error): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timeout()), ms);
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}
