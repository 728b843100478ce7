/**
 * The scenarios Compare offers (比较方案): the page's bundled scenario files; a file that does not
 * validate stops the workspace with its errors, since a comparison must not silently lose a scenario.
 */
import type { Scenario } from '../../scenario';
import { BASELINE_ID, bundledScenario, bundledScenarios as bundled } from '../scenarioFiles';

export { BASELINE_ID, bundledScenario };

/** Every bundled scenario, the baseline first; throws with the errors of any file that does not validate. */
export function bundledScenarios(): readonly Scenario[] {
  const { scenarios, broken } = bundled();
  if (broken.length > 0) throw new Error(broken.join('\n'));
  return scenarios;
}
