import { describe, expect, it } from 'vitest';
import { DataError, type DataProblem } from '../../src/population/dataError';
import { type Dataset, DATA_FILES } from '../../src/population/dataset';
import { loadDataset, loadOdInputs } from '../../src/population/loader';
import { loadDatasetFromDisk } from '../../src/population/node';
import {
  committed,
  dropColumn,
  dropLinesStartingWith,
  duplicateLine,
  headerOnly,
  readerWith,
  setCell,
} from './helpers';

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

/** Like {@link problemsOf} for {@link loadOdInputs}. */
function odInputProblemsOf(read: (name: string) => string): readonly DataProblem[] {
  try {
    loadOdInputs(read);
  } catch (e) {
    expect(e).toBeInstanceOf(DataError);
    return (e as DataError).problems;
  }
  throw new Error('loadOdInputs accepted the input');
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

describe('the loader refuses what data/SOURCES.md says it refuses (issue 25)', () => {
  it('refuses 1e999 (Infinity) in a numeric cell with file, line and column', () => {
    const weight = problemsOf(readerWith(DATA_FILES.poolingAreas, (t) => setCell(t, 5, 'weight', '1e999')));
    expect(weight).toContainEqual(
      expect.objectContaining({
        file: 'pooling-areas.csv',
        line: 5,
        column: 'weight',
        message: expect.stringMatching(/finite/),
      }),
    );
    const value = problemsOf(
      readerWith(DATA_FILES.targets, (t) => t.replace(',21893095,persons,', ',1e999,persons,')),
    );
    expect(value).toContainEqual(expect.objectContaining({ file: 'targets.csv', line: 3, column: 'value' }));
    const times = problemsOf(
      readerWith(DATA_FILES.directSettlement, (t) => t.replace(',2024,156000000,', ',2024,-1e999,')),
    );
    expect(times).toContainEqual(
      expect.objectContaining({ file: 'direct-settlement.csv', line: 2, column: 'person_times' }),
    );
    const corridor = odInputProblemsOf(
      readerWith(DATA_FILES.corridors, (t) => t.replace('\n13,11,count,2160000,', '\n13,11,count,1e999,')),
    );
    expect(corridor).toContainEqual(
      expect.objectContaining({ file: 'corridors.csv', line: 2, column: 'value' }),
    );
  });

  it('refuses a table with a header and no rows, naming the file (targets.csv did reach calibration)', () => {
    for (const file of Object.values(DATA_FILES)) {
      const read = readerWith(file, headerOnly);
      const problems = file === DATA_FILES.corridors ? odInputProblemsOf(read) : problemsOf(read);
      expect(problems, file).toContainEqual(
        expect.objectContaining({ file, message: expect.stringMatching(/no data rows/) }),
      );
    }
  });

  it('refuses a duplicated key in every keyed table, naming both lines', () => {
    const cases: [file: string, line: number, column: string][] = [
      [DATA_FILES.provinces, 3, 'code2'],
      [DATA_FILES.poolingAreas, 7, 'code'],
      [DATA_FILES.od, 4, 'origin'],
      [DATA_FILES.targets, 10, 'name'],
      [DATA_FILES.directSettlement, 3, 'type'],
      [DATA_FILES.corridors, 2, 'origin_code2'],
    ];
    for (const [file, line, column] of cases) {
      let at = 0;
      const read = readerWith(file, (t) => {
        const d = duplicateLine(t, line);
        at = d.at;
        return d.text;
      });
      const problems = file === DATA_FILES.corridors ? odInputProblemsOf(read) : problemsOf(read);
      expect(problems, file).toContainEqual(
        expect.objectContaining({
          file,
          line: at,
          column,
          message: expect.stringMatching(new RegExp(`appears twice.*line ${line}\\b`)),
        }),
      );
    }
  });

  it('refuses targets.csv without a required row, naming the key and the file', () => {
    const province = problemsOf(
      readerWith(DATA_FILES.targets, (t) => dropLinesStartingWith(t, 'inflow/44,')),
    );
    expect(province).toContainEqual(
      expect.objectContaining({
        file: 'targets.csv',
        line: 0,
        column: 'name',
        message: expect.stringMatching(/no row for target inflow\/44/),
      }),
    );
    const national = problemsOf(
      readerWith(DATA_FILES.targets, (t) => dropLinesStartingWith(t, 'employee-insured,')),
    );
    expect(national).toContainEqual(
      expect.objectContaining({ file: 'targets.csv', message: expect.stringMatching(/employee-insured/) }),
    );
  });

  it('refuses a province target whose province_code2 disagrees with its name, and a malformed name', () => {
    const problems = problemsOf(
      readerWith(DATA_FILES.targets, (t) =>
        t.replace('population/44,44,', 'population/44,45,').replace('\nwage/national,', '\n__proto__,'),
      ),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'targets.csv',
        column: 'province_code2',
        message: expect.stringMatching(/44/),
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'targets.csv',
        column: 'name',
        message: expect.stringMatching(/__proto__/),
      }),
    );
  });

  it('refuses a fractional year in direct-settlement.csv', () => {
    const problems = problemsOf(
      readerWith(DATA_FILES.directSettlement, (t) => t.replace(',2024,156000000,', ',2024.5,156000000,')),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ file: 'direct-settlement.csv', line: 2, column: 'year' }),
    );
  });

  it('refuses corridors.csv without a fit count, which the matrix is fitted to', () => {
    const problems = odInputProblemsOf(
      readerWith(DATA_FILES.corridors, (t) => t.replaceAll(',fit,', ',check,')),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ file: 'corridors.csv', message: expect.stringMatching(/fit/) }),
    );
  });
});
