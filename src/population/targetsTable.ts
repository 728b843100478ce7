/**
 * The calibration targets table (校准目标表), `targets.csv`: the published figures the synthetic
 * population must reproduce, each with its tolerance class and status, read against the provinces
 * (tables.ts) with problems recorded as every table's are.
 */
import { readTable, type Cells } from './csv';
import type { DataProblem } from './dataError';
import {
  DATA_FILES,
  MAX_NOT_MODELLED,
  type Province,
  PROVINCE_TARGETS,
  REQUIRED_TARGETS,
  type StatusReason,
  TARGET_STATUSES,
  type Target,
  TOLERANCE_PCT,
  type ToleranceClass,
} from './dataset';
import { TableKeys } from './keys';

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
