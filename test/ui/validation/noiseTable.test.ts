import { expect, test } from 'vitest';
import { queryCsv } from '../../../src/analytics/csv';
import { loadTable } from '../../../src/analytics/load';
import { queryRows } from '../../../src/analytics/query';
import type { TargetNoise } from '../../../src/engine/calibrationSpread';
import { noiseColumnTable, noiseSql } from '../../../src/ui/validation/noiseTable';
import { useDuckDB } from '../../analytics/helpers';

const db = useDuckDB();

const noise: TargetNoise[] = [
  {
    name: 'year/amount',
    relError: 0.059,
    meanRelError: 0.062,
    sdRelError: 0.004,
    tolerancePct: 10,
    outside: 0,
    seeds: 5,
    noisy: false,
  },
  {
    name: 'geo/same-province/times',
    relError: 0.065,
    meanRelError: 0.114,
    sdRelError: 0.08,
    tolerancePct: 15,
    outside: 1,
    seeds: 5,
    noisy: true,
  },
];
const labels = new Map([['year/amount', { zh: '全年共济金额', en: 'amount in the year' }]]);

test('the measured noise loads into validation_noise and reads back by section in the targets’ order, labels in both languages', async () => {
  const population: TargetNoise = { ...noise[0]!, name: 'age-share/0-14', relError: -0.01 };
  await loadTable(
    db.conn,
    noiseColumnTable([
      { section: 'population', noise: [population], scaleK: 1000, labels: new Map() },
      { section: 'calibration', noise, scaleK: 10_000, labels },
    ]),
  );
  expect((await queryRows(db.conn, noiseSql('population'))).rows).toEqual([
    expect.objectContaining({ name: 'age-share/0-14', scale_k: 1000, rel_error: -0.01 }),
  ]);
  const rows = (await queryRows(db.conn, noiseSql('calibration'))).rows;
  expect(rows).toEqual([
    {
      name: 'year/amount',
      label_zh: '全年共济金额',
      label_en: 'amount in the year',
      scale_k: 10_000,
      seeds: 5,
      rel_error: 0.059,
      mean_rel_error: 0.062,
      sd_rel_error: 0.004,
      tolerance_pct: 10,
      runs_outside: 0,
      noisy: false,
    },
    {
      // A target without labels keeps its key as its label.
      name: 'geo/same-province/times',
      label_zh: 'geo/same-province/times',
      label_en: 'geo/same-province/times',
      scale_k: 10_000,
      seeds: 5,
      rel_error: 0.065,
      mean_rel_error: 0.114,
      sd_rel_error: 0.08,
      tolerance_pct: 15,
      runs_outside: 1,
      noisy: true,
    },
  ]);
  const csv = await queryCsv(db.conn, noiseSql('calibration'));
  expect(csv.split('\n')[0]).toBe(
    'name,label_zh,label_en,scale_k,seeds,rel_error,mean_rel_error,sd_rel_error,tolerance_pct,runs_outside,noisy',
  );
  expect(csv.split('\n')[2]).toBe(
    'geo/same-province/times,geo/same-province/times,geo/same-province/times,10000,5,0.065,0.114,0.08,15,1,true',
  );
});
