/**
 * The scenarios the Prepayment workspace offers (预付金方案列表): every file of scenarios/, bundled
 * by Vite at build time and validated once; a file that does not validate is left out of the list
 * and its errors are reported (a bad file does not stop the workspace).
 */
import { formatScenarioErrors, parseScenario, type Scenario } from '../../scenario';

const files = import.meta.glob<unknown>('../../../scenarios/*.json', { eager: true, import: 'default' });

/** The scenario a first run uses. */
export const DEFAULT_SCENARIO = 'baseline-2026';

/** The bundled scenarios and the errors of files that did not validate. */
export interface BundledScenarios {
  /** Valid scenarios, the default first, the rest by id. */
  scenarios: Scenario[];
  /** `<file>: <errors>` for each file left out. */
  broken: string[];
}

let cache: BundledScenarios | null = null;

/** Every bundled scenario, validated once. */
export function bundledScenarios(): BundledScenarios {
  if (cache) return cache;
  const scenarios: Scenario[] = [];
  const broken: string[] = [];
  for (const [path, json] of Object.entries(files)) {
    const r = parseScenario(json);
    if (r.ok) scenarios.push(r.scenario);
    else broken.push(`${path.replace(/^(\.\.\/)+/, '')}: ${formatScenarioErrors(r.errors)}`);
  }
  scenarios.sort((a, b) =>
    a.id === DEFAULT_SCENARIO ? -1 : b.id === DEFAULT_SCENARIO ? 1 : a.id.localeCompare(b.id),
  );
  cache = { scenarios, broken };
  return cache;
}
