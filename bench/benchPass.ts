/**
 * Engine passes on one thread, timed one by one (引擎逐次计时), for `npm run bench:compare`:
 * baseline-2026 at 1:k, every family of the sample generated and simulated by `simulateRange`,
 * `--runs n` times from the same input, so that the passes after the first two time the optimized
 * engine. Prints one JSON line per pass (`EnginePass`); the first also carries the result's digest.
 *
 * With `--digests` it times nothing and prints one JSON line per scenario of {@link DIGEST_SCENARIOS}
 * (`ScenarioDigest`): the digest of its whole 1:k sample, so a comparison can show that results are
 * the same beyond the baseline.
 *
 * The comparison copies this file into the tree of the revision it compares with, so it reads only
 * what the engine has long offered (the engine's input and range run, the calibration, the scenario
 * parser and the digest), and each side reads the scenario files of its own tree.
 *
 *   node --import tsx bench/benchPass.ts --scale 1:1000 --runs 10
 *   node --import tsx bench/benchPass.ts --scale 1:10000 --digests
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { engineInput, simulateRange } from '../src/engine';
import { calibrate, calibrationData } from '../src/population/calibration';
import { DEFAULT_FAMILY_PARAMETERS } from '../src/population/family/parameters';
import { sampleSize } from '../src/population/generate';
import { loadDatasetFromDisk } from '../src/population/node';
import { resultDigest } from '../src/runtime/digest';
import { parseScenario, toEngineParameters } from '../src/scenario';

/** What one pass reports. */
export interface EnginePass {
  pass: number;
  /** CPU time of the process during the pass (user and system), seconds. */
  cpuSeconds: number;
  wallSeconds: number;
  personMonths: number;
  /** The result's digest (runtime/digest.ts), on the first pass only: every pass gives the same result. */
  digest?: string;
}

/**
 * The scenarios whose results a comparison checks: the baseline, the 2025 pilot's wallet transfers
 * (R9), the 2021 scope where same-province sharing stands apart (R3), and a monthly cap (R7).
 */
export const DIGEST_SCENARIOS = ['baseline-2026', 'pilot-2025-wallet', 'scope-2021', 'monthly-cap-2026'];

/** The digest of one scenario's whole sample, or `missing` when the tree has no such scenario file. */
export interface ScenarioDigest {
  scenario: string;
  digest: string | 'missing';
}

type Model = ReturnType<typeof calibrate>;
type Data = ReturnType<typeof loadDatasetFromDisk>;

/** The engine input of scenario `id` of this tree at 1:k, or null when the file is not there. */
function inputOf(id: string, model: Model, dataset: Data, k: number) {
  // The same steps as the bench's engine section (benchEngine.ts); not shared with it, because this
  // file runs inside older revisions that may not have such a helper.
  const file = new URL(`../scenarios/${id}.json`, import.meta.url);
  if (!existsSync(file)) return null;
  const parsed = parseScenario(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.ok) throw new Error(`scenarios/${id}.json is not valid`);
  return engineInput(toEngineParameters(parsed.scenario), model, dataset, k);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: '1:1000' },
      runs: { type: 'string', default: '10' },
      digests: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const k = Number(/^1:(\d+)$/.exec(values.scale)?.[1]);
  const runs = Number(values.runs);
  if (!(k >= 1) || !(runs >= 1)) throw new Error('usage: benchPass.ts --scale 1:k (--runs n | --digests)');
  const dataset = loadDatasetFromDisk();
  const model = calibrate(calibrationData(dataset), DEFAULT_FAMILY_PARAMETERS);
  const families = sampleSize(model, k);
  if (values.digests) {
    for (const scenario of DIGEST_SCENARIOS) {
      const input = inputOf(scenario, model, dataset, k);
      const digest = input === null ? 'missing' : await resultDigest(simulateRange(input, 0, families));
      console.log(JSON.stringify({ scenario, digest } satisfies ScenarioDigest));
    }
    return;
  }
  const input = inputOf('baseline-2026', model, dataset, k);
  if (input === null) throw new Error('scenarios/baseline-2026.json is missing');
  for (let pass = 0; pass < runs; pass++) {
    const cpu = process.cpuUsage();
    const t0 = performance.now();
    const result = simulateRange(input, 0, families);
    const wallSeconds = (performance.now() - t0) / 1000;
    const used = process.cpuUsage(cpu);
    const line: EnginePass = {
      pass,
      cpuSeconds: (used.user + used.system) / 1e6,
      wallSeconds,
      personMonths: result.personMonths,
    };
    if (pass === 0) line.digest = await resultDigest(result);
    console.log(JSON.stringify(line));
  }
}

main().catch((e: unknown) => {
  console.error(`benchPass: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
