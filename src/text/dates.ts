/**
 * Months and days for people (日期显示): written the way each language writes them — 2026年1月 and
 * 2026年1月5日 in Chinese, Jan 2026 and 5 Jan 2026 in English — with explicit formats rather than a
 * locale's defaults, so an axis reads the same in every browser and in Node. Dates are calendar
 * dates (UTC), as the run calendar counts them.
 */
import type { Lang } from './i18n';

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Year and month (1–12) of a `YYYY-MM` or `YYYY-MM-DD` text; throws a RangeError for anything else. */
function parts(text: string): { year: number; month: number; day: number | null } {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(text);
  const month = Number(m?.[2]);
  if (!m || month < 1 || month > 12) throw new RangeError(`not a month or a date: ${text}`);
  return { year: Number(m[1]), month, day: m[3] === undefined ? null : Number(m[3]) };
}

/** A month in full: ('2026-01', zh) → "2026年1月", ('2026-01', en) → "Jan 2026". */
export function formatMonth(text: string, lang: Lang): string {
  const { year, month } = parts(text);
  return lang === 'zh' ? `${year}年${month}月` : `${MONTHS_EN[month - 1]} ${year}`;
}

/** A month without its year, for an axis within one year: ('2026-03', zh) → "3月", (…, en) → "Mar". */
export function formatMonthShort(text: string, lang: Lang): string {
  const { month } = parts(text);
  return lang === 'zh' ? `${month}月` : MONTHS_EN[month - 1]!;
}

/** A day: ('2026-01-05', zh) → "2026年1月5日", (…, en) → "5 Jan 2026". */
export function formatDay(text: string, lang: Lang): string {
  const { year, month, day } = parts(text);
  if (day === null) throw new RangeError(`not a date: ${text}`);
  return lang === 'zh' ? `${year}年${month}月${day}日` : `${day} ${MONTHS_EN[month - 1]} ${year}`;
}

/** `YYYY-MM-DD` of a UTC date. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The tick format of a time axis (UTC dates) in `lang`: a tick on January 1st names the year
 * (2026年1月 / Jan 2026), another first of a month names the month (3月 / Mar), any other day
 * names month and day (3月15日 / 15 Mar).
 */
export function timeTickFormat(lang: Lang): (date: Date) => string {
  return (date) => {
    const month = date.getUTCMonth() + 1;
    const day = date.getUTCDate();
    if (day === 1 && month === 1) return formatMonth(isoDay(date).slice(0, 7), lang);
    if (day === 1) return lang === 'zh' ? `${month}月` : MONTHS_EN[month - 1]!;
    return lang === 'zh' ? `${month}月${day}日` : `${day} ${MONTHS_EN[month - 1]}`;
  };
}
