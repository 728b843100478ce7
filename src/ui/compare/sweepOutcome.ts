/**
 * The outcome a finished sweep draws against its parameter (扫描结果指标), pure functions only: a
 * figure nationally or a province's sharing measure, read from the sweep's DuckDB tables
 * (`<prefix>_sweep`, `<prefix>_sweep_provinces`) point by point with the interval's bounds when the
 * sweep was replicated, and the unit its values are in.
 */
import { quoteIdent, quoteText } from '../../analytics/connector';
import { parameterColumnName } from '../../analytics/sweepTables';
import { FIGURES } from '../../runtime/figures';
import type { Lang } from '../../text/i18n';
import type { CompletedSweep } from '../runs';
import { compareMessages } from './messages';

/** The outcome chosen: a figure by its key, or a province's measure with the province's index. */
export interface SweepOutcome {
  kind: 'figure' | 'province';
  key: string;
  province: number;
}

/** The SQL of the outcome's points (`x`, `value`, and `low`, `high` when replicated), in point order. */
export function outcomeSql(sweep: CompletedSweep, outcome: SweepOutcome): string {
  const { kind, key, province } = outcome;
  const parameter = sweep.request.parameters[0]!;
  const column = quoteIdent(parameterColumnName(parameter.path));
  const withIntervals = sweep.request.replications > 0;
  const bounds = (low: string, high: string) => (withIntervals ? `, ${low} AS low, ${high} AS high` : '');
  return kind === 'figure'
    ? `SELECT ${column} AS x, value${bounds('low', 'high')} FROM ${quoteIdent(`${sweep.tablePrefix}_sweep`)} WHERE figure = ${quoteText(key)} ORDER BY point`
    : `SELECT ${column} AS x, value_fen AS value${bounds('low_fen', 'high_fen')} FROM ${quoteIdent(`${sweep.tablePrefix}_sweep_provinces`)} WHERE province = ${province} AND measure = ${quoteText(key)} ORDER BY point`;
}

/** The outcome's unit, and whether its values are money (drawn in 亿元 / billion yuan). */
export function outcomeUnit(
  outcome: Pick<SweepOutcome, 'kind' | 'key'>,
  lang: Lang,
): { unit: string; money: boolean } {
  const figure = FIGURES.find((f) => f.key === outcome.key);
  const money = outcome.kind === 'province' || figure?.unit === 'fen';
  const unit = money
    ? compareMessages['unit.yi'][lang]
    : figure?.unit === 'person-times'
      ? lang === 'zh'
        ? '人次'
        : 'person-times'
      : lang === 'zh'
        ? '个'
        : 'relationships';
  return { unit, money };
}
