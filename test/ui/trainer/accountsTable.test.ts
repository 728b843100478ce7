import { describe, expect, test } from 'vitest';
import { openingBalances, playStory } from '../../../src/scenario';
import { accountRows } from '../../../src/ui/trainer/accountsTable';
import { loadStory } from '../../scenario/storyFiles';

const billSplit = loadStory('06-bill-split.json');

describe('accountRows', () => {
  test('lists every account seen so far in table order, with the change the step made', () => {
    const frames = playStory(billSplit, 5);
    const rows = accountRows(
      frames.flatMap((f) => Object.keys(f.balances)),
      frames[3]!.balances,
      frames[4]!.balances,
    );
    expect(rows.map((r) => r.account)).toEqual([
      'account:li-na',
      'quota:li-na-father',
      'fund:320500',
      'payee:hospital:410100',
      'payee:pharmacy:410100',
      'payee:resident-contribution-collector:410100',
      'cash:father',
    ]);
    expect(rows.filter((r) => r.changeFen !== 0)).toEqual([
      { account: 'quota:li-na-father', balanceFen: 0, changeFen: -145_000 },
      { account: 'payee:hospital:410100', balanceFen: 200_000, changeFen: 200_000 },
      { account: 'cash:father', balanceFen: -55_000, changeFen: -55_000 },
    ]);
  });

  test('before the first step shows the opening balances and no change', () => {
    const open = openingBalances(billSplit);
    expect(accountRows(Object.keys(open), open, open)).toEqual([
      { account: 'account:li-na', balanceFen: 500_000, changeFen: 0 },
      { account: 'fund:320500', balanceFen: -500_000, changeFen: 0 },
    ]);
  });
});
