/**
 * Validation of the synthetic population (人口校验): tallies generated chunks (each person counted
 * as many times as the chunk's scale says) and sets every published target of the dataset beside
 * the generated value, with the relative error, the target's tolerance and its status: within or
 * outside tolerance, or — for a target marked so in `targets.csv`, with the reason — a reference
 * figure (a different statistic, shown beside the model) or one the model does not reproduce.
 */
import type { PopulationModel } from './calibration';
import { type PopulationChunk, Role, SchemeCode } from './columns';
import { type StatusReason, type Target, TOLERANCE_PCT } from './dataset';
import { MAX_SIBLINGS } from './family/parameters';
import { populationChunks } from './generate';
import type { StreamKey } from './random';

/**
 * The verdict on one target (校验结论): `within` or `outside` its tolerance for a checked target;
 * `reference` and `not-modelled` for targets not checked (see {@link Target.status}), which are never
 * counted as misses.
 */
export type ValidationStatus = 'within' | 'outside' | 'reference' | 'not-modelled';

/** Every validation status, in the order reports list them. */
export const VALIDATION_STATUSES: readonly ValidationStatus[] = [
  'within',
  'outside',
  'reference',
  'not-modelled',
];

/** The rows that count as misses: checked targets outside their tolerance. */
export function outsideTolerance<T extends { status: ValidationStatus }>(rows: readonly T[]): T[] {
  return rows.filter((r) => r.status === 'outside');
}

/** One line of the validation report. */
export interface ValidationRow {
  /** The target's key in data/targets.csv, e.g. `population/11` or `employee-insured`. */
  name: string;
  /** Bilingual label for people. */
  label: string;
  unit: Target['unit'];
  published: number;
  generated: number;
  /** (generated − published) / published. */
  relError: number;
  /** Allowed |relError| in percent (0 for a lower bound, which generated must reach). */
  tolerancePct: number;
  /**
   * Whether the generated value is within tolerance (or reaches the lower bound); false for a target
   * that is not checked — read `status` for the verdict.
   */
  within: boolean;
  /** The verdict: within or outside tolerance, or a reference / not-modelled target. */
  status: ValidationStatus;
  /** Why a reference or not-modelled target is not checked; null for a checked one. */
  reason: StatusReason | null;
}

/** Weighted totals of generated persons, by what the targets compare. */
export class PopulationTally {
  persons = 0;
  /** Residents by province of residence; migrants by destination and by hukou province. */
  readonly residents: Float64Array;
  readonly inflow: Float64Array;
  readonly outflow: Float64Array;
  migrants = 0;
  employees = 0;
  retired = 0;
  withAccount = 0;
  poolingOnly = 0;
  residentInsured = 0;
  balanceFen = 0;
  yearlyCreditsFen = 0;
  age0to14 = 0;
  age15to59 = 0;
  age60plus = 0;
  age65plus = 0;
  /** Children aged 0 by birth order within their parents' household: first, second, third. */
  readonly births = new Float64Array(3);
  /** In-service employees and the sum of their wages (fen). */
  inServiceEmployees = 0;
  wageFen = 0;

  constructor(readonly provinces: number) {
    this.residents = new Float64Array(provinces);
    this.inflow = new Float64Array(provinces);
    this.outflow = new Float64Array(provinces);
  }

  /** Adds every person of `chunk`, each counted `chunk.weight` times. */
  add(chunk: PopulationChunk): void {
    const w = chunk.weight;
    const {
      age,
      scheme,
      retired,
      role,
      branch,
      residenceProvince,
      hukouProvince,
      balanceFen,
      monthlyCreditFen,
    } = chunk;
    const counts = new Float64Array(14);
    const childOrder = new Int32Array(MAX_SIBLINGS);
    let balance = 0;
    let credits = 0;
    let wages = 0;
    for (let f = 0; f < chunk.familyCount; f++) {
      childOrder.fill(0);
      for (let k = chunk.familyStart[f]!; k < chunk.familyStart[f + 1]!; k++) {
        const a = age[k]!;
        const s = scheme[k]!;
        const home = residenceProvince[k]!;
        const hukou = hukouProvince[k]!;
        this.residents[home]! += w;
        if (home !== hukou) {
          this.inflow[home]! += w;
          this.outflow[hukou]! += w;
        }
        counts[a < 15 ? 0 : a < 60 ? 1 : a < 65 ? 2 : 3]!++;
        counts[4 + s]!++;
        if (s <= SchemeCode.employeePoolingOnly) {
          if (retired[k] === 1) counts[8]!++;
          else {
            counts[9]!++;
            wages += chunk.wageFen[k]!;
          }
        }
        if (role[k] === Role.child) {
          const order = childOrder[branch[k]!]!++;
          if (a === 0) counts[10 + Math.min(order, 2)]!++;
        }
        balance += balanceFen[k]!;
        credits += monthlyCreditFen[k]!;
      }
    }
    this.persons += chunk.personCount * w;
    this.age0to14 += counts[0]! * w;
    this.age15to59 += counts[1]! * w;
    this.age60plus += (counts[2]! + counts[3]!) * w;
    this.age65plus += counts[3]! * w;
    this.withAccount += counts[4 + SchemeCode.employeeAccount]! * w;
    this.poolingOnly += counts[4 + SchemeCode.employeePoolingOnly]! * w;
    this.residentInsured += counts[4 + SchemeCode.resident]! * w;
    this.employees = this.withAccount + this.poolingOnly;
    this.retired += counts[8]! * w;
    this.inServiceEmployees += counts[9]! * w;
    this.wageFen += wages * w;
    for (let o = 0; o < 3; o++) this.births[o]! += counts[10 + o]! * w;
    this.balanceFen += balance * w;
    this.yearlyCreditsFen += 12 * credits * w;
    this.migrants = this.inflow.reduce((a, b) => a + b, 0);
  }
}

/** Tallies the whole 1:`scaleK` sample, streaming chunks so that memory stays bounded. */
export function tallyPopulation(
  model: PopulationModel,
  seed: string | StreamKey,
  scaleK: number,
): PopulationTally {
  const tally = new PopulationTally(model.provinceCount);
  for (const chunk of populationChunks(model, seed, scaleK)) tally.add(chunk);
  return tally;
}

/**
 * The generated value a target compares with (see its `compared_with` column), in the target's
 * unit, or null when the population does not produce it (account spending is simulated later).
 */
export function generatedValue(
  name: string,
  t: PopulationTally,
  provinceCodes: readonly string[],
): number | null {
  const [kind, key] = name.split('/') as [string, string | undefined];
  const p = key === undefined ? -1 : provinceCodes.indexOf(key);
  const pct = (x: number): number => (100 * x) / t.persons;
  const births = t.births[0]! + t.births[1]! + t.births[2]!;
  if (kind === 'population') return key === 'total' ? t.persons : p >= 0 ? t.residents[p]! : null;
  if (kind === 'inflow') return key === 'total' ? t.migrants : p >= 0 ? t.inflow[p]! : null;
  if (kind === 'outflow') return p >= 0 ? t.outflow[p]! : null;
  // Every wage target is set beside the one wage the population has: the insured employees' mean.
  if (kind === 'wage') {
    if (key !== 'national' && key !== 'private') return null;
    return t.inServiceEmployees > 0 ? t.wageFen / 100 / t.inServiceEmployees : NaN;
  }
  if (kind === 'birth-order-share') {
    const order = { '1': 0, '2': 1, '3+': 2 }[key ?? ''];
    return order === undefined || births === 0 ? null : (100 * t.births[order]!) / births;
  }
  const simple: Record<string, number> = {
    'employee-insured': t.employees,
    'employee-retired': t.retired,
    'employee-with-account': t.withAccount,
    'employee-pooling-only': t.poolingOnly,
    'resident-insured': t.residentInsured,
    'account-balance': t.balanceFen / 100,
    'account-credits': t.yearlyCreditsFen / 100,
    'age-share/0-14': pct(t.age0to14),
    'age-share/15-59': pct(t.age15to59),
    'age-share/60+': pct(t.age60plus),
    'age-share/65+': pct(t.age65plus),
  };
  return name in simple ? simple[name]! : null;
}

/**
 * The report: every target the population produces, in the dataset's order, with its generated
 * value and relative error; targets it does not produce are returned in `skipped`.
 */
export function validationRows(
  targets: readonly Target[],
  tally: PopulationTally,
  provinceCodes: readonly string[],
): { rows: ValidationRow[]; skipped: string[] } {
  const rows: ValidationRow[] = [];
  const skipped: string[] = [];
  for (const target of targets) {
    const generated = generatedValue(target.name, tally, provinceCodes);
    if (generated === null || !Number.isFinite(generated)) {
      skipped.push(target.name);
      continue;
    }
    const relError = (generated - target.value) / target.value;
    const tolerancePct = TOLERANCE_PCT[target.toleranceClass];
    const checked = target.status === 'checked';
    const within =
      checked &&
      (target.toleranceClass === 'lower-bound'
        ? generated >= target.value
        : Math.abs(relError) * 100 <= tolerancePct);
    rows.push({
      name: target.name,
      label: `${target.labelZh} ${target.labelEn}`,
      unit: target.unit,
      published: target.value,
      generated,
      relError,
      tolerancePct,
      within,
      status: target.status === 'checked' ? (within ? 'within' : 'outside') : target.status,
      reason: target.statusReason,
    });
  }
  return { rows, skipped };
}
