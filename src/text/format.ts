/**
 * Money for people (金额显示): integer fen (分) shown with two decimals in the unit that suits its
 * size — 元 / 万元 / 亿元 in Chinese, yuan / million yuan / billion yuan in English.
 */
import { LANG_TAG, type Lang } from './i18n';

/** One display unit: how many fen it holds, where the next unit takes over, and its suffix. */
interface MoneyUnit {
  /** Fen per hundredth of the unit (元 → 1, 万元 → 100). */
  fenPerHundredth: number;
  /** The shown amount (absolute) from which the next unit is used; Infinity for the last unit. */
  upTo: number;
  suffix: string;
}

const UNITS: Readonly<Record<Lang, readonly MoneyUnit[]>> = {
  zh: [
    { fenPerHundredth: 1, upTo: 10_000, suffix: '元' },
    { fenPerHundredth: 10_000, upTo: 10_000, suffix: '万元' },
    { fenPerHundredth: 100_000_000, upTo: Infinity, suffix: '亿元' },
  ],
  en: [
    { fenPerHundredth: 1, upTo: 1_000_000, suffix: ' yuan' },
    { fenPerHundredth: 1_000_000, upTo: 1_000, suffix: ' million yuan' },
    { fenPerHundredth: 1_000_000_000, upTo: Infinity, suffix: ' billion yuan' },
  ],
};

const NUMBER: Readonly<Record<Lang, Intl.NumberFormat>> = {
  zh: new Intl.NumberFormat(LANG_TAG.zh, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat(LANG_TAG.en, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
};

/** `fen / divisor` rounded half away from zero, exactly (BigInt), as a number. */
function roundedQuotient(fen: number, divisor: number): number {
  const n = BigInt(fen);
  const d = BigInt(divisor);
  const q = n / d;
  const r = n % d;
  const twiceRest = (r < 0n ? -r : r) * 2n;
  const away = twiceRest >= d ? (n < 0n ? -1n : 1n) : 0n;
  return Number(q + away);
}

/**
 * Formats an amount of integer fen for `lang`, two decimals, rounded half away from zero. The unit
 * is the smallest whose rounded figure stays below the next unit: in Chinese below 1万元 in 元, below
 * 1亿元 in 万元, else 亿元 (5,115,400,000,000 fen → "511.54亿元"); in English below a million yuan in
 * yuan, below a billion in million yuan, else billion yuan ("51.15 billion yuan").
 * Throws a RangeError when `fen` is not a safe integer.
 */
export function formatFen(fen: number, lang: Lang): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not an amount of fen: ${fen}`);
  const units = UNITS[lang];
  for (const unit of units) {
    const hundredths = roundedQuotient(fen, unit.fenPerHundredth);
    if (Math.abs(hundredths) < unit.upTo * 100) {
      return `${NUMBER[lang].format(hundredths / 100)}${unit.suffix}`;
    }
  }
  // Unreachable: the last unit has no upper bound.
  throw new RangeError(`no unit for ${fen} fen`);
}

const INTEGER: Readonly<Record<Lang, Intl.NumberFormat>> = {
  zh: new Intl.NumberFormat(LANG_TAG.zh, { maximumFractionDigits: 0 }),
  en: new Intl.NumberFormat(LANG_TAG.en, { maximumFractionDigits: 0 }),
};

/** A count (persons, families) rounded to a whole number, with digit grouping: 1409778724 → "1,409,778,724". */
export function formatCount(count: number, lang: Lang): string {
  return INTEGER[lang].format(Math.round(count));
}

/**
 * A percentage given in percent points, with `digits` decimals and a sign when `signed`:
 * (-0.0412, en, 2, true) → "-0.04%"; (12.5, zh) → "12.50%".
 */
export function formatPercent(points: number, lang: Lang, digits = 2, signed = false): string {
  const text = new Intl.NumberFormat(LANG_TAG[lang], {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    signDisplay: signed ? 'exceptZero' : 'auto',
  }).format(points);
  return `${text}%`;
}

/**
 * A duration for a progress line, rounded up to whole seconds: under a minute in seconds
 * (1200 ms → "2 秒" / "2 s"), else in minutes and seconds (754000 ms → "12 分 34 秒" / "12 min 34 s").
 */
export function formatDuration(ms: number, lang: Lang): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  if (minutes === 0) return lang === 'zh' ? `${seconds} 秒` : `${seconds} s`;
  return lang === 'zh' ? `${minutes} 分 ${seconds} 秒` : `${minutes} min ${seconds} s`;
}
