/**
 * What one engine run reads (引擎输入): the rule and behaviour parameters, the simulated window,
 * the seed, the calibrated population model and the scale, plus the official codes of the pooling
 * areas and provinces (the wallet rollout and the trace name places by code).
 */
import type { PopulationModel } from '../population/calibration';
import type { RuleParameters } from '../rules/parameters';
import type { BehaviourParameters } from './behaviour';

/** A window of whole months, `YYYY-MM` to `YYYY-MM`, both included. */
export interface MonthWindow {
  start: string;
  end: string;
}

/** Everything a run over a family range needs; plain data, so it can be sent to a worker. */
export interface EngineInput {
  rules: RuleParameters;
  behaviour: BehaviourParameters;
  window: MonthWindow;
  /** The scenario seed; the engine's family streams are keyed by it (and apart from the population's). */
  seed: string;
  model: PopulationModel;
  /** Scale 1:k: every k-th family is simulated and weighs k. */
  scaleK: number;
  /** Number of pooling areas (the flow cube's area dimension); equals model.areaCount. */
  areaCount: number;
  /** Six-digit code of each pooling area, by area index. */
  areaCodes: readonly string[];
  /** Province index of each pooling area. */
  areaProvince: readonly number[];
  /** Two-digit code of each province, by province index. */
  provinceCodes: readonly string[];
}

/** The parts of a scenario the engine reads, already converted to plain parameter objects. */
export interface EngineParameters {
  rules: RuleParameters;
  behaviour: BehaviourParameters;
  window: MonthWindow;
  seed: string;
}

/** Pooling areas and provinces as the dataset lists them (only the codes are read). */
export interface EngineGeography {
  poolingAreas: readonly { code: string; province: number }[];
  provinces: readonly { code2: string }[];
}

/** Builds the engine input from converted scenario parameters, the model and the dataset's codes. */
export function engineInput(
  params: EngineParameters,
  model: PopulationModel,
  geography: EngineGeography,
  scaleK: number,
): EngineInput {
  if (geography.poolingAreas.length !== model.areaCount) {
    throw new RangeError(
      `the dataset lists ${geography.poolingAreas.length} pooling areas but the model has ${model.areaCount}`,
    );
  }
  return {
    ...params,
    model,
    scaleK,
    areaCount: model.areaCount,
    areaCodes: geography.poolingAreas.map((a) => a.code),
    areaProvince: geography.poolingAreas.map((a) => a.province),
    provinceCodes: geography.provinces.map((p) => p.code2),
  };
}

/** Months since year 0 of a `YYYY-MM` text (so that months compare and subtract as integers). */
export function monthNumber(month: string): number {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) throw new RangeError(`not a month "${month}": expected YYYY-MM`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

/** The `YYYY-MM` text of a month number. */
export function monthText(n: number): string {
  return `${String(Math.floor(n / 12)).padStart(4, '0')}-${String((n % 12) + 1).padStart(2, '0')}`;
}

/** The months of a window, as texts, in order. */
export function windowMonths(window: MonthWindow): string[] {
  const a = monthNumber(window.start);
  const b = monthNumber(window.end);
  if (b < a) throw new RangeError(`window ends (${window.end}) before it starts (${window.start})`);
  return Array.from({ length: b - a + 1 }, (_, i) => monthText(a + i));
}
