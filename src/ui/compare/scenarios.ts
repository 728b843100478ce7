/**
 * The scenario files bundled into the page for comparison (内置方案): Vite imports every file of
 * scenarios/ at build time, so nothing is fetched; each is validated like the CLI validates it.
 */
import { formatScenarioErrors, parseScenario, type Scenario } from '../../scenario';

const files = import.meta.glob<unknown>('../../../scenarios/*.json', { eager: true, import: 'default' });

/** The scenario every first visit runs. */
export const BASELINE_ID = 'baseline-2026';

/** Validates every bundled file; throws with the errors of the first bad one. */
function loadAll(): Scenario[] {
  const out: Scenario[] = [];
  for (const [path, json] of Object.entries(files)) {
    const r = parseScenario(json);
    if (!r.ok) throw new Error(`${path.replace(/^(\.\.\/)+/, '')}\n${formatScenarioErrors(r.errors)}`);
    out.push(r.scenario);
  }
  // The baseline first, then the others by id.
  return out.sort(
    (a, b) => Number(b.id === BASELINE_ID) - Number(a.id === BASELINE_ID) || a.id.localeCompare(b.id),
  );
}

let cache: Scenario[] | null = null;

/** Every bundled scenario, the baseline first, validated once. */
export function bundledScenarios(): readonly Scenario[] {
  cache ??= loadAll();
  return cache;
}

/** The bundled scenario with `id`, if there is one. */
export function bundledScenario(id: string): Scenario | undefined {
  return bundledScenarios().find((s) => s.id === id);
}
