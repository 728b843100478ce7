import { expect, test } from 'vitest';
import type { CompletedSweep } from '../../../src/ui/runs';
import { outcomeSql, outcomeUnit } from '../../../src/ui/compare/sweepOutcome';

/** A finished sweep, as much of it as the outcome reads. */
function sweep(replications: number): CompletedSweep {
  const request = { parameters: [{ path: 'behaviour.quota.shareOfSpendable' }], replications };
  return { request, tablePrefix: 'sweep1' } as unknown as CompletedSweep;
}

test('a figure is read from the sweep table, a province measure from the provinces table, bounds only when replicated', () => {
  expect(outcomeSql(sweep(0), { kind: 'figure', key: 'sharedFen', province: 3 })).toBe(
    `SELECT "behaviour_quota_share_of_spendable" AS x, value FROM "sweep1_sweep" WHERE figure = 'sharedFen' ORDER BY point`,
  );
  expect(outcomeSql(sweep(5), { kind: 'province', key: 'net', province: 3 })).toBe(
    `SELECT "behaviour_quota_share_of_spendable" AS x, value_fen AS value, low_fen AS low, high_fen AS high FROM "sweep1_sweep_provinces" WHERE province = 3 AND measure = 'net' ORDER BY point`,
  );
  // A key is quoted as text, never spliced in.
  expect(outcomeSql(sweep(0), { kind: 'figure', key: "x' OR '1'='1", province: 0 })).toContain(
    `figure = 'x'' OR ''1''=''1'`,
  );
});

test('money is in 亿元 / billion yuan, counts in their own units', () => {
  expect(outcomeUnit({ kind: 'figure', key: 'sharedFen' }, 'zh')).toEqual({ unit: '亿元', money: true });
  expect(outcomeUnit({ kind: 'province', key: 'anything' }, 'en')).toEqual({
    unit: 'billion yuan',
    money: true,
  });
  expect(outcomeUnit({ kind: 'figure', key: 'personTimes' }, 'en')).toEqual({
    unit: 'person-times',
    money: false,
  });
  expect(outcomeUnit({ kind: 'figure', key: 'relationships' }, 'zh')).toEqual({ unit: '个', money: false });
});
