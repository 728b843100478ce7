/**
 * Time stamps for the rules: whole minutes since 2020-01-01 00:00 Beijing time, so that rule
 * functions compare plain integers. Calendar arithmetic runs in UTC on purpose: the stamps are
 * already local (China has one time zone and no daylight saving).
 */

const MINUTES_PER_DAY = 1440;
const EPOCH_MS = Date.UTC(2020, 0, 1);
const STAMP = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/;

/** Parses `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM` (Beijing time) into a minute stamp. */
export function parseStamp(text: string): number {
  const m = STAMP.exec(text);
  if (!m) throw new Error(`not a date-time "${text}": expected YYYY-MM-DD or YYYY-MM-DDTHH:MM`);
  const [, y, mo, d, h = '0', mi = '0'] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi));
  const back = new Date(ms);
  if (back.getUTCDate() !== Number(d) || Number(h) > 23 || Number(mi) > 59) {
    throw new Error(`not a calendar date-time "${text}"`);
  }
  return Math.round((ms - EPOCH_MS) / 60_000);
}

/** Formats a minute stamp as `YYYY-MM-DDTHH:MM`. */
export function formatStamp(stamp: number): string {
  return new Date(EPOCH_MS + stamp * 60_000).toISOString().slice(0, 16);
}

/** The calendar day (days since 2020-01-01) of a minute stamp. */
export function dayOf(stamp: number): number {
  return Math.floor(stamp / MINUTES_PER_DAY);
}

/** Minutes after midnight of a minute stamp. */
export function minuteOfDay(stamp: number): number {
  return stamp - dayOf(stamp) * MINUTES_PER_DAY;
}

/** The month `YYYY-MM` of a minute stamp. */
export function monthOf(stamp: number): string {
  return formatStamp(stamp).slice(0, 7);
}
