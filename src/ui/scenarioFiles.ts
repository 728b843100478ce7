/**
 * The scenario files bundled into the page (内置方案文件): Vite imports every file of scenarios/ at
 * build time, so nothing is fetched; each is validated once, like the CLI validates it. A file that
 * does not validate is left out and its errors kept, so a workspace can say which and why.
 */
import { formatScenarioErrors, parseScenario, type Scenario } from '../scenario';

// Every scenario file, but not schema.json beside them (the JSON Schema editors read).
const files = import.meta.glob<unknown>(['../../scenarios/*.json', '!../../scenarios/schema.json'], {
  eager: true,
  import: 'default',
});

/** The scenario a first visit runs. */
export const BASELINE_ID = 'baseline-2026';

/** The bundled scenarios and the errors of the files left out. */
export interface BundledScenarios {
  /** Valid scenarios, the baseline first, the rest by id. */
  scenarios: Scenario[];
  /** `<file>: <errors>` for each file that does not validate. */
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
  scenarios.sort(
    (a, b) => Number(b.id === BASELINE_ID) - Number(a.id === BASELINE_ID) || a.id.localeCompare(b.id),
  );
  cache = { scenarios, broken };
  return cache;
}

/** The bundled scenario with `id`, if there is one. */
export function bundledScenario(id: string): Scenario | undefined {
  return bundledScenarios().scenarios.find((s) => s.id === id);
}

/**
 * Every bundled scenario, the baseline first; throws with the errors of any file that does not
 * validate (for a comparison, which must not silently lose a scenario).
 */
export function allBundledScenarios(): readonly Scenario[] {
  const { scenarios, broken } = bundledScenarios();
  if (broken.length > 0) throw new Error(broken.join('\n'));
  return scenarios;
}
