/**
 * The prepayment model (预付金测算), rules C5–C7: from the expected claims of every province pair and
 * their month-to-month randomness in the whole population (and, when the scenario gives ranges,
 * the spread of its uncertain parameters), many years of claims are drawn without simulating
 * again, and for every insured-place province the model answers:
 * - the prepayment needed to avoid a red warning with a chosen confidence, with an interval for
 *   how sure that figure is, and its split among the treatment provinces (`neededSize.ts`);
 * - how the scenario's own rule fares: its opening size (a forecast, or perfect foresight as a
 *   what-if), and over the draws the chance of a red or yellow warning in the year, how many
 *   warnings and top-ups, the peak usage and each month's usage;
 * - under the `direct-settlement` model, the same for the direct-settlement flows alone, so that
 *   what sharing adds can be read off.
 *
 * A draw gives each pair and month a lognormal amount with the pair-month's expected claims and
 * variance (the sum of many payments: non-negative and right-skewed), independently across pairs
 * and months; draws come in groups, one per replication that drew parameters. Everything is
 * seeded: the same inputs give the same figures.
 */
import { drawProvinces, Normals, type DrawCounts, type ProvinceDraws, type RuleOutcome } from './claimDraws';
import type { SpreadSources } from './claims';
import {
  bootstrapBase,
  bootstrapNeeded,
  criticalSizes,
  nearestRank,
  sizeAtConfidence,
  type NeededSize,
} from './neededSize';
import type { ClearingParameters } from './parameters';
import type { PrepaymentModelInput } from './prepaymentInput';
import type { FirstYearSizing } from './resize';
import { nextUnit, seedFamily, streamKey } from '../population/random';

/** Options of {@link prepaymentModel}. */
export interface PrepaymentModelOptions {
  /** Confidence of the needed size, P(no red warning in the year), in (0, 1). */
  confidence: number;
  /** Draws for the needed size; default enough for the confidence (at least 1,000). */
  draws?: number;
  /** Draws through which the rule is tracked day by day; default 100. */
  ruleDraws?: number;
  /** Bootstrap rounds for the interval; default 200 (100 with grouped draws). */
  bootstrap?: number;
}

/** One insured-place province. */
export interface ProvinceAnswer {
  province: number;
  /** The treatment provinces it holds a prepayment in. */
  treatments: Int32Array;
  /** The rule's opening size of each of those prepayments, and their sum. */
  openingFen: Float64Array;
  ruleOpeningFen: number;
  /** Needed size at the confidence with its interval; null when the confidence is not resolved. */
  needed: NeededSize | null;
  /** Each treatment province's share of the needed size. */
  split: Float64Array;
  /** Per draw, the critical size K: a fixed prepayment X warns red iff X ≤ K. */
  criticalFen: Float64Array;
  rule: RuleOutcome;
  /** Under `direct-settlement`: the same for the direct-settlement flows alone. */
  directSettlementOnly: { needed: NeededSize | null; ruleOpeningFen: number; rule: RuleOutcome } | null;
}

/** The model's answer for every province. */
export interface PrepaymentAnswer {
  model: ClearingParameters['prepayment']['model'];
  firstYear: FirstYearSizing['rule'];
  confidence: number;
  /** The interval's coverage (0.9: 5th to 95th percentile of the bootstrap). */
  interval: number;
  draws: number;
  ruleDraws: number;
  bootstrap: number;
  /** Groups of draws: replications that drew parameters, or 1. */
  groups: number;
  sources: SpreadSources;
  /** Null when the confidence is resolved; otherwise the fewest replications that would resolve it. */
  unresolved: null | { minimumReplications: number };
  provinces: ProvinceAnswer[];
  /** Sums over provinces (intervals from the same bootstrap rounds). */
  national: {
    needed: NeededSize | null;
    ruleOpeningFen: number;
    directSettlementOnly: { needed: NeededSize | null; ruleOpeningFen: number } | null;
  };
}

/** Draws that resolve a confidence: at least 1,000, and 50 beyond it. */
export function drawsFor(confidence: number, groups: number): number {
  const wanted = Math.min(20_000, Math.max(1_000, Math.ceil(50 / (1 - confidence))));
  return groups * Math.ceil(wanted / groups);
}

/**
 * The fewest parameter draws that resolve a confidence: with fewer, its quantile would rest on the
 * single most extreme draw (1 ÷ (1 − confidence), e.g. 20 for 95%, 100 for 99%).
 */
export function replicationsFor(confidence: number): number {
  return Math.ceil(1 / (1 - confidence) - 1e-9);
}

/** Bootstrap rounds: group multiplicities (resampled when grouped) and a stream for the pair factors. */
function bootstrapRounds(B: number, G: number, seed: string): Float64Array[] {
  const state = new Int32Array(4);
  seedFamily(streamKey(`${seed}|bootstrap-groups`), 0, state);
  return Array.from({ length: B }, () => {
    const w = new Float64Array(G);
    // One group is always drawn once: w[0] = 1.
    for (let g = 0; g < G; g++) w[Math.floor(nextUnit(state) * G)]! += 1;
    return w;
  });
}

/** One pair's bootstrap factors: its level perturbed by its estimation error, on its sharing part. */
function pairFactors(
  B: number,
  relVar: number,
  sharingShare: number,
  key: ReturnType<typeof streamKey>,
  c: number,
) {
  const normals = new Normals(key, c);
  const sd = Math.sqrt(relVar);
  return Float64Array.from({ length: B }, () => Math.max(0, 1 + sharingShare * sd * normals.next()));
}

/** The needed size, its interval and its bootstrap rounds, for one province's peaks. */
function needed(
  peaks: Float64Array[],
  factors: Float64Array[],
  rounds: Float64Array[],
  G: number,
  confidence: number,
  red: number,
): { size: NeededSize; rounds: Float64Array; critical: ReturnType<typeof criticalSizes> } {
  const critical = criticalSizes(peaks, confidence, red);
  const fen = sizeAtConfidence(critical.criticalFen, confidence);
  const base = bootstrapBase(peaks, critical.quantileFen, G);
  const pairFactor = new Float64Array(peaks.length);
  const byRound = Float64Array.from(rounds, (groupWeight, b) => {
    for (let j = 0; j < peaks.length; j++) pairFactor[j] = factors[j]![b]!;
    return bootstrapNeeded(base, pairFactor, groupWeight, confidence, red);
  });
  return { size: interval(fen, byRound), rounds: byRound, critical };
}

/** A size and the 5th–95th percentile of its bootstrap rounds. */
function interval(fen: number, rounds: Float64Array): NeededSize {
  const sorted = Float64Array.from(rounds).sort();
  return {
    fen,
    lowFen: Math.min(fen, nearestRank(sorted, 0.05)),
    highFen: Math.max(fen, nearestRank(sorted, 0.95)),
  };
}

/**
 * C5, C6: the prepayment model's answer from the drawn years of every province (`draws[i]` for
 * province i, from {@link drawProvinces} with at least {@link drawsFor} draws): the needed size at
 * the confidence with its bootstrap interval and split, and the rule's outcomes. Deterministic in its
 * inputs and `input.seed`.
 */
export function answerFrom(
  input: PrepaymentModelInput,
  draws: readonly ProvinceDraws[],
  options: Pick<PrepaymentModelOptions, 'confidence' | 'bootstrap'>,
): PrepaymentAnswer {
  const { params } = input;
  const { confidence } = options;
  const G = input.sharing.length;
  const B = options.bootstrap ?? (G > 1 ? 100 : 200);
  const red = params.warnings.red;
  const needsMore = input.sources.parameters && G < replicationsFor(confidence);
  const factorKey = streamKey(`${input.seed}|bootstrap-levels`);
  const rounds = bootstrapRounds(B, G, input.seed);
  const P = input.provinces;
  const nationalRounds = new Float64Array(B);
  const nationalBgRounds = new Float64Array(B);
  let nationalFen = 0;
  let nationalBgFen = 0;
  let nationalOpening = 0;
  let nationalBgOpening = 0;
  const answers = draws.map((p): ProvinceAnswer => {
    const i = p.province;
    const factors = Array.from(p.treatments, (j) =>
      pairFactors(B, input.levelRelVar[i * P + j]!, input.sharingShare[i * P + j]!, factorKey, i * P + j),
    );
    const main = needed(p.peaks, factors, rounds, G, confidence, red);
    const bg = p.directSettlementOnly;
    const bgFactors = factors.map(() => new Float64Array(B).fill(1));
    const bgNeeded = bg ? needed(bg.peaks, bgFactors, rounds, G, confidence, red) : null;
    // Stryker disable next-line EqualityOperator: round B is past the end of the rounds' typed arrays, and the writes are dropped
    for (let b = 0; b < B; b++) {
      nationalRounds[b] = nationalRounds[b]! + main.rounds[b]!;
      if (bgNeeded) nationalBgRounds[b] = nationalBgRounds[b]! + bgNeeded.rounds[b]!;
    }
    nationalFen += main.size.fen;
    nationalBgFen += bgNeeded?.size.fen ?? 0;
    const ruleOpeningFen = p.openingFen.reduce((a, b) => a + b, 0);
    nationalOpening += ruleOpeningFen;
    nationalBgOpening += bg?.ruleOpeningFen ?? 0;
    return {
      province: i,
      treatments: p.treatments,
      openingFen: p.openingFen,
      ruleOpeningFen,
      needed: needsMore ? null : main.size,
      split: main.critical.split,
      criticalFen: main.critical.criticalFen,
      rule: p.rule,
      directSettlementOnly:
        // Stryker disable next-line LogicalOperator: bgNeeded is set exactly when bg is, so either one alone decides
        bg && bgNeeded
          ? { needed: needsMore ? null : bgNeeded.size, ruleOpeningFen: bg.ruleOpeningFen, rule: bg.rule }
          : null,
    };
  });
  return {
    model: params.prepayment.model,
    firstYear: input.opening ? 'forecast' : 'perfect-foresight',
    confidence,
    interval: 0.9,
    // Every prepayment has the same number of draws; a province holding none has no peaks to count.
    draws: draws.find((p) => p.peaks.length > 0)?.peaks[0]!.length ?? 0,
    ruleDraws: 0,
    bootstrap: B,
    groups: G,
    sources: input.sources,
    unresolved: needsMore ? { minimumReplications: replicationsFor(confidence) } : null,
    provinces: answers,
    national: {
      needed: needsMore ? null : interval(nationalFen, nationalRounds),
      ruleOpeningFen: nationalOpening,
      directSettlementOnly: input.directSettlement
        ? {
            needed: needsMore ? null : interval(nationalBgFen, nationalBgRounds),
            ruleOpeningFen: nationalBgOpening,
          }
        : null,
    },
  };
}

/** The draw counts for a confidence: {@link drawsFor} draws, the rule tracked in 100 (in whole groups). */
export function drawCounts(input: PrepaymentModelInput, options: PrepaymentModelOptions): DrawCounts {
  const G = input.sharing.length;
  const draws = options.draws ?? drawsFor(options.confidence, G);
  return { draws, ruleDraws: Math.min(draws, options.ruleDraws ?? G * Math.ceil(100 / G)) };
}

/** Checks a model input and a confidence; throws a RangeError naming what is wrong. */
export function checkModelInput(input: PrepaymentModelInput, confidence: number): void {
  if (!(confidence > 0 && confidence < 1))
    throw new RangeError(`confidence: expected a number in (0, 1), got ${confidence}`);
  const G = input.sharing.length;
  if (G < 1 || (input.directSettlement && input.directSettlement.length !== G)) {
    throw new RangeError(
      `draw groups: ${G} for sharing, ${input.directSettlement?.length ?? 0} for direct settlement`,
    );
  }
}

/**
 * C5–C7: the prepayment model's answer for every province in this thread (see the module
 * comment): draws every province's years, then answers. Deterministic in its inputs and `input.seed`.
 */
export function prepaymentModel(
  input: PrepaymentModelInput,
  options: PrepaymentModelOptions,
): PrepaymentAnswer {
  checkModelInput(input, options.confidence);
  const counts = drawCounts(input, options);
  const all = Array.from({ length: input.provinces }, (_, i) => i);
  const answer = answerFrom(input, drawProvinces(input, counts, all), options);
  return { ...answer, ruleDraws: counts.ruleDraws };
}
