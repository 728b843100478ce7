/**
 * The simulation engine (模拟引擎): months × families, calling the rules for every decision, with
 * flows, monthly summaries, a conservation check and traces of named families as its output.
 */
export * from './behaviour';
export * from './input';
export {
  mergeRangeResults,
  series,
  SUMMARY,
  summaryIndex,
  TIMES_AT,
  FEN_AT,
  timesField,
  fenField,
  SUMMARY_FIELDS,
  CLASSES,
  ACCOUNT_CLASS,
  AGE_BANDS,
  ageBand,
  PROFILE_FIELDS,
  enrolmentIndex,
} from './result';
export type { RangeResult, FamilyTrace, TracedRefusal } from './result';
export { addRange, simulateRange, type RangeOptions } from './range';
