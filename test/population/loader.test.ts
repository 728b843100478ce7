import { describe, expect, it } from 'vitest';
import { DataError, type DataProblem } from '../../src/population/dataError';
import { type Dataset, DATA_FILES } from '../../src/population/dataset';
import { loadDataset, loadOdInputs } from '../../src/population/loader';
import { loadDatasetFromDisk } from '../../src/population/node';
import { committed, dropColumn, readerWith, setCell } from './helpers';

/** Loads with `read`, expecting a DataError; returns its problems and proves nothing was returned. */
function problemsOf(read: (name: string) => string): readonly DataProblem[] {
  let result: Dataset | undefined;
  let error: unknown;
  try {
    result = loadDataset(read);
  } catch (e) {
    error = e;
  }
  expect(result).toBeUndefined();
  expect(error).toBeInstanceOf(DataError);
  return (error as DataError).problems;
}

describe('loadDataset on the committed data', () => {
  const ds = loadDatasetFromDisk();

  it('reads the 31 provinces in code order with the census totals', () => {
    expect(ds.provinces).toHaveLength(31);
    const codes = ds.provinces.map((p) => p.code2);
    expect(codes).toEqual([...codes].sort());
    expect(ds.provinces.reduce((s, p) => s + p.population, 0)).toBe(1_409_778_724);
    expect(ds.provinces.reduce((s, p) => s + p.inflow, 0)).toBe(124_837_153);
  });

  it('has 333 prefecture-level pooling areas plus the 4 municipalities', () => {
    expect(ds.poolingAreas).toHaveLength(337);
    expect(ds.poolingAreas.filter((a) => a.kind === 'municipality')).toHaveLength(4);
    expect(ds.provinces.reduce((s, p) => s + p.prefectureCount, 0)).toBe(333);
  });

  it('gives each province as many pooling areas as it has prefecture-level divisions', () => {
    ds.provinces.forEach((p, i) => {
      const n = ds.poolingAreas.filter((a) => a.province === i && a.provinceCode2 === p.code2).length;
      expect(n, p.code2).toBe(p.isMunicipality ? 1 : p.prefectureCount);
    });
  });

  it('matches the shared prefecture breakdown by kind (293 cities, 30 autonomous prefectures, 7 地区, 3 leagues)', () => {
    const count = (k: string) => ds.poolingAreas.filter((a) => a.kind === k).length;
    expect([count('city'), count('autonomous-prefecture'), count('prefecture'), count('league')]).toEqual([
      293, 30, 7, 3,
    ]);
  });

  it('reads a 31×31 matrix and the published targets', () => {
    expect(ds.od).toHaveLength(31 * 31);
    const byName = new Map(ds.targets.map((t) => [t.name, t]));
    expect(byName.get('employee-insured')?.value).toBe(379_480_000);
    expect(byName.get('account-balance')?.value).toBe(1_447_175_000_000);
    expect(byName.get('population/44')?.provinceCode2).toBe('44');
    expect(ds.targets.filter((t) => t.name.startsWith('inflow/') && t.provinceCode2).length).toBe(31);
  });

  it('flags the 11 estimated wages and keeps the 20 published ones', () => {
    expect(ds.provinces.filter((p) => p.wageSource === 'estimated')).toHaveLength(11);
  });
});

describe('loadDataset refuses bad input with file, line and column', () => {
  it('names a missing column', () => {
    const problems = problemsOf(readerWith(DATA_FILES.provinces, (t) => dropColumn(t, 'inflow_2020')));
    expect(problems).toContainEqual(
      expect.objectContaining({ file: 'provinces.csv', line: 1, column: 'inflow_2020' }),
    );
  });

  it('names an unknown province code in the pooling areas', () => {
    const problems = problemsOf(
      readerWith(DATA_FILES.poolingAreas, (t) => setCell(t, 10, 'province_code2', '99')),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ file: 'pooling-areas.csv', line: 10, column: 'province_code2' }),
    );
    expect(problems.find((p) => p.line === 10)?.message).toMatch(/unknown province code "99"/);
  });

  it('names a malformed pooling-area code', () => {
    const problems = problemsOf(readerWith(DATA_FILES.poolingAreas, (t) => setCell(t, 7, 'code', '13030')));
    expect(problems).toContainEqual(
      expect.objectContaining({ file: 'pooling-areas.csv', line: 7, column: 'code' }),
    );
  });

  it('names an unknown origin in the matrix and an unknown province in the targets', () => {
    const od = problemsOf(readerWith(DATA_FILES.od, (t) => setCell(t, 5, 'origin', '98')));
    expect(od).toContainEqual(expect.objectContaining({ file: 'od-matrix.csv', line: 5, column: 'origin' }));
    const targets = problemsOf(
      readerWith(DATA_FILES.targets, (t) => t.replace('population/44,44,', 'population/44,97,')),
    );
    expect(targets).toContainEqual(
      expect.objectContaining({ file: 'targets.csv', column: 'province_code2' }),
    );
  });

  it('names a negative count', () => {
    const problems = problemsOf(readerWith(DATA_FILES.provinces, (t) => setCell(t, 4, 'age_60_plus', '-12')));
    const p = problems.find((x) => x.column === 'age_60_plus');
    expect(p).toMatchObject({ file: 'provinces.csv', line: 4 });
    expect(p?.message).toMatch(/negative/);
  });

  it('names a non-numeric count', () => {
    const problems = problemsOf(readerWith(DATA_FILES.od, (t) => setCell(t, 3, '44', '12x')));
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'od-matrix.csv',
        line: 3,
        column: '44',
        message: expect.stringMatching(/not a count/),
      }),
    );
  });

  it('puts file, line and column into the error message', () => {
    expect(() =>
      loadDataset(readerWith(DATA_FILES.provinces, (t) => setCell(t, 4, 'age_60_plus', '-12'))),
    ).toThrow('provinces.csv:4 [age_60_plus]');
  });

  it('refuses a matrix with migrants inside one province', () => {
    const problems = problemsOf(readerWith(DATA_FILES.od, (t) => setCell(t, 2, '11', '5')));
    expect(problems).toContainEqual(
      expect.objectContaining({ file: 'od-matrix.csv', line: 2, column: '11' }),
    );
  });

  it('refuses pooling-area counts that disagree with the prefecture counts', () => {
    const problems = problemsOf(readerWith(DATA_FILES.poolingAreas, (t) => t.replace(/\n130200,[^\n]*/, '')));
    expect(problems.some((p) => p.file === 'pooling-areas.csv' && /province 13 has 10/.test(p.message))).toBe(
      true,
    );
  });

  it('reports a file that cannot be read', () => {
    const problems = problemsOf((name) => {
      if (name === DATA_FILES.targets) throw new Error('gone');
      return committed(name);
    });
    expect(problems).toEqual([
      expect.objectContaining({ file: 'targets.csv', message: 'cannot be read: gone' }),
    ]);
  });

  it('collects problems from several files before throwing', () => {
    const read = (name: string): string => {
      if (name === DATA_FILES.od) return setCell(committed(name), 3, '44', 'x');
      if (name === DATA_FILES.targets) return dropColumn(committed(name), 'unit');
      return committed(name);
    };
    const files = new Set(problemsOf(read).map((p) => p.file));
    expect([...files].sort()).toEqual(['od-matrix.csv', 'targets.csv']);
  });
});

describe('loadOdInputs', () => {
  it('reads the provinces and the published corridors', () => {
    const { provinces, corridors } = loadOdInputs(committed);
    expect(provinces).toHaveLength(31);
    expect(corridors.filter((c) => c.use === 'fit' && c.metric === 'count').length).toBeGreaterThan(0);
  });

  it('refuses a corridor with an unknown destination', () => {
    const read = readerWith(DATA_FILES.corridors, (t) => t.replace('\n13,11,count,', '\n13,77,count,'));
    expect(() => loadOdInputs(read)).toThrow('corridors.csv:2 [dest_code2]');
  });
});
