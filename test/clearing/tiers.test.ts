import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { FlowCube, USE_INDEX } from '../../src/clearing/flows';
import { settleByMonth } from '../../src/clearing/settlement';
import { provinceNet, provinceTiers } from '../../src/clearing/tiers';

const PROVINCE_OF_AREA = Int32Array.from([0, 0, 1, 2]);

describe('provinceTiers (C4)', () => {
  test('C4: pooling areas pay their province for payments made elsewhere and receive for payments made there', () => {
    const c = new FlowCube(1, 4);
    c.add(0, 0, 0, USE_INDEX.medical, 100); // same pooling area: nothing to clear
    c.add(0, 0, 1, USE_INDEX.medical, 200); // within province 0
    c.add(0, 1, 2, USE_INDEX['resident-contribution'], 40_000); // province 0 → province 1
    const [t] = provinceTiers(c);
    expect(Array.from(t!.paysFen)).toEqual([200, 40_000, 0, 0]);
    expect(Array.from(t!.receivesFen)).toEqual([0, 200, 40_000, 0]);
  });

  test('C4: the tiers agree with the national clearing province by province, in every month', () => {
    const cell = fc.record({
      m: fc.nat(2),
      s: fc.nat(3),
      t: fc.nat(3),
      fen: fc.integer({ min: 1, max: 1e9 }),
    });
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 100 }), (cells) => {
        const c = new FlowCube(3, 4);
        for (const x of cells) c.add(x.m, x.s, x.t, USE_INDEX.medical, x.fen);
        const national = settleByMonth(c, PROVINCE_OF_AREA, 3);
        provinceTiers(c).forEach((tier, m) => {
          expect(Array.from(provinceNet(tier, PROVINCE_OF_AREA, 3))).toEqual(Array.from(national[m]!.net));
        });
      }),
      { numRuns: 200, seed: 11 },
    );
  });
});

describe('provinceNet (C4)', () => {
  test('provinceNet adds each pooling area’s receipts less its payments into its province', () => {
    const tier = {
      month: 0,
      paysFen: Float64Array.of(100, 40, 0, 7),
      receivesFen: Float64Array.of(0, 60, 80, 0),
    };
    expect(Array.from(provinceNet(tier, PROVINCE_OF_AREA, 3))).toEqual([-80, 80, -7]);
  });

  test('provinceNet returns one position per province and nothing else', () => {
    const tier = { month: 0, paysFen: Float64Array.of(5, 0, 0, 0), receivesFen: Float64Array.of(0, 0, 0, 5) };
    // Compared as typed arrays: a stray property (from an area index past the end) would show.
    expect(provinceNet(tier, PROVINCE_OF_AREA, 3)).toEqual(Float64Array.of(-5, 0, 5));
  });

  test('C4: every month gets its own tier, months without flows included', () => {
    const c = new FlowCube(3, 4);
    c.add(2, 3, 2, USE_INDEX.medical, 500);
    const tiers = provinceTiers(c);
    expect(tiers.map((t) => t.month)).toEqual([0, 1, 2]);
    expect(Array.from(tiers[0]!.paysFen)).toEqual([0, 0, 0, 0]);
    expect(Array.from(tiers[2]!.paysFen)).toEqual([0, 0, 0, 500]);
    expect(Array.from(tiers[2]!.receivesFen)).toEqual([0, 0, 500, 0]);
  });
});
