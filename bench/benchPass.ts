/**
 * Engine passes on one thread, timed one by one (引擎逐次计时), for `npm run bench:compare`:
 * baseline-2026 at 1:k, every family of the sample generated and simulated by `simulateRange`,
 * `--runs n` times from the same input, so that the passes after the first two time the optimized
 * engine. Prints one JSON line per pass (`EnginePass`); the first also carries the result's digest.
 *
 * The comparison copies this file into the tree of the revision it compares with, so it reads only
 * what the engine has long offered (the engine's input and range run, the calibration, the scenario
 * parser and the digest).
 *
 *   node --import tsx bench/benchPass.ts --scale 1:1000 --runs 10
 */
import { readFileSync } from 'node:fs';
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

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { scale: { type: 'string', default: '1:1000' }, runs: { type: 'string', default: '10' } },
    strict: true,
  });
  const k = Number(/^1:(\d+)$/.exec(values.scale)?.[1]);
  const runs = Number(values.runs);
  if (!(k >= 1) || !(runs >= 1)) throw new Error('usage: benchPass.ts --scale 1:k --runs n');
  const dataset = loadDatasetFromDisk();
  const model = calibrate(calibrationData(dataset), DEFAULT_FAMILY_PARAMETERS);
  // The same three steps as the bench's engine section (benchEngine.ts); not shared with it, because
  // this file runs inside older revisions that may not have such a helper.
  const file = new URL('../scenarios/baseline-2026.json', import.meta.url);
  const parsed = parseScenario(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.ok) throw new Error('scenarios/baseline-2026.json is not valid');
  const input = engineInput(toEngineParameters(parsed.scenario), model, dataset, k);
  const families = sampleSize(model, k);
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
