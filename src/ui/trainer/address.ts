/**
 * The trainer's place in the address (培训演示地址): the story and the step sit in the query
 * (`?story=bill-split&step=3#trainer`) beside the shell's `lang=`, so a shared link opens the same
 * step. A family from the simulation adds its family index (`?story=simulated&family=56000&step=4`).
 * The hash stays the workspace id the shell reads. Pure functions only.
 */

/** The query parameter that names the story. */
export const STORY_PARAM = 'story';
/** The query parameter that holds the step (0 = before the first step). */
export const STEP_PARAM = 'step';

/** The query parameter that holds a simulated family's index (sample position × k). */
export const FAMILY_PARAM = 'family';

/** A story and a step, as the address holds them (and for a simulated family, its index). */
export interface TrainerPlace {
  story: string;
  step: number;
  family?: number;
}

/** A whole number ≥ 0 written in the query under `name`, else null. */
function wholeParam(search: string, name: string): number | null {
  const raw = new URLSearchParams(search).get(name);
  return raw !== null && /^\d{1,15}$/.test(raw) ? Number(raw) : null;
}

/** The step asked for in a query string, unclamped (0 when there is none or it is not a whole number). */
export function readStep(search: string): number {
  return wholeParam(search, STEP_PARAM) ?? 0;
}

/** The simulated family's index asked for in a query string, or null. */
export function readFamily(search: string): number | null {
  return wholeParam(search, FAMILY_PARAM);
}

/**
 * Reads the story and step from a query string: the story when it is one of `storyIds` (else the
 * first), the step as a whole number clamped to 0…`stepsOf(story)` (else 0).
 */
export function readPlace(
  search: string,
  storyIds: readonly string[],
  stepsOf: (story: string) => number,
): TrainerPlace {
  const q = new URLSearchParams(search);
  const asked = q.get(STORY_PARAM);
  const story = asked !== null && storyIds.includes(asked) ? asked : (storyIds[0] ?? '');
  return { story, step: Math.min(readStep(search), stepsOf(story)) };
}

/**
 * The address `href` with the story and step set (and the family, or without one when the place has
 * none), keeping the path, other parameters and the hash.
 */
export function placePath(href: string, place: TrainerPlace): string {
  const url = new URL(href);
  url.searchParams.set(STORY_PARAM, place.story);
  url.searchParams.set(STEP_PARAM, String(place.step));
  if (place.family === undefined) url.searchParams.delete(FAMILY_PARAM);
  else url.searchParams.set(FAMILY_PARAM, String(place.family));
  return `${url.pathname}${url.search}${url.hash}`;
}
