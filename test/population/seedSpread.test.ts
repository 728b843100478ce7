import { describe, expect, test } from 'vitest';
import { noisierThanTolerance, seedSpreads, spreadSeeds } from '../../src/population/seedSpread';
import type { ValidationRow } from '../../src/population/validate';

const row = (name: string, relError: number, extra: Partial<ValidationRow> = {}): ValidationRow => ({
  name,
  label: name,
  unit: 'persons',
  published: 100,
  generated: 100 * (1 + relError),
  relError,
  tolerancePct: 5,
  within: Math.abs(relError) <= 0.05,
  status: Math.abs(relError) <= 0.05 ? 'within' : 'outside',
  reason: null,
  ...extra,
});

describe('the spread of the validation over seeds', () => {
  test('spreadSeeds starts with the scenario’s seed and numbers the rest', () => {
    expect(spreadSeeds('baseline-2026', 3)).toEqual(['baseline-2026', 'baseline-2026/2', 'baseline-2026/3']);
    expect(spreadSeeds('s', 1)).toEqual(['s']);
    expect(() => spreadSeeds('s', 0)).toThrow(RangeError);
    expect(() => spreadSeeds('s', 1.5)).toThrow(RangeError);
  });

  test('seedSpreads gives each target the mean and the n − 1 standard deviation of its relative error', () => {
    const spreads = seedSpreads([
      [row('a', 0.01), row('b', 0.1)],
      [row('a', 0.03), row('b', 0.1)],
      [row('a', 0.05), row('b', 0.1)],
    ]);
    expect([...spreads.keys()]).toEqual(['a', 'b']);
    const a = spreads.get('a')!;
    expect(a.seeds).toBe(3);
    expect(a.meanRelError).toBeCloseTo(0.03, 12);
    expect(a.sdRelError).toBeCloseTo(0.02, 12);
    expect(spreads.get('b')!.sdRelError).toBeCloseTo(0, 12);
    expect(seedSpreads([[row('a', 0.2)]]).get('a')).toEqual({ seeds: 1, meanRelError: 0.2, sdRelError: 0 });
  });

  test('noisierThanTolerance names the checked targets whose tolerance is under 2σ, not bounds or reference figures', () => {
    const runs = [
      [
        row('noisy', 0.0),
        row('quiet', 0.0),
        row('bound', 0.0, { tolerancePct: 0 }),
        row('ref', 0.0, { status: 'reference' }),
      ],
      [
        row('noisy', 0.04),
        row('quiet', 0.001),
        row('bound', 0.04, { tolerancePct: 0 }),
        row('ref', 0.04, { status: 'reference' }),
      ],
    ];
    // σ of (0, 0.04) is 0.0283: 2σ = 5.66% > 5%; σ of (0, 0.001) is 0.0007.
    expect(noisierThanTolerance(runs[0]!, seedSpreads(runs))).toEqual(['noisy']);
    expect(noisierThanTolerance(runs[0]!, seedSpreads([runs[0]!]))).toEqual([]);
  });
});
