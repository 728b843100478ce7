/**
 * Parsers for each calibration table (校准数据表). Each takes the file text and what it depends on,
 * records every problem it finds (file, 1-based line, column) and returns what it could read; the
 * loader only hands out a dataset when no problem was recorded. Every table has a key (a province
 * code, a pooling-area code, a target name, …) that no two rows share, and tables that must cover
 * something (every province, every kind of care, every required target) say which row is missing.
 */
import { readTable, type Cells } from './csv';
import type { DataProblem } from './dataError';
import { TableKeys } from './keys';
import {
  type Corridor,
  type CorridorMetric,
  DATA_FILES,
  DIRECT_SETTLEMENT_TYPES,
  type DirectSettlementType,
  MAX_NOT_MODELLED,
  type PoolingArea,
  POOLING_AREA_KINDS,
  type Province,
  PROVINCE_KINDS,
  PROVINCE_TARGETS,
  REQUIRED_TARGETS,
  type StatusReason,
  TARGET_STATUSES,
  type Target,
  TOLERANCE_PCT,
  type ToleranceClass,
} from './dataset';

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

/** Parses `od-matrix.csv` (one row per origin, one column per destination) into a row-major matrix. */
export function parseOd(text: string, provinces: readonly Province[], problems: DataProblem[]): Float64Array {
  const file = DATA_FILES.od;
  const n = provinces.length;
  const od = new Float64Array(n * n);
  const codes = provinces.map((p) => p.code2);
  const table = readTable(file, text, ['origin', ...codes], problems);
  if (!table) return od;
  for (const h of table.header) {
    if (h !== 'origin' && !codes.includes(h)) {
      problems.push({ file, line: 1, column: h, message: `unknown province code "${h}"` });
    }
  }
  const keys = new TableKeys(file, 'origin', 'origin');
  for (const c of table.rows) {
    const origin = c.text('origin');
    const o = codes.indexOf(origin);
    if (o < 0) {
      c.problem('origin', `unknown province code "${origin}"`);
      continue;
    }
    keys.add(c, origin);
    for (let d = 0; d < n; d++) {
      const v = c.count(codes[d]!);
      if (o === d && v !== 0) c.problem(codes[d]!, 'must be 0: migrants between provinces only');
      od[o * n + d] = v;
    }
  }
  if (table.rows.length > 0) keys.requireAll(codes, problems);
  return od;
}

const TARGET_COLUMNS = [
  'name',
  'province_code2',
  'label_zh',
  'label_en',
  'value',
  'unit',
  'published_as',
  'year',
  'source',
  'tolerance_class',
  'status',
  'status_reason_zh',
  'status_reason_en',
  'compared_with',
] as const;

/** A target name: lower-case words, digits and `-+./`, e.g. `age-share/65+`. */
const TARGET_NAME = /^[a-z0-9][a-z0-9+\-./]*$/;

/** A target about one province, whose name ends in its code, e.g. `inflow/44`. */
const PROVINCE_TARGET = /^(?:population|inflow|outflow)\/(\d{2})$/;

/**
 * The reason of a target's status: required in both languages for a `reference` or `not-modelled`
 * target, blank for a `checked` one (whose tolerance says all); the third and later `not-modelled`
 * rows are refused ({@link MAX_NOT_MODELLED}).
 */
function statusReason(c: Cells, status: string, notModelledBefore: number): StatusReason | null {
  const columns = ['status_reason_zh', 'status_reason_en'] as const;
  if (status === 'checked') {
    for (const column of columns)
      if (c.raw(column) !== '')
        c.problem(column, 'must be blank for a checked target (a reason is for reference or not-modelled)');
    return null;
  }
  if (status === 'not-modelled' && notModelledBefore >= MAX_NOT_MODELLED)
    c.problem('status', `at most ${MAX_NOT_MODELLED} targets may be not-modelled; this is one more`);
  const [zh, en] = columns.map((column) => c.text(column)) as [string, string];
  return { zh, en };
}

/**
 * Parses `targets.csv`. Names are unique and well formed; every {@link REQUIRED_TARGETS} row and
 * every {@link PROVINCE_TARGETS} row of every province is present; a non-blank `province_code2`
 * names a known province, the one a province target's name ends in; percentages lie in [0, 100];
 * a target's status is one of {@link TARGET_STATUSES}, with its reason when it is not `checked`.
 */
export function parseTargets(
  text: string,
  provinces: readonly Province[],
  problems: DataProblem[],
): Target[] {
  const file = DATA_FILES.targets;
  const table = readTable(file, text, TARGET_COLUMNS, problems);
  if (!table) return [];
  const codes = new Set(provinces.map((p) => p.code2));
  const keys = new TableKeys(file, 'name', 'target');
  const out: Target[] = [];
  let notModelled = 0;
  for (const c of table.rows) {
    const name = c.text('name');
    if (name !== '' && !TARGET_NAME.test(name))
      c.problem('name', `"${name}" is not a target name (lower-case letters, digits and -+./)`);
    else keys.add(c, name);
    const provinceCode2 = c.raw('province_code2');
    if (provinceCode2 !== '' && !codes.has(provinceCode2)) {
      c.problem('province_code2', `unknown province code "${provinceCode2}"`);
    }
    const about = PROVINCE_TARGET.exec(name)?.[1];
    if (about !== undefined && provinceCode2 !== about)
      c.problem('province_code2', `"${provinceCode2}" should be ${about}, the province of ${name}`);
    const unit = c.oneOf('unit', ['persons', 'yuan', 'percent'] as const);
    const status = c.oneOf('status', TARGET_STATUSES);
    const reason = TARGET_STATUSES.includes(status) ? statusReason(c, status, notModelled) : null;
    if (status === 'not-modelled') notModelled += 1;
    out.push({
      name,
      provinceCode2: provinceCode2 === '' ? null : provinceCode2,
      labelZh: c.text('label_zh'),
      labelEn: c.text('label_en'),
      value: c.number('value', 0, unit === 'percent' ? 100 : Infinity),
      unit,
      publishedAs: c.text('published_as'),
      year: c.text('year'),
      source: c.text('source'),
      toleranceClass: c.oneOf('tolerance_class', Object.keys(TOLERANCE_PCT) as ToleranceClass[]),
      status,
      statusReason: reason,
      comparedWith: c.text('compared_with'),
    });
  }
  if (table.rows.length > 0) {
    keys.requireAll(REQUIRED_TARGETS, problems);
    keys.requireAll(
      PROVINCE_TARGETS.flatMap((kind) => provinces.map((p) => `${kind}/${p.code2}`)),
      problems,
    );
  }
  return out;
}

const CORRIDOR_COLUMNS = [
  'origin_code2',
  'dest_code2',
  'metric',
  'value',
  'year',
  'use',
  'reliability',
  'source',
] as const;
const METRICS: readonly CorridorMetric[] = ['count', 'lower-bound', 'upper-bound', 'share-pct', 'rank'];

/**
 * Parses `corridors.csv`, the published origin → destination figures: one row per origin,
 * destination, metric and year, and at least one `fit` count, which the matrix is fitted to.
 */
export function parseCorridors(
  text: string,
  provinces: readonly Province[],
  problems: DataProblem[],
): Corridor[] {
  const file = DATA_FILES.corridors;
  const table = readTable(file, text, CORRIDOR_COLUMNS, problems);
  if (!table) return [];
  const codes = new Set(provinces.map((p) => p.code2));
  const keys = new TableKeys(file, 'origin_code2', 'corridor');
  const out: Corridor[] = [];
  for (const c of table.rows) {
    const origin = c.text('origin_code2');
    const destination = c.text('dest_code2');
    if (!codes.has(origin)) c.problem('origin_code2', `unknown province code "${origin}"`);
    if (!codes.has(destination)) c.problem('dest_code2', `unknown province code "${destination}"`);
    if (origin === destination) c.problem('dest_code2', 'equals the origin');
    const metric = c.oneOf('metric', METRICS);
    const year = c.text('year');
    keys.add(c, `${origin}→${destination} ${metric} ${year}`);
    out.push({
      origin,
      destination,
      metric,
      value: c.number('value', 0),
      year,
      use: c.oneOf('use', ['fit', 'check'] as const),
      reliability: c.oneOf('reliability', ['high', 'medium', 'low'] as const),
      source: c.text('source'),
    });
  }
  if (table.rows.length > 0 && !out.some((x) => x.use === 'fit' && x.metric === 'count')) {
    problems.push({
      file,
      line: 0,
      column: 'use',
      message: 'has no row with use "fit" and metric "count"; the migrant matrix is fitted to those',
    });
  }
  return out;
}

const DIRECT_SETTLEMENT_COLUMNS = [
  'type',
  'name_zh',
  'name_en',
  'year',
  'person_times',
  'amount_yuan',
  'q1_factor',
  'bill_cv',
  'source',
] as const;

/**
 * Parses `direct-settlement.csv`: one row for each kind of care, all of one year (a whole number
 * from 2000 to 2100), with finite positive person-times and amounts, a first-quarter factor in
 * (0, 2] and a bill CV in [0, 10].
 */
export function parseDirectSettlement(text: string, problems: DataProblem[]): DirectSettlementType[] {
  const file = DATA_FILES.directSettlement;
  const table = readTable(file, text, DIRECT_SETTLEMENT_COLUMNS, problems);
  if (!table) return [];
  const out: DirectSettlementType[] = [];
  const keys = new TableKeys(file, 'type', 'type');
  for (const c of table.rows) {
    const type = c.oneOf('type', DIRECT_SETTLEMENT_TYPES);
    if ((DIRECT_SETTLEMENT_TYPES as readonly string[]).includes(type)) keys.add(c, type);
    const q1Factor = c.number('q1_factor', 0);
    const billCv = c.number('bill_cv', 0);
    if (!(q1Factor > 0 && q1Factor <= 2))
      c.problem('q1_factor', `expected a factor in (0, 2], got ${q1Factor}`);
    if (!(billCv <= 10))
      c.problem('bill_cv', `expected a coefficient of variation from 0 to 10, got ${billCv}`);
    const personTimes = c.number('person_times', 1);
    const amountYuan = c.number('amount_yuan', 1);
    const year = c.count('year');
    if (year < 2000 || year > 2100) c.problem('year', `${year} is outside the allowed range [2000, 2100]`);
    out.push({
      type,
      nameZh: c.text('name_zh'),
      nameEn: c.text('name_en'),
      year,
      personTimes,
      amountYuan,
      q1Factor,
      billCv,
      source: c.text('source'),
    });
  }
  if (table.rows.length > 0) keys.requireAll(DIRECT_SETTLEMENT_TYPES, problems);
  if (new Set(out.map((r) => r.year)).size > 1) {
    problems.push({ file, line: 0, column: 'year', message: 'rows must all be of one year' });
  }
  return out;
}
