/**
 * Seeded randomness for the synthetic population (合成人口的随机数流). A scenario's seed string goes
 * through seedrandom once and becomes a {@link StreamKey}; family i then gets its own xoshiro128**
 * state by mixing the key with i, so family i is a pure function of (seed, i) and any split of the
 * families into chunks or workers gives the same people. A few key draws of each family come from
 * stratified (Kronecker, additive-recurrence) dimensions instead of the stream: they spread the
 * families evenly over origin, destination and family shape, so totals at 1:1000 sit close to
 * their expected values. No unseeded platform randomness is ever used.
 */
import seedrandom from 'seedrandom';

/** Number of stratified dimensions a family draws from (see {@link stratum}). */
export const STRATA = 3;

/**
 * Steps of the stratified dimensions, as 32-bit fractions of one turn: 2³² / φ₃ʲ for j = 1..3, where
 * φ₃ ≈ 1.2207440846 is the real root of x⁴ = x + 1 (the R₃ generalised golden ratio, whose
 * multiples are jointly well spread in three dimensions). Forced odd so that every step visits all
 * 2³² values.
 */
const STEPS = Uint32Array.from(
  [0.8191725133961645, 0.6710436067037893, 0.5497004779019703],
  (a) => (Math.round(a * 2 ** 32) | 1) >>> 0,
);

/** The per-run key of every family stream, derived once from the scenario seed. */
export interface StreamKey {
  /** The seed string it came from. */
  readonly seed: string;
  /** Four 32-bit words mixed with the family index into the family's xoshiro128** state. */
  readonly words: Int32Array;
  /** Random shifts (Cranley–Patterson rotations) of the stratified dimensions, 32-bit. */
  readonly shifts: Uint32Array;
}

/** Derives the stream key of a seed string with seedrandom (ARC4): the only use of seedrandom. */
export function streamKey(seed: string): StreamKey {
  const rng = seedrandom(seed);
  const words = Int32Array.from({ length: 4 }, () => rng.int32());
  const shifts = Uint32Array.from({ length: STRATA }, () => rng.int32() >>> 0);
  return { seed, words, shifts };
}

/** The murmur3 32-bit finaliser: a bijection of 32-bit integers that mixes every input bit. */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x | 0;
}

/**
 * Math.round for the hot loops: the same value for every finite x (halves up; only the sign of a
 * zero result from x in [−0.5, 0) differs: +0 here, −0 there). Math.round compiles to a branch on
 * the fraction, which random amounts mispredict half the time; this form's branch is almost never
 * taken. Where `x + 0.5` rounds up to the next integer (just below 0.5, odd integers above 2⁵²) the
 * check takes one back.
 */
export function roundHalfUp(x: number): number {
  const r = Math.floor(x + 0.5);
  return r - 0.5 > x ? r - 1 : r;
}

/**
 * Writes family i's xoshiro128** state into `state` (four int32 words): splitmix32-style rounds
 * from a start that is a bijection of i under the key, so distinct families get distinct streams.
 * Family indices must be below 2³².
 */
export function seedFamily(key: StreamKey, i: number, state: Int32Array): void {
  const w = key.words;
  let z = mix32((i ^ w[0]!) | 0) ^ w[1]!;
  z = (z + 0x9e3779b9) | 0;
  state[0] = mix32(z);
  z = (z + 0x9e3779b9) | 0;
  state[1] = mix32(z) ^ w[2]!;
  z = (z + 0x9e3779b9) | 0;
  state[2] = mix32(z) ^ w[3]!;
  z = (z + 0x9e3779b9) | 0;
  state[3] = mix32(z);
  if ((state[0] | state[1] | state[2] | state[3]) === 0) state[0] = 1;
}

/**
 * Draws one 32-bit output of xoshiro128** from `state` and advances it. Small and monomorphic so
 * that V8 inlines it into the generation loop; the bench compares it with a hand-inlined loop.
 */
export function nextU32(state: Int32Array): number {
  const s0 = state[0]!;
  const s1 = state[1]!;
  let s2 = state[2]!;
  let s3 = state[3]!;
  let x = Math.imul(s1, 5);
  x = (x << 7) | (x >>> 25);
  x = Math.imul(x, 9);
  const t = s1 << 9;
  s2 ^= s0;
  s3 ^= s1;
  state[1] = s1 ^ s2;
  state[0] = s0 ^ s3;
  state[2] = s2 ^ t;
  state[3] = (s3 << 11) | (s3 >>> 21);
  return x >>> 0;
}

/** 2⁻³², turning a 32-bit integer into a fraction of [0, 1). */
export const U32_TO_UNIT = 2.3283064365386963e-10;

/** A uniform draw in [0, 1) from `state`, with 32 bits of resolution. */
export function nextUnit(state: Int32Array): number {
  return nextU32(state) * U32_TO_UNIT;
}

/**
 * Stratified dimension `dim` (0..STRATA-1) of family i, in [0, 1): (shift + i·step) mod 2³², scaled.
 * Over any run of families, and over every k-th family at scale 1:k, the values are spread far more
 * evenly than independent draws.
 */
export function stratum(key: StreamKey, dim: number, i: number): number {
  return ((key.shifts[dim]! + Math.imul(i, STEPS[dim]!)) >>> 0) * U32_TO_UNIT;
}

/**
 * A standard normal draw from two uniforms (Box–Muller, cosine branch). `u1` must be in (0, 1].
 */
export function normalFrom(u1: number, u2: number): number {
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** Standard normal cumulative distribution Φ(x), via erfc (Numerical Recipes' Chebyshev fit, |error| < 1.2e-7). */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const erfc =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}

/** Bits of a 32-bit draw that index a {@link lognormalTable} (its size is 2^bits). */
export const TABLE_BITS = 12;

/** Upper edges of the 2^TABLE_BITS equally likely cells of the standard normal, once computed. */
let standardEdges: Float64Array | null = null;

/**
 * The standard normal quantiles (c + 1) / 2^TABLE_BITS for every cell c but the last, found by
 * bisection on Φ: they do not depend on σ, so they are worked out once per thread and every
 * {@link lognormalTable} reads them (each table then costs 4,096 evaluations of Φ, not 262,144).
 */
function cellEdges(): Float64Array {
  if (standardEdges) return standardEdges;
  const n = 1 << TABLE_BITS;
  const edges = new Float64Array(n - 1);
  for (let c = 0; c < n - 1; c++) {
    const p = (c + 1) / n;
    let lo = -40;
    let hi = 40;
    for (let k = 0; k < 64; k++) {
      const mid = (lo + hi) / 2;
      if (normalCdf(mid) < p) lo = mid;
      else hi = mid;
    }
    edges[c] = (lo + hi) / 2;
  }
  return (standardEdges = edges);
}

/**
 * A lognormal with mean 1 and log-sd `sigma`, discretised into 2^TABLE_BITS equally likely cells:
 * entry c is the mean of the distribution over its c-th quantile cell, so a draw `table[u32 >>>
 * (32 − TABLE_BITS)]` has exactly the mean of the table and the shape of the lognormal, without a
 * logarithm or exponential per draw. Cell means use E[X; a < Z < b] = Φ(b − σ) − Φ(a − σ).
 */
export function lognormalTable(sigma: number): Float64Array {
  const n = 1 << TABLE_BITS;
  const table = new Float64Array(n);
  const edges = cellEdges();
  let prev = 0; // Φ(a − σ) at a = −∞
  let sum = 0;
  for (let c = 0; c < n; c++) {
    const upper = c === n - 1 ? 1 : normalCdf(edges[c]! - sigma);
    table[c] = sigma === 0 ? 1 : (upper - prev) * n;
    sum += table[c]!;
    prev = upper;
  }
  return table.map((x) => (x * n) / sum);
}

/**
 * A discrete distribution ready for inverse-CDF draws: cumulative shares plus a guide table
 * (a "cutpoint" index) so that a draw starts its search next to its answer.
 */
export interface CumTable {
  /** Cumulative shares, the last exactly 1. */
  readonly cum: Float64Array;
  /** guide[b] = first index whose cumulative share exceeds b / guide.length. */
  readonly guide: Int32Array;
}

/** Builds a {@link CumTable} from non-negative weights with a positive sum. */
export function cumTable(weights: ArrayLike<number>): CumTable {
  const n = weights.length;
  const cum = new Float64Array(n);
  let sum = 0;
  for (let k = 0; k < n; k++) {
    const w = weights[k]!;
    if (!(w >= 0)) throw new RangeError(`weight ${k} is not a non-negative number: ${w}`);
    cum[k] = sum += w;
  }
  if (!(sum > 0)) throw new RangeError('weights must have a positive sum');
  for (let k = 0; k < n; k++) cum[k] = cum[k]! / sum;
  cum[n - 1] = 1;
  const guide = new Int32Array(Math.max(4, 4 * n));
  let k = 0;
  for (let b = 0; b < guide.length; b++) {
    while (k < n - 1 && cum[k]! <= b / guide.length) k++;
    guide[b] = k;
  }
  return { cum, guide };
}

/**
 * Inverse-CDF draw: the index whose step contains u (in [0, 1)), with u's relative place inside
 * that step written to rest[0] (itself uniform in [0, 1), for further stratified choices).
 */
export function drawFrom(t: CumTable, u: number, rest: Float64Array): number {
  const cum = t.cum;
  const last = cum.length - 1;
  let k = t.guide[(u * t.guide.length) | 0]!;
  while (k < last && u >= cum[k]!) k++;
  const lo = k === 0 ? 0 : cum[k - 1]!;
  const x = (u - lo) / (cum[k]! - lo);
  rest[0] = x >= 0 && x < 1 ? x : x >= 1 ? 0.9999999999999999 : 0;
  return k;
}

/** Number of draws buffered per refill of a family stream. */
export const DRAW_BLOCK = 32;

/**
 * Fills `out` with the next out.length outputs of xoshiro128** from `state` (four int32 words),
 * written inline on local variables for speed, and stores the advanced state back.
 */
export function fillDraws(state: Int32Array, out: Uint32Array): void {
  let s0 = state[0]!;
  let s1 = state[1]!;
  let s2 = state[2]!;
  let s3 = state[3]!;
  for (let k = 0; k < out.length; k++) {
    let x = Math.imul(s1, 5);
    x = (x << 7) | (x >>> 25);
    out[k] = Math.imul(x, 9);
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
  }
  state[0] = s0;
  state[1] = s1;
  state[2] = s2;
  state[3] = s3;
}

/**
 * One family's stream (家庭随机数流): xoshiro128** seeded from (key, family index), read in blocks
 * of {@link DRAW_BLOCK} outputs so that the generator's many draws are array reads.
 */
export class FamilyStream {
  readonly #state = new Int32Array(4);
  readonly #block = new Uint32Array(DRAW_BLOCK);
  #next = DRAW_BLOCK;

  /** Restarts the stream at family i of `key`. */
  start(key: StreamKey, i: number): void {
    seedFamily(key, i, this.#state);
    fillDraws(this.#state, this.#block);
    this.#next = 0;
  }

  /** The next 32-bit output. */
  u32(): number {
    let n = this.#next;
    if (n === DRAW_BLOCK) {
      fillDraws(this.#state, this.#block);
      n = 0;
    }
    this.#next = n + 1;
    return this.#block[n]!;
  }

  /** The next uniform in [0, 1) (u32 written out again: one call less in the hot loop). */
  unit(): number {
    let n = this.#next;
    if (n === DRAW_BLOCK) {
      fillDraws(this.#state, this.#block);
      n = 0;
    }
    this.#next = n + 1;
    return this.#block[n]! * U32_TO_UNIT;
  }

  /** A whole number in [min, max], uniformly. */
  int(min: number, max: number): number {
    return min + Math.floor(this.unit() * (max - min + 1));
  }
}
