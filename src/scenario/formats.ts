/**
 * The text formats a scenario file uses (场景文件格式): months, clock times, identifiers and
 * administrative division codes (行政区划代码), each with a bilingual description of what is expected.
 */

/** A bilingual text shown to a person. */
export interface Bilingual {
  zh: string;
  en: string;
}

/**
 * The 31 province-level units of the mainland (GB/T 2260 two-digit codes), the units the national
 * clearing works with. The Xinjiang Production and Construction Corps (兵团) has no code of its own in
 * the calibration data and is counted with Xinjiang (65), as data/SOURCES.md explains.
 */
export const PROVINCE_CODES: ReadonlySet<string> = new Set([
  ...['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37'],
  ...['41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65'],
]);

const MONTH = /^20\d\d-(0[1-9]|1[0-2])$/;
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** True for a month `YYYY-MM` between 2000-01 and 2099-12. */
export function isMonth(text: string): boolean {
  return MONTH.test(text);
}

/** True for a clock time `HH:MM` (00:00–23:59). */
export function isClockTime(text: string): boolean {
  return CLOCK.test(text);
}

/** Minutes after midnight of a clock time `HH:MM` (e.g. 22:00 → 1320). */
export function clockMinutes(text: string): number {
  if (!isClockTime(text)) throw new RangeError(`not a clock time "${text}": expected HH:MM`);
  return Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));
}

/** True for a kebab-case id: lower-case letters and digits in groups joined by single hyphens. */
export function isKebabId(text: string): boolean {
  return KEBAB.test(text);
}

/** True for a two-digit province code (省级行政区划代码) in `PROVINCE_CODES`. */
export function isProvinceCode(text: string): boolean {
  return PROVINCE_CODES.has(text);
}

/** True for a six-digit pooling-area code (统筹地区代码) whose first two digits are a province code. */
export function isPoolingAreaCode(text: string): boolean {
  return /^\d{6}$/.test(text) && isProvinceCode(text.slice(0, 2));
}

/** The formats a field may be checked against; a failed check names one of them. */
export const FORMATS = {
  month: {
    check: isMonth,
    en: 'a month "YYYY-MM" (2000-01 to 2099-12)',
    zh: '月份，格式为 "YYYY-MM"（2000-01 至 2099-12）',
  },
  clock: {
    check: isClockTime,
    en: 'a clock time "HH:MM" (00:00 to 23:59)',
    zh: '时刻，格式为 "HH:MM"（00:00 至 23:59）',
  },
  kebab: {
    check: isKebabId,
    en: 'a kebab-case id such as "baseline-2026"',
    zh: '短横线连接的小写标识，如 "baseline-2026"',
  },
  province: {
    check: isProvinceCode,
    en: 'a two-digit province code such as "44"',
    zh: '两位省级区划代码，如 "44"',
  },
  poolingArea: {
    check: isPoolingAreaCode,
    en: 'a six-digit pooling-area code starting with a province code, such as "440100"',
    zh: '以省级代码开头的六位统筹地区代码，如 "440100"',
  },
  nonEmpty: { check: (s: string) => s.trim().length > 0, en: 'a non-empty text', zh: '非空文字' },
} as const satisfies Record<string, Bilingual & { check: (s: string) => boolean }>;

/** The name of a format in `FORMATS`. */
export type FormatName = keyof typeof FORMATS;

/**
 * Each format as JSON Schema keywords for a string (for the schema editors read, `scenarios/schema.json`):
 * the same regular expressions as the checks above, and the province codes as a list.
 */
export const FORMAT_KEYWORDS: Readonly<Record<FormatName, Readonly<Record<string, unknown>>>> = {
  month: { pattern: MONTH.source },
  clock: { pattern: CLOCK.source },
  kebab: { pattern: KEBAB.source },
  province: { enum: [...PROVINCE_CODES] },
  poolingArea: { pattern: `^(${[...PROVINCE_CODES].join('|')})\\d{4}$` },
  nonEmpty: { pattern: '\\S' },
};
