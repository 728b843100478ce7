/**
 * The colours of each workspace page (各页配色): one assignment per page, so that a colour means one
 * thing wherever it appears on that page. On Compare, the scenarios own the saturated hues (blue,
 * green, purple, red, pink, olive, indigo and their tints), the schemes are shades of grey, and the
 * province map runs from orange (net debtors) through white to teal (net creditors, or more sharing
 * per person) — hues no scenario has. On Prepayment, usage is navy, the warning lines and warnings
 * yellow and red, top-ups green, the rule's size slate, the needed size purple, cash teal.
 * `PAGE_MEANINGS` lists every page's colours by meaning, for the test that no hue is reused.
 */
import type { Scheme } from '../../rules/types';

/** Compare: the scenarios, by their order in the comparison (a tint of the first five after seven). */
export const SCENARIO_COLORS: readonly string[] = [
  '#1f5fa8',
  '#2e7d32',
  '#7b3fa0',
  '#c62828',
  '#d81b60',
  '#9e9d24',
  '#3949ab',
  '#6fa8dc',
  '#81c784',
  '#b39ddb',
  '#ef9a9a',
  '#f48fb1',
];

/** The colour of the `i`-th scenario of a comparison. */
export function scenarioColor(i: number): string {
  return SCENARIO_COLORS[i % SCENARIO_COLORS.length]!;
}

/** Compare: the schemes of the beneficiaries, darker for more insurance. */
export const SCHEME_COLORS: Readonly<Record<Scheme, string>> = {
  'employee-account': '#3d4450',
  'employee-pooling-only': '#7d8794',
  resident: '#b3bac4',
  uninsured: '#e1e4e8',
};

/** Compare: the points of a parameter sweep and their intervals (one outcome, so one colour). */
export const SWEEP_COLOR = '#1a1a1a';

/** Compare: the map's ramps — net position from debtors to creditors, sharing per person from low to high. */
export const MAP_COLORS = {
  debtor: '#b35806',
  neutral: '#f7f7f7',
  creditor: '#01665e',
  low: '#eef4f3',
  high: '#01665e',
} as const;

/** Prepayment: every colour of the page's charts, legends and table. */
export const PREPAYMENT_COLORS = {
  /** Usage of the highest prepayment; the median of the bands. */
  worst: '#1f4e79',
  /** Usage spread across the draws (bands behind the lines). */
  band: '#c9d7e8',
  /** The chosen province's band. */
  selected: '#8fb0d6',
  /** All prepayments together. */
  all: '#8a96a8',
  /** The expected year's peak (a dot). */
  run: '#1d2430',
  yellow: '#d79b00',
  red: '#c62828',
  topUp: '#2e7d32',
  /** Re-sizings and the rule's size. */
  resize: '#4f5b6b',
  /** The needed size at the chosen confidence and its target line. */
  needed: '#7b3fa0',
  /** Cash moved gross (light) and netted (dark). */
  gross: '#9fd3cf',
  netted: '#00796b',
} as const;

/**
 * Validation: within and outside tolerance, a reference figure (blue) and a target not modelled (a
 * light grey), the tolerance band and the zero line.
 */
export const VALIDATION_COLORS = {
  within: '#2e7d32',
  outside: '#c62828',
  reference: '#1f5fa8',
  notModelled: '#a3a9b1',
  band: '#dcebdd',
  zero: '#4f5b6b',
} as const;

/** Every page's colours grouped by what they mean (shades of one meaning may share a hue). */
export const PAGE_MEANINGS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  compare: {
    scenario: SCENARIO_COLORS,
    scheme: Object.values(SCHEME_COLORS),
    map: [MAP_COLORS.debtor, MAP_COLORS.creditor, MAP_COLORS.high],
    sweep: [SWEEP_COLOR],
  },
  prepayment: {
    usage: [PREPAYMENT_COLORS.worst, PREPAYMENT_COLORS.band, PREPAYMENT_COLORS.selected],
    all: [PREPAYMENT_COLORS.all],
    expected: [PREPAYMENT_COLORS.run],
    yellow: [PREPAYMENT_COLORS.yellow],
    red: [PREPAYMENT_COLORS.red],
    topUp: [PREPAYMENT_COLORS.topUp],
    rule: [PREPAYMENT_COLORS.resize],
    needed: [PREPAYMENT_COLORS.needed],
    cash: [PREPAYMENT_COLORS.gross, PREPAYMENT_COLORS.netted],
  },
  validation: {
    within: [VALIDATION_COLORS.within, VALIDATION_COLORS.band],
    outside: [VALIDATION_COLORS.outside],
    reference: [VALIDATION_COLORS.reference],
    notModelled: [VALIDATION_COLORS.notModelled],
    zero: [VALIDATION_COLORS.zero],
  },
};

/** Hue (0–360), saturation and lightness (0–1) of a `#rrggbb` colour. */
export function hsl(color: string): { h: number; s: number; l: number } {
  const m = /^#([0-9a-f]{6})$/i.exec(color);
  if (!m) throw new RangeError(`not a #rrggbb colour: ${color}`);
  const n = parseInt(m[1]!, 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((v) => v / 255) as [
    number,
    number,
    number,
  ];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  const d = max - min;
  if (d === 0) return { h: 0, s: 0, l };
  const s = d / (1 - Math.abs(2 * l - 1));
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return { h: (h * 60 + 360) % 360, s, l };
}
