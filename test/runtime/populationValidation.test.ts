import { expect, test } from 'vitest';
import { loadDatasetFromDisk } from '../../src/population/node';
import { createPopulationValidator } from '../../src/runtime/populationValidation';

test('createPopulationValidator(dataset)(seed, 1000) reports progress to the end and puts targets beside the model', () => {
  const validate = createPopulationValidator(loadDatasetFromDisk(), () => 0);
  const progress: [number, number][] = [];
  const result = validate('baseline-2026', 1000, (done, total) => progress.push([done, total]));
  const total = progress[0]![1];
  expect(progress[0]).toEqual([0, total]);
  expect(progress.at(-1)).toEqual([total, total]);
  expect(result.families).toBe(total);
  const population = result.records.find((r) => r.name === 'population/total');
  expect(population?.labelZh).toBeTruthy();
  expect(Math.abs(population!.relError)).toBeLessThan(0.02);
  expect(result.records.every((r) => Number.isFinite(r.generated))).toBe(true);
  // The same seed gives the same numbers (the model is reused on the second call).
  expect(validate('baseline-2026', 1000).records).toEqual(result.records);
});
