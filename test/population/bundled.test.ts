import { describe, expect, it } from 'vitest';
import { BUNDLED_FILES, loadBundledDataset } from '../../src/population/bundled';
import { loadDatasetFromDisk } from '../../src/population/node';

describe('loadBundledDataset', () => {
  it('bundles every CSV of data/ and loads the same dataset as the Node adapter', () => {
    expect([...BUNDLED_FILES.keys()].sort()).toEqual([
      'corridors.csv',
      'direct-settlement.csv',
      'od-matrix.csv',
      'pooling-areas.csv',
      'provinces.csv',
      'targets.csv',
    ]);
    expect(loadBundledDataset()).toEqual(loadDatasetFromDisk());
  });
});
