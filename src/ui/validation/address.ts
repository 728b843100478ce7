/**
 * The validation scale in the address (校验比例地址): `?vscale=1000#validation` beside the shell's
 * `lang=`, so a link reopens the validation at the same scale. It has its own name, apart from
 * Compare's `scale=`, so the two workspaces keep their own choices. Pure functions only.
 */

/** The query parameter with k of the validation's scale 1:k. */
export const VSCALE_PARAM = 'vscale';

/** Scales offered (k of 1:k), from the quickest sample to the largest. */
export const SCALES = [10_000, 1_000, 100] as const;

/** The scale of a first visit. */
export const DEFAULT_SCALE = 1_000;

/** The scale a query string names, when it is one of {@link SCALES}; else {@link DEFAULT_SCALE}. */
export function readValidationScale(search: string): number {
  const raw = new URLSearchParams(search).get(VSCALE_PARAM);
  const k = raw !== null && /^\d+$/.test(raw) ? Number(raw) : NaN;
  return (SCALES as readonly number[]).includes(k) ? k : DEFAULT_SCALE;
}

/** The address `href` with the scale set, keeping the path, other parameters and the hash. */
export function validationPath(href: string, scaleK: number): string {
  const url = new URL(href);
  url.searchParams.set(VSCALE_PARAM, String(scaleK));
  return `${url.pathname}${url.search}${url.hash}`;
}
