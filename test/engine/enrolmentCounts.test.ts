import { expect, test } from 'vitest';
import { enrolmentCounts } from '../../src/engine/enrolmentCounts';
import { AGE_BANDS, enrolmentIndex } from '../../src/engine/result';

test('enrolments by pooling area and age band add up into provinces, every province listed', () => {
  // Three areas: 0 and 2 in province 1, area 1 in province 0; province 2 has none.
  const areas = 3;
  const enrolments = new Float64Array(areas * AGE_BANDS.length);
  enrolments[enrolmentIndex(0, 4)] = 1_000;
  enrolments[enrolmentIndex(2, 4)] = 2_000;
  enrolments[enrolmentIndex(2, 0)] = 3_000;
  enrolments[enrolmentIndex(1, 1)] = 5_000;
  const counts = enrolmentCounts({ areas, enrolments }, [1, 0, 1], 3);
  expect(counts.total).toBe(11_000);
  expect(counts.byAgeBand).toEqual([3_000, 5_000, 0, 0, 3_000]);
  expect(counts.byProvince).toEqual([
    { province: 0, total: 5_000, byAgeBand: [0, 5_000, 0, 0, 0] },
    { province: 1, total: 6_000, byAgeBand: [3_000, 0, 0, 0, 3_000] },
    { province: 2, total: 0, byAgeBand: [0, 0, 0, 0, 0] },
  ]);
});
