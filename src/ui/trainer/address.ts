/**
 * The trainer's place in the address (培训演示地址): the story and the step sit in the query
 * (`?story=bill-split&step=3#trainer`) beside the shell's `lang=`, so a shared link opens the same
 * step. The hash stays the workspace id the shell reads. Pure functions only.
 */

/** The query parameter that names the story. */
export const STORY_PARAM = 'story';
/** The query parameter that holds the step (0 = before the first step). */
export const STEP_PARAM = 'step';

/** A story and a step, as the address holds them. */
export interface TrainerPlace {
  story: string;
  step: number;
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
  const raw = q.get(STEP_PARAM);
  const n = raw !== null && /^\d+$/.test(raw) ? Number(raw) : 0;
  return { story, step: Math.min(n, stepsOf(story)) };
}

/** The address `href` with the story and step set, keeping the path, other parameters and the hash. */
export function placePath(href: string, place: TrainerPlace): string {
  const url = new URL(href);
  url.searchParams.set(STORY_PARAM, place.story);
  url.searchParams.set(STEP_PARAM, String(place.step));
  return `${url.pathname}${url.search}${url.hash}`;
}
