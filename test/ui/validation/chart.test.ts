import { expect, test } from 'vitest';
import { isChecked, rowStatus, STATUS_COLORS } from '../../../src/ui/validation/chart';
import { VALIDATION_COLORS } from '../../../src/ui/charts/palette';

test('rowStatus reads the status column, and falls back on within for a row without one', () => {
  expect(rowStatus({ status: 'reference', within: false })).toBe('reference');
  expect(rowStatus({ status: 'not-modelled', within: false })).toBe('not-modelled');
  expect(rowStatus({ status: 'outside', within: true })).toBe('outside');
  expect(rowStatus({ within: true })).toBe('within');
  expect(rowStatus({ within: false })).toBe('outside');
  expect(rowStatus({ status: 'unknown', within: true })).toBe('within');
});

test('only within and outside rows are checked (and get a tolerance band)', () => {
  expect(['within', 'outside', 'reference', 'not-modelled'].map((status) => isChecked({ status }))).toEqual([
    true,
    true,
    false,
    false,
  ]);
});

test('each status has a colour of its own from the page palette', () => {
  expect(STATUS_COLORS).toEqual({
    within: VALIDATION_COLORS.within,
    outside: VALIDATION_COLORS.outside,
    reference: VALIDATION_COLORS.reference,
    'not-modelled': VALIDATION_COLORS.notModelled,
  });
  expect(new Set(Object.values(STATUS_COLORS)).size).toBe(4);
});
