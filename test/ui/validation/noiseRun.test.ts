import { expect, test } from 'vitest';
import type { ValidationRecord } from '../../../src/runtime/populationValidation';
import { checkedRows } from '../../../src/ui/validation/noiseRun';

const record = (
  name: string,
  status: ValidationRecord['status'],
  tolerancePct: number,
): ValidationRecord => ({
  name,
  labelZh: name,
  labelEn: name,
  unit: 'percent',
  published: 10,
  generated: 10.2,
  relError: 0.02,
  tolerancePct,
  within: status !== 'outside',
  status,
  reasonZh: '',
  reasonEn: '',
});

test('the population’s noise counts checked targets with a tolerance band only', () => {
  const rows = checkedRows([
    record('age-share/0-14', 'within', 5),
    record('inflow/44', 'outside', 5),
    record('wage/national', 'reference', 5),
    record('not/modelled', 'not-modelled', 5),
    record('outflow/51', 'within', 0), // a lower bound: no band to set σ against
  ]);
  expect(rows).toEqual([
    { name: 'age-share/0-14', relError: 0.02, tolerancePct: 5, within: true },
    { name: 'inflow/44', relError: 0.02, tolerancePct: 5, within: false },
  ]);
});
