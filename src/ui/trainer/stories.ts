/**
 * The training stories bundled into the page (内置培训故事): Vite imports every file of
 * scenarios/stories/ and every scenario file at build time, so nothing is fetched; each story is
 * validated like the tests validate it, and a bad file stops the trainer with its errors.
 */
import { formatStoryErrors, parseStory, type LoadedStory, type Scenario } from '../../scenario';
import { bundledScenarios } from '../scenarioFiles';

const storyFiles = import.meta.glob<unknown>('../../../scenarios/stories/*.json', {
  eager: true,
  import: 'default',
});

/** Validates the bundled scenario and story files; throws with every error of the first bad file. */
function loadAll(): LoadedStory[] {
  const bundled = bundledScenarios();
  const scenarios = new Map<string, Scenario>(bundled.scenarios.map((s) => [s.id, s]));
  return Object.keys(storyFiles)
    .sort()
    .map((path) => {
      const r = parseStory(storyFiles[path], (id) => scenarios.get(id));
      if (!r.ok) {
        const cause = bundled.broken.join('\n');
        throw new Error(
          `${path.replace(/^(\.\.\/)+/, '')}\n${formatStoryErrors(r.errors)}${cause ? `\n${cause}` : ''}`,
        );
      }
      return { story: r.story, params: r.params };
    });
}

let cache: LoadedStory[] | null = null;

/** Every bundled story, in file-name order, validated once. */
export function bundledStories(): readonly LoadedStory[] {
  cache ??= loadAll();
  return cache;
}
