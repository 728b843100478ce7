import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  cumTable,
  drawFrom,
  FamilyStream,
  fillDraws,
  lognormalTable,
  mix32,
  nextU32,
  normalCdf,
  roundHalfUp,
  seedFamily,
  stratum,
  streamKey,
  TABLE_BITS,
} from '../../src/population/random';

describe('streamKey and family streams', () => {
  test('streamKey(seed) is the same for the same seed and differs between seeds', () => {
    expect(Array.from(streamKey('baseline').words)).toEqual(Array.from(streamKey('baseline').words));
    expect(Array.from(streamKey('baseline').words)).not.toEqual(Array.from(streamKey('baseline2').words));
  });

  test('mix32 is a bijection on a sample of inputs (no two inputs collide)', () => {
    const seen = new Set<number>();
    for (let x = 0; x < 100_000; x++) seen.add(mix32(x * 7919));
    expect(seen.size).toBe(100_000);
  });

  test('seedFamily gives distinct states to distinct families', () => {
    const key = streamKey('s');
    const st = new Int32Array(4);
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i++) {
      seedFamily(key, i * 1000, st);
      seen.add(st.join(','));
    }
    expect(seen.size).toBe(20_000);
  });

  test('fillDraws produces the same sequence as repeated nextU32 (the inlined loop is xoshiro128**)', () => {
    const key = streamKey('x');
    const a = new Int32Array(4);
    const b = new Int32Array(4);
    seedFamily(key, 42, a);
    seedFamily(key, 42, b);
    const block = new Uint32Array(100);
    fillDraws(a, block);
    const one = Array.from({ length: 100 }, () => nextU32(b));
    expect(Array.from(block)).toEqual(one);
    expect(Array.from(a)).toEqual(Array.from(b));
  });

  test('FamilyStream restarts to the same draws for the same family, across block refills', () => {
    const key = streamKey('y');
    const s = new FamilyStream();
    s.start(key, 7);
    const first = Array.from({ length: 100 }, () => s.u32());
    s.start(key, 8);
    s.u32();
    s.start(key, 7);
    expect(Array.from({ length: 100 }, () => s.u32())).toEqual(first);
  });

  test('FamilyStream.unit and int stay in range and look uniform', () => {
    const s = new FamilyStream();
    s.start(streamKey('z'), 1);
    const counts = new Array<number>(5).fill(0);
    let outside = 0;
    for (let k = 0; k < 50_000; k++) {
      const u = s.unit();
      if (!(u >= 0 && u < 1)) outside++;
      counts[s.int(3, 7) - 3]!++;
    }
    expect(outside).toBe(0);
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(400);
  });
});

describe('stratum', () => {
  test('every run of families fills equal slices of [0, 1) almost exactly, also at scale 1:1000', () => {
    const key = streamKey('strata');
    for (const k of [1, 1000]) {
      for (let dim = 0; dim < 3; dim++) {
        const bins = new Array<number>(20).fill(0);
        for (let j = 0; j < 10_000; j++) bins[Math.floor(stratum(key, dim, j * k) * 20)]!++;
        // Independent draws would miss by about 22 (one sd); a stratified sequence by a few.
        for (const b of bins) expect(Math.abs(b - 500)).toBeLessThanOrEqual(12);
      }
    }
  });
});

describe('cumTable and drawFrom', () => {
  test('drawFrom picks the step that contains u and returns u’s place inside it', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 40 })
          .filter((w) => w.some((x) => x > 0)),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (weights, u) => {
          const t = cumTable(weights);
          const rest = new Float64Array(1);
          const k = drawFrom(t, u, rest);
          const total = weights.reduce((a, b) => a + b, 0);
          const lo = weights.slice(0, k).reduce((a, b) => a + b, 0) / total;
          const hi = lo + weights[k]! / total;
          expect(weights[k]).toBeGreaterThan(0);
          expect(u).toBeGreaterThanOrEqual(lo - 1e-12);
          expect(u).toBeLessThan(hi + 1e-12);
          expect(rest[0]).toBeGreaterThanOrEqual(0);
          expect(rest[0]).toBeLessThan(1);
        },
      ),
      { numRuns: 500, seed: 3 },
    );
  });

  test('cumTable refuses negative weights and an all-zero table', () => {
    expect(() => cumTable([1, -1])).toThrow(/non-negative/);
    expect(() => cumTable([0, 0])).toThrow(/positive sum/);
  });
});

describe('normalCdf and lognormalTable', () => {
  test('normalCdf matches known values', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959963985)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-1)).toBeCloseTo(0.158655254, 6);
  });

  test('lognormalTable has mean 1, is increasing, and has the lognormal’s median and spread', () => {
    const sigma = 0.55;
    const t = lognormalTable(sigma);
    expect(t.length).toBe(1 << TABLE_BITS);
    expect(t.reduce((a, b) => a + b, 0) / t.length).toBeCloseTo(1, 12);
    for (let c = 1; c < t.length; c++) expect(t[c]!).toBeGreaterThan(t[c - 1]!);
    // The median of a mean-1 lognormal is exp(−σ²/2).
    expect(t[t.length / 2]!).toBeCloseTo(Math.exp((-sigma * sigma) / 2), 2);
    const logs = Array.from(t, Math.log);
    const mean = logs.reduce((a, b) => a + b, 0) / logs.length;
    const sd = Math.sqrt(logs.reduce((a, x) => a + (x - mean) ** 2, 0) / logs.length);
    expect(sd).toBeCloseTo(sigma, 2);
  });

  test('lognormalTable gives the same table whatever tables were made before it', () => {
    const first = lognormalTable(0.3);
    lognormalTable(1.2);
    lognormalTable(0);
    expect(lognormalTable(0.3)).toEqual(first);
  });

  test('lognormalTable cell c sits at the normal quantile of its middle, (c + ½) / n', () => {
    // At small σ, cell c of a mean-1 lognormal is about exp(σ·z − σ²/2), z that quantile.
    const n = 1 << TABLE_BITS;
    const sigma = 0.01;
    const t = lognormalTable(sigma);
    const quantiles: [number, number][] = [
      [0.025, -1.96],
      [0.1587, -1.0],
      [0.5, 0],
      [0.8413, 1.0],
      [0.975, 1.96],
    ];
    for (const [p, z] of quantiles) {
      const c = Math.round(p * n - 0.5);
      expect(Math.log(t[c]!) / sigma + sigma / 2).toBeCloseTo(z, 1);
    }
  });
});

describe('roundHalfUp', () => {
  // `===` does not tell +0 from −0: the only difference allowed.
  const same = (x: number): boolean => roundHalfUp(x) === Math.round(x);
  test('equals Math.round at halves, just below a half and beyond 2^52', () => {
    const edges = [0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0.49999999999999994, -0.49999999999999994];
    const large = [2 ** 52 + 1, 2 ** 53 - 1, -(2 ** 52) - 1, 4503599627370495.5, 1e300, -1e300];
    for (const x of [...edges, ...large]) expect(same(x), String(x)).toBe(true);
  });
  test('equals Math.round for any finite double and any multiple of 1/1024', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), same), { numRuns: 20000 });
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 31 }), fc.integer({ min: 0, max: 1023 }), (i, k) =>
        same(i + k / 1024),
      ),
    );
  });
});
