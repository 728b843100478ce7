/**
 * The cross-province direct-settlement table (跨省异地就医直接结算表), `direct-settlement.csv`: the
 * published person-times and amounts of each kind of care in one year, with the first-quarter
 * factor and the bill CV that the clearing's direct-settlement flows (src/clearing/directSettlement.ts)
 * are shaped by. Problems are recorded as every table's are.
 */
import { readTable } from './csv';
import type { DataProblem } from './dataError';
import { DATA_FILES, DIRECT_SETTLEMENT_TYPES, type DirectSettlementType } from './dataset';
import { TableKeys } from './keys';

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
