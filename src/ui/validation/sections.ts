/**
 * Sections of the Validation workspace (校验分组): each section is a source of rows — the synthetic
 * population, then the engine's calibration targets (2024 sharing: 3.71亿 person-times, 511.54亿元,
 * by use, by geography) — and all rows go into one DuckDB table, `validation`.
 */
import type { ColumnTable } from '../../analytics/columns';
import { quoteText } from '../../analytics/connector';
import type { ValidationStatus } from '../../population/validate';
import type { ValidationRecord } from '../../runtime/populationValidation';
import type { ValidationMessageKey } from './messages';

/** What a section is: its id (the `section` column), title and note. */
export interface SectionSpec {
  id: string;
  title: ValidationMessageKey;
  note: ValidationMessageKey;
}

/**
 * A row of a section: a population record, or an engine figure counted in person-times (`times`) or
 * a ratio of two amounts (`ratio`). A row without a status is a checked target (within or outside
 * by `within`); a reference or not-modelled row carries its reason in both languages.
 */
export interface TargetRecord extends Omit<ValidationRecord, 'unit' | 'status' | 'reasonZh' | 'reasonEn'> {
  unit: ValidationRecord['unit'] | 'times' | 'ratio' | 'count';
  /**
   * A published lower bound ("超"): within when the model is at most the tolerance below it, however
   * far above (a tolerance of 0 without this flag is a lower bound the model must reach).
   */
  lowerBound?: boolean;
  status?: ValidationStatus;
  reasonZh?: string;
  reasonEn?: string;
}

/** The verdict on a row: its status, or within / outside by `within` for a row that has none. */
export function recordStatus(r: TargetRecord): ValidationStatus {
  return r.status ?? (r.within ? 'within' : 'outside');
}

/** A section with the rows of its last run. */
export interface SectionRows extends SectionSpec {
  records: readonly TargetRecord[];
}

/**
 * The sections in page order: the synthetic population (`population`), the engine's calibration
 * targets from a run of calibration-2024 (`calibration`), then the five-year record 2021–2025 from
 * the record scenarios and the wallet's reach (`record`).
 */
export const VALIDATION_SECTIONS: readonly SectionSpec[] = [
  { id: 'population', title: 'section.population', note: 'section.population.note' },
  { id: 'calibration', title: 'section.calibration', note: 'section.calibration.note' },
  { id: 'record', title: 'section.record', note: 'section.record.note' },
];

/** The sections that have records in `recordsBySection`, in page order. */
export function sectionRows(
  specs: readonly SectionSpec[],
  recordsBySection: Readonly<Record<string, readonly TargetRecord[]>>,
): SectionRows[] {
  return specs.flatMap((spec) => {
    const records = recordsBySection[spec.id];
    return records ? [{ ...spec, records }] : [];
  });
}

/** Name of the DuckDB table that holds every section's rows. */
export const VALIDATION_TABLE = 'validation';

/** All sections' rows as one column table (`ord` keeps each section's order). */
export function validationTable(sections: readonly SectionRows[]): ColumnTable {
  const rows = sections.flatMap((s) => s.records.map((r, k) => ({ section: s.id, ord: k, ...r })));
  return {
    name: VALIDATION_TABLE,
    columns: {
      section: rows.map((r) => r.section),
      ord: Int32Array.from(rows, (r) => r.ord),
      name: rows.map((r) => r.name),
      label_zh: rows.map((r) => r.labelZh),
      label_en: rows.map((r) => r.labelEn),
      unit: rows.map((r) => r.unit),
      published: Float64Array.from(rows, (r) => r.published),
      generated: Float64Array.from(rows, (r) => r.generated),
      rel_error: Float64Array.from(rows, (r) => r.relError),
      tolerance_pct: Float64Array.from(rows, (r) => r.tolerancePct),
      within: Uint8Array.from(rows, (r) => (r.within ? 1 : 0)),
      lower_bound: Uint8Array.from(rows, (r) => (r.lowerBound ? 1 : 0)),
      status: rows.map(recordStatus),
      reason_zh: rows.map((r) => r.reasonZh ?? ''),
      reason_en: rows.map((r) => r.reasonEn ?? ''),
    },
  };
}

/**
 * The SQL of a section's table (and of its CSV download); amounts in yuan (`unit` = 'yuan') rounded
 * to the fen, two decimals; the status and, for a target not checked, the reason in both languages.
 */
export function tableSql(section: string): string {
  return `SELECT name, label_zh, label_en, unit, published,
  CASE WHEN unit = 'yuan' THEN round(generated, 2) ELSE generated END AS generated, rel_error, tolerance_pct, within = 1 AS within,
  status, reason_zh, reason_en, lower_bound = 1 AS lower_bound
FROM ${VALIDATION_TABLE} WHERE section = ${quoteText(section)} ORDER BY ord`;
}

/** The SQL of a section's chart: relative error and tolerance in percent points (and its CSV download). */
export function chartSql(section: string): string {
  return `SELECT name, label_zh, label_en, (100 * rel_error)::DOUBLE AS rel_error_pct, tolerance_pct,
  within = 1 AS within, status, lower_bound = 1 AS lower_bound
FROM ${VALIDATION_TABLE} WHERE section = ${quoteText(section)} ORDER BY ord`;
}
