/**
 * Parsers for each calibration table (校准数据表). Each takes the file text and what it depends on,
 * records every problem it finds (file, 1-based line, column) and returns what it could read; the
 * loader only hands out a dataset when no problem was recorded. Every table has a key (a province
 * code, a pooling-area code, a target name, …) that no two rows share, and tables that must cover
 * something (every province, every kind of care, every required target) say which row is missing.
 * This file reads the divisions (provinces and pooling areas), which the other tables are checked
 * against: migrants between provinces are in migrationTables.ts, the calibration targets in
 * targetsTable.ts and cross-province direct settlement in directSettlementTable.ts.
 */
import { readTable, type Cells } from './csv';
import type { DataProblem } from './dataError';
import { DATA_FILES, type PoolingArea, POOLING_AREA_KINDS, type Province, PROVINCE_KINDS } from './dataset';
import { TableKeys } from './keys';

export { parseDirectSettlement } from './directSettlementTable';
export { parseCorridors, parseOd } from './migrationTables';
export { parseTargets } from './targetsTable';

const PROVINCE_COLUMNS = [
  'code2',
  'adcode',
  'name_zh',
  'name_zh_short',
  'name_en',
  'kind',
  'is_municipality',
  'population_2020',
  'age_0_14',
  'age_15_64',
  'age_65_plus',
  'age_60_plus',
  'inflow_2020',
  'outflow_2020',
  'outflow_bound',
  'wage_2023_yuan',
  'wage_source',
  'prefecture_count',
  'capital_zh',
  'capital_en',
  'capital_lat',
  'capital_lon',
] as const;

/** Parses `provinces.csv`; returns the provinces sorted by code2. */
export function parseProvinces(text: string, problems: DataProblem[]): Province[] {
  const table = readTable(DATA_FILES.provinces, text, PROVINCE_COLUMNS, problems);
  if (!table) return [];
  const out: Province[] = [];
  const keys = new TableKeys(DATA_FILES.provinces, 'code2', 'province');
  for (const c of table.rows) {
    const code2 = c.text('code2');
    if (!/^\d{2}$/.test(code2)) c.problem('code2', `"${code2}" is not a two-digit province code`);
    else keys.add(c, code2);
    const adcode = c.text('adcode');
    if (adcode !== `${code2}0000`) c.problem('adcode', `"${adcode}" should be ${code2}0000`);
    const kind = c.oneOf('kind', PROVINCE_KINDS);
    const isMunicipality = c.flag('is_municipality');
    if (isMunicipality !== (kind === 'municipality')) c.problem('is_municipality', 'disagrees with kind');
    const p: Province = {
      code2,
      adcode,
      nameZh: c.text('name_zh'),
      nameZhShort: c.text('name_zh_short'),
      nameEn: c.text('name_en'),
      kind,
      isMunicipality,
      population: c.count('population_2020'),
      age0to14: c.count('age_0_14'),
      age15to64: c.count('age_15_64'),
      age65plus: c.count('age_65_plus'),
      age60plus: c.count('age_60_plus'),
      inflow: c.count('inflow_2020'),
      outflow: c.optionalCount('outflow_2020'),
      outflowBound: null,
      wageYuan: c.count('wage_2023_yuan'),
      wageSource: c.oneOf('wage_source', ['published', 'estimated'] as const),
      prefectureCount: c.count('prefecture_count'),
      capitalZh: c.text('capital_zh'),
      capitalEn: c.text('capital_en'),
      capitalLat: c.number('capital_lat', 15, 55),
      capitalLon: c.number('capital_lon', 70, 140),
    };
    checkProvince(c, p);
    out.push(p);
  }
  return out.sort((a, b) => (a.code2 < b.code2 ? -1 : a.code2 > b.code2 ? 1 : 0));
}

function checkProvince(c: Cells, p: Province): void {
  const bound = c.raw('outflow_bound');
  if (p.outflow === null) {
    if (bound !== '') c.problem('outflow_bound', 'is set but outflow_2020 is blank');
  } else {
    p.outflowBound = c.oneOf('outflow_bound', ['exact', 'lower'] as const);
    if (p.outflow >= p.population * 2) c.problem('outflow_2020', 'is implausibly large');
  }
  if (p.age0to14 + p.age15to64 + p.age65plus !== p.population && !Number.isNaN(p.population)) {
    c.problem('population_2020', 'is not the sum of age_0_14, age_15_64 and age_65_plus');
  }
  if (p.age60plus < p.age65plus) c.problem('age_60_plus', 'is smaller than age_65_plus');
  if (p.inflow > p.population) c.problem('inflow_2020', 'exceeds population_2020');
  if (p.wageYuan === 0) c.problem('wage_2023_yuan', 'must be positive');
  if (p.isMunicipality && p.prefectureCount !== 0)
    c.problem('prefecture_count', 'must be 0 for a municipality');
}

const AREA_COLUMNS = ['code', 'name_zh', 'province_code2', 'kind', 'weight', 'weight_source'] as const;

/** Parses `pooling-areas.csv` against the provinces; returns the areas sorted by code. */
export function parsePoolingAreas(
  text: string,
  provinces: readonly Province[],
  problems: DataProblem[],
): PoolingArea[] {
  const file = DATA_FILES.poolingAreas;
  const table = readTable(file, text, AREA_COLUMNS, problems);
  if (!table) return [];
  const indexOf = new Map(provinces.map((p, i) => [p.code2, i]));
  const out: PoolingArea[] = [];
  const keys = new TableKeys(file, 'code', 'pooling area');
  const perProvince = new Map<string, number>();
  for (const c of table.rows) {
    const code = c.text('code');
    if (!/^\d{6}$/.test(code)) c.problem('code', `"${code}" is not a six-digit division code`);
    else keys.add(c, code);
    const provinceCode2 = c.text('province_code2');
    const province = indexOf.get(provinceCode2);
    if (province === undefined) c.problem('province_code2', `unknown province code "${provinceCode2}"`);
    else if (!code.startsWith(provinceCode2))
      c.problem('code', `does not start with its province code ${provinceCode2}`);
    const kind = c.oneOf('kind', POOLING_AREA_KINDS);
    if (province !== undefined && (kind === 'municipality') !== provinces[province]!.isMunicipality) {
      c.problem('kind', `"${kind}" does not fit province ${provinceCode2}`);
    }
    const weight = c.number('weight', 0);
    if (weight === 0) c.problem('weight', 'must be positive');
    perProvince.set(provinceCode2, (perProvince.get(provinceCode2) ?? 0) + 1);
    out.push({
      code,
      nameZh: c.text('name_zh'),
      provinceCode2,
      province: province ?? -1,
      kind,
      weight,
      weightSource: c.text('weight_source'),
    });
  }
  for (const p of table.rows.length > 0 ? provinces : []) {
    const expected = p.isMunicipality ? 1 : p.prefectureCount;
    const found = perProvince.get(p.code2) ?? 0;
    if (found !== expected) {
      problems.push({
        file,
        line: 0,
        column: 'province_code2',
        message: `province ${p.code2} has ${found} pooling areas; provinces.csv implies ${expected}`,
      });
    }
  }
  return out.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
