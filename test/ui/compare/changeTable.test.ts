import { expect, test } from 'vitest';
import { rowsToCsv } from '../../../src/analytics/csv';
import { difference } from '../../../src/runtime/differences';
import { FIGURES } from '../../../src/runtime/figures';
import {
  amountText,
  CHANGE_COVERAGE,
  changeComparison,
  changeCsvRows,
  changeNotes,
  changeText,
  type ChangeRun,
  intervalText,
  shareText,
  signedText,
} from '../../../src/ui/compare/changeTable';
import { type CompareMessageKey, compareMessages } from '../../../src/ui/compare/messages';

const zh = (key: CompareMessageKey) => compareMessages[key].zh;
const en = (key: CompareMessageKey) => compareMessages[key].en;

/** A run whose figure f takes `values` (one per simulation) times f + 1. */
function run(
  id: string,
  values: readonly number[],
  options: { seed?: string; ranged?: boolean } = {},
): ChangeRun {
  return {
    id,
    seed: options.seed ?? 'baseline-2026',
    figures: {
      figureSamples: values.map((v) => Object.fromEntries(FIGURES.map((f, i) => [f.key, v * (i + 1)]))),
      // With ranges, each simulation drew its own uptake (the same for every scenario at one seed).
      sampleParameters: values.map((_, r): Record<string, number> =>
        options.ranged ? { 'behaviour.uptake': 0.001 * (r + 1) } : {},
      ),
      ranged: options.ranged ?? false,
    },
  };
}

// Fen per simulation (the main run and two replications), about 500亿元 a year, paired: the cap
// takes some 8亿元 off every simulation, the wallet scenario moves by noise only.
const BASE = [50_000_000_000_00, 50_300_000_000_00, 49_800_000_000_00];
const CAP = BASE.map((v, r) => v - 8_00_000_000_00 + [0, 2_000_000_00, -1_000_000_00][r]!);
const NOISE = BASE.map((v, r) => v + [3_000_000_000_00, -2_900_000_000_00, 100_000_000_00][r]!);

test('changeComparison pairs each scenario with the baseline figure by figure, in the order of FIGURES', () => {
  const c = changeComparison(
    [run('monthly-cap-2026', CAP), run('baseline-2026', BASE), run('wallet', NOISE)],
    'baseline-2026',
    { scaleK: 10_000 },
  );
  expect(c.baseline).toBe('baseline-2026');
  expect(c.others).toEqual(['monthly-cap-2026', 'wallet']);
  expect(c.samples).toBe(3);
  expect(c.coverage).toBe(CHANGE_COVERAGE);
  expect(c.rows.map((r) => r.figure.key)).toEqual(FIGURES.map((f) => f.key));
  const shared = c.rows[0]!;
  expect(shared.figure.key).toBe('sharedFen');
  expect(shared.baselineValue).toBeCloseTo(BASE.reduce((s, v) => s + v, 0) / 3, 0);
  const [cap, wallet] = shared.changes;
  expect(cap!.id).toBe('monthly-cap-2026');
  // The very difference src/runtime/differences.ts gives, as `simulate --baseline` reports it.
  expect(cap!.difference).toEqual({
    key: 'sharedFen',
    ...difference(CAP, BASE, { scaleK: 10_000, coverage: 0.9, parameters: [] }),
  });
  expect(cap!.difference.change).toBeLessThan(0);
  expect(cap!.difference.interval![1]).toBeLessThan(0);
  expect(cap!.difference.withinNoise).toBe(false);
  expect(wallet!.difference.interval![0]).toBeLessThan(0);
  expect(wallet!.difference.interval![1]).toBeGreaterThan(0);
  expect(wallet!.difference.withinNoise).toBe(true);
  expect(c.sources).toEqual({
    sampling: 'removed',
    population: 'included',
    estimate: 'included',
    parameters: 'no ranges',
  });
});

test('without replications there is a change but no interval, and the notes say intervals need replications', () => {
  const c = changeComparison([run('baseline-2026', [100_00]), run('cap', [80_00])], 'baseline-2026', {
    scaleK: 1000,
  });
  const d = c.rows[0]!.changes[0]!.difference;
  expect(d.change).toBe(-20_00);
  expect(d.changeShare).toBeCloseTo(-0.2);
  expect(d.interval).toBeNull();
  expect(d.withinNoise).toBeNull();
  expect(c.sources.sampling).toBe('no interval without replications');
  expect(changeNotes(c, en)).toEqual([
    'Every scenario ran at seed baseline-2026 (the same families and events), so each pairs with the baseline simulation by simulation.',
    'No replications: the change alone, without intervals, so nothing says whether it is larger than the noise. Intervals need replications (choose 2 or more).',
  ]);
  expect(changeNotes(c, zh)[1]).toMatch(/^未做重复模拟：.*区间需要重复模拟/);
});

test('the notes say what the intervals hold, in the words of simulate --baseline', () => {
  const c = changeComparison([run('baseline-2026', BASE), run('cap', CAP)], 'baseline-2026', {
    scaleK: 10_000,
  });
  expect(changeNotes(c, en)[1]).toBe(
    '90% intervals of the change in the whole insured population, from 3 simulations: the whole population’s year-to-year randomness and the estimate’s error are included (the scenarios give no parameter ranges, so no parameter uncertainty); sampling noise of the 1:k sample removed. A change whose interval holds 0 is marked “within noise”.',
  );
  const ranged = changeComparison(
    [run('baseline-2026', BASE, { ranged: true }), run('cap', CAP, { ranged: true })],
    'baseline-2026',
    { scaleK: 10_000 },
  );
  expect(ranged.sources.parameters).toBe('included');
  // Too few replications to fit a line on the parameters: the sampling noise is kept, and said so.
  expect(ranged.sources.sampling).toBe('kept');
  expect(changeNotes(ranged, zh)[1]).toBe(
    '区间为全体参保人口中变化的 90% 区间，基于 3 次模拟：包含全体人口的年度随机性与估计误差，以及取值范围内的参数不确定性；1:k 抽样噪声因重复次数不足以与参数区分而保留（区间偏宽）。区间包含 0 的变化标为“噪声内”。',
  );
});

test('changeComparison refuses runs that cannot pair: another seed, another number of simulations, no baseline', () => {
  expect(() =>
    changeComparison(
      [run('baseline-2026', BASE), run('scope', CAP, { seed: 'scope-2021' })],
      'baseline-2026',
      {
        scaleK: 1000,
      },
    ),
  ).toThrow(/scope ran at seed scope-2021 and the baseline at baseline-2026/);
  expect(() =>
    changeComparison([run('baseline-2026', BASE), run('cap', [1, 2])], 'baseline-2026', { scaleK: 1000 }),
  ).toThrow(/same replications/);
  expect(() => changeComparison([run('cap', CAP)], 'baseline-2026', { scaleK: 1000 })).toThrow(
    /not among the runs/,
  );
  // One scenario alone: nothing to compare, but no error.
  expect(changeComparison([run('baseline-2026', BASE)], 'baseline-2026', { scaleK: 1000 }).others).toEqual(
    [],
  );
});

test('amounts read as money in 万元/亿元 or as whole counts, changes with a true minus or a plus', () => {
  expect(amountText(51_154_000_000_00.4, 'fen', 'zh')).toBe('511.54亿元');
  expect(amountText(1_234_567.6, 'person-times', 'en')).toBe('1,234,568');
  expect(signedText(-8_00_000_000_00, 'fen', 'zh')).toBe('−8.00亿元');
  expect(signedText(123_456_00, 'fen', 'zh')).toBe('+12.35万元');
  expect(signedText(-8_00_000_000_00, 'fen', 'en')).toBe('−800.00 million yuan');
  expect(signedText(0.3, 'fen', 'zh')).toBe('0.00元');
  expect(signedText(-2.4, 'relationships', 'en')).toBe('−2');
  expect(shareText(-0.0456, 'zh')).toBe('−4.6%');
  expect(shareText(0.1, 'en')).toBe('+10.0%');
  expect(shareText(0.00001, 'en')).toBe('0.0%');
  expect(shareText(null, 'en')).toBeNull();
  const d = {
    key: 'sharedFen',
    value: 92_00_000_000_00,
    baseline: 100_00_000_000_00,
    change: -8_00_000_000_00,
    changeShare: -0.08,
    interval: [-9_50_000_000_00, -6_50_000_000_00] as [number, number],
    withinNoise: false,
    sampling: 'removed' as const,
  };
  expect(changeText(d, 'fen', 'zh')).toBe('−8.00亿元（−8.0%）');
  expect(changeText(d, 'fen', 'en')).toBe('−800.00 million yuan (−8.0%)');
  expect(changeText({ ...d, changeShare: null }, 'fen', 'en')).toBe('−800.00 million yuan');
  expect(intervalText(d, 'fen', 'zh')).toBe('−9.50亿元 … −6.50亿元');
  expect(intervalText({ ...d, interval: null }, 'fen', 'zh')).toBeNull();
});

test('the CSV has one line per scenario and figure, money in whole fen, empty interval fields without replications', () => {
  const c = changeComparison([run('baseline-2026', BASE), run('cap', CAP)], 'baseline-2026', {
    scaleK: 10_000,
  });
  const { names, rows } = changeCsvRows(c);
  expect(names).toEqual([
    'scenario',
    'baseline',
    'seed',
    'simulations',
    'figure',
    'unit',
    'value',
    'baseline_value',
    'change',
    'change_share',
    'low',
    'high',
    'within_noise',
    'coverage',
  ]);
  expect(rows).toHaveLength(FIGURES.length);
  for (const row of rows)
    for (const name of ['value', 'baseline_value', 'change', 'low', 'high'])
      expect(Number.isInteger(row[name]), `${String(row.figure)} ${name}`).toBe(true);
  expect(rows[0]).toMatchObject({
    scenario: 'cap',
    baseline: 'baseline-2026',
    seed: 'baseline-2026',
    simulations: 3,
    figure: 'sharedFen',
    unit: 'fen',
    within_noise: false,
    coverage: 0.9,
  });
  const text = rowsToCsv(changeCsvRows(c));
  expect(text.split('\n')[1]).toMatch(
    /^cap,baseline-2026,baseline-2026,3,sharedFen,fen,\d+,\d+,-\d+,-0\.\d+,-\d+,-\d+,false,0\.9$/,
  );

  const once = changeComparison([run('baseline-2026', [100_00]), run('cap', [80_00])], 'baseline-2026', {
    scaleK: 1000,
  });
  expect(rowsToCsv(changeCsvRows(once)).split('\n')[1]).toBe(
    'cap,baseline-2026,baseline-2026,1,sharedFen,fen,8000,10000,-2000,-0.2,,,,',
  );
});
