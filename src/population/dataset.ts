/**
 * The calibration dataset (校准数据): the 31 provinces, their pooling areas (统筹地区), the estimated
 * inter-provincial migrant matrix and the published targets, as typed tables. Files live in `data/`
 * and are described, column by column, in `data/SOURCES.md`.
 */

/** The file names inside `data/`, as the loader asks for them. */
export const DATA_FILES = {
  provinces: 'provinces.csv',
  poolingAreas: 'pooling-areas.csv',
  od: 'od-matrix.csv',
  targets: 'targets.csv',
  corridors: 'corridors.csv',
  directSettlement: 'direct-settlement.csv',
} as const;

/** Kind of provincial unit (省级行政区): municipality (直辖市), province (省), autonomous region (自治区). */
export type ProvinceKind = 'municipality' | 'province' | 'autonomous region';

/** Every province kind, as written in `provinces.csv`. */
export const PROVINCE_KINDS: readonly ProvinceKind[] = ['municipality', 'province', 'autonomous region'];

/** How a province's cross-province outflow is known: exactly, or only as a lower bound. */
export type OutflowBound = 'exact' | 'lower';

/** One province (省) with its 2020 census figures, 2023 wage and capital. */
export interface Province {
  /** Two-digit GB/T 2260 code, e.g. '44'. */
  code2: string;
  /** Six-digit code, `code2` + '0000'. */
  adcode: string;
  nameZh: string;
  nameZhShort: string;
  nameEn: string;
  kind: ProvinceKind;
  /** True for the four municipalities, each one pooling area. */
  isMunicipality: boolean;
  /** Resident (常住) population, census 2020-11-01. */
  population: number;
  age0to14: number;
  age15to64: number;
  age65plus: number;
  age60plus: number;
  /** Residents whose hukou is in another province (省外流入), census 2020. */
  inflow: number;
  /** Hukou population living in other provinces (流出省外), when known; null otherwise. */
  outflow: number | null;
  /** Whether `outflow` is exact or a lower bound; null when `outflow` is null. */
  outflowBound: OutflowBound | null;
  /** Average yearly wage of urban non-private units, 2023, yuan. */
  wageYuan: number;
  /** Whether the wage is published or estimated (see SOURCES.md). */
  wageSource: 'published' | 'estimated';
  /** Prefecture-level divisions (地级行政区), 0 for municipalities. */
  prefectureCount: number;
  capitalZh: string;
  capitalEn: string;
  capitalLat: number;
  capitalLon: number;
}

/** Kind of pooling area: prefecture-level city, autonomous prefecture, 地区, league (盟), or municipality. */
export type PoolingAreaKind = 'city' | 'autonomous-prefecture' | 'prefecture' | 'league' | 'municipality';

/** Every pooling-area kind, as written in `pooling-areas.csv`. */
export const POOLING_AREA_KINDS: readonly PoolingAreaKind[] = [
  'city',
  'autonomous-prefecture',
  'prefecture',
  'league',
  'municipality',
];

/** One pooling area (统筹地区): a prefecture-level division, or a whole municipality. */
export interface PoolingArea {
  /** Six-digit official division code, e.g. '440300'; municipalities use the province code '110000'. */
  code: string;
  nameZh: string;
  provinceCode2: string;
  /** Index of its province in `Dataset.provinces`. */
  province: number;
  kind: PoolingAreaKind;
  /** Share weight within its province (any positive scale; only ratios within a province matter). */
  weight: number;
  /** How the weight was obtained, e.g. 'rule-equal-share' or 'census-2020'. */
  weightSource: string;
}

/** Tolerance classes of the targets, and the relative tolerance (percent) of each. */
export const TOLERANCE_PCT = {
  /** National totals. */
  national: 2,
  /** Per-province figures. */
  province: 5,
  /** Known origin totals of the migrant matrix. */
  origin: 2,
  /**
   * Shares within a small group of the sample: the birth-order shares rest on the babies aged 0,
   * about 3,650 sampled at 1:1000, whose binomial noise on the third-order share is about 4.7%.
   */
  subgroup: 5,
  /** A published lower bound: the model value must be at least the target. */
  'lower-bound': 0,
} as const;

/** A tolerance class name. */
export type ToleranceClass = keyof typeof TOLERANCE_PCT;

/**
 * What a target is for (目标性质): `checked` against its tolerance; a `reference` figure shown beside
 * the model with the reason it is not the same statistic, not counted as a miss; or `not-modelled`,
 * a figure the model cannot meet, shown with the reason.
 */
export type TargetStatus = 'checked' | 'reference' | 'not-modelled';

/** Every target status, as written in the `status` column of `targets.csv`. */
export const TARGET_STATUSES: readonly TargetStatus[] = ['checked', 'reference', 'not-modelled'];

/** At most this many targets may be marked `not-modelled` (issue 24: a model that misses more is not done). */
export const MAX_NOT_MODELLED = 2;

/** Why a target is a reference figure or not modelled, in both languages. */
export interface StatusReason {
  zh: string;
  en: string;
}

/**
 * Targets every `targets.csv` must have (必需的校准目标): the national totals and everything
 * calibration reads. Other rows (such as `outflow/41` or `account-spending`) are optional.
 */
export const REQUIRED_TARGETS = [
  'population/total',
  'inflow/total',
  'employee-insured',
  'employee-retired',
  'employee-with-account',
  'employee-pooling-only',
  'resident-insured',
  'account-balance',
  'account-credits',
  'age-share/0-14',
  'age-share/15-59',
  'age-share/60+',
  'age-share/65+',
  'birth-order-share/1',
  'birth-order-share/2',
  'birth-order-share/3+',
  'wage/national',
] as const;

/** Targets every province must have in `targets.csv`, as `<kind>/<code2>` (e.g. `inflow/44`). */
export const PROVINCE_TARGETS = ['population', 'inflow'] as const;

/** A published figure the synthetic population must reproduce (校准目标). */
export interface Target {
  /** Machine key, e.g. 'population/44' or 'employee-insured'. */
  name: string;
  /** The province the figure is about, or null for a national figure. */
  provinceCode2: string | null;
  labelZh: string;
  labelEn: string;
  /** Value in `unit` (base units: persons, yuan, percent). */
  value: number;
  unit: 'persons' | 'yuan' | 'percent';
  /** How the source printed it, e.g. '37,948万'. */
  publishedAs: string;
  year: string;
  source: string;
  toleranceClass: ToleranceClass;
  /** Checked against its tolerance, a reference figure, or not modelled. */
  status: TargetStatus;
  /** Why a `reference` or `not-modelled` target is not checked; null for a checked one. */
  statusReason: StatusReason | null;
  /** What model output it is compared with. */
  comparedWith: string;
}

/** What a published corridor figure states. */
export type CorridorMetric = 'count' | 'lower-bound' | 'upper-bound' | 'share-pct' | 'rank';

/** A published origin → destination migrant figure, used to fit or check the matrix. */
export interface Corridor {
  /** Origin (hukou) province code2. */
  origin: string;
  /** Destination (residence) province code2. */
  destination: string;
  metric: CorridorMetric;
  value: number;
  year: string;
  /** 'fit' rows choose the matrix parameters; 'check' rows are only reported. */
  use: 'fit' | 'check';
  reliability: 'high' | 'medium' | 'low';
  source: string;
}

/** Everything the population model reads, loaded and checked. */
export interface Dataset {
  /** The 31 provinces in ascending `code2` order. */
  provinces: readonly Province[];
  /** The 337 pooling areas in ascending code order. */
  poolingAreas: readonly PoolingArea[];
  /** Inter-provincial migrants 2020, row-major origin (hukou) × destination (residence), province order. */
  od: Float64Array;
  targets: readonly Target[];
  /** Cross-province direct settlement of medical bills by type of care (跨省异地就医直接结算). */
  directSettlement: readonly DirectSettlementType[];
}

/** The kinds of care in cross-province direct settlement, as written in `direct-settlement.csv`. */
export const DIRECT_SETTLEMENT_TYPES = [
  'general-outpatient',
  'chronic-outpatient',
  'pharmacy',
  'inpatient',
] as const;

/** One kind of care in cross-province direct settlement, in one published year. */
export interface DirectSettlementType {
  type: (typeof DIRECT_SETTLEMENT_TYPES)[number];
  nameZh: string;
  nameEn: string;
  year: number;
  /** Person-times (stays for inpatient care) in the year. */
  personTimes: number;
  /** Fund payments in the year, yuan. */
  amountYuan: number;
  /** January–March against the other months (derived). */
  q1Factor: number;
  /** Coefficient of variation of one bill's fund payment (estimated). */
  billCv: number;
  source: string;
}
