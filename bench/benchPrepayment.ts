/**
 * The prepayment answer for `npm run bench` (预付金测算基准): the Prepayment workspace's defaults
 * (baseline-2026 at 1:10000 with 20 replications, 95% confidence) on 2 Node worker threads for the
 * simulations and 2 for the model's draws, from the scenario to the needed sizes with their
 * intervals; then a change of confidence, which re-sizes from the drawn years. The first run starts
 * the threads and compiles; the figures are the best of the later ones, beside the raw reference
 * loop measured in the same run.
 */
import { resolve } from 'node:path';
import { calibrate, calibrationData } from '../src/population/calibration';
import { DEFAULT_FAMILY_PARAMETERS } from '../src/population/family/parameters';
import { loadDatasetFromDisk } from '../src/population/node';
import { DrawWorkers } from '../src/runtime/drawWorkers';
import { spawnNodeDrawWorker, spawnNodeWorker } from '../src/runtime/node';
import { WorkerPool } from '../src/runtime/pool';
import { simulateOnPool } from '../src/runtime/run';
import { runScenario } from '../src/runtime/scenarioRun';
import { loadValidScenario } from '../src/cli/args';
import { referenceRate } from './benchEngine';

/** One figure of the section. */
export interface PrepaymentFigure {
  key: string;
  label: string;
  value: number;
  unit: string;
}

/** The workspace's defaults. */
const DEFAULTS = { scaleK: 10_000, replications: 20, confidence: 0.95, workers: 2 } as const;

/** Times the prepayment answer at the workspace's defaults `repeats` times after a warm-up run. */
export async function prepaymentFigures(repeats: number): Promise<PrepaymentFigure[]> {
  const scenario = await loadValidScenario(resolve(import.meta.dirname, '../scenarios/baseline-2026.json'));
  const dataset = loadDatasetFromDisk();
  const population = { dataset, model: calibrate(calibrationData(dataset), DEFAULT_FAMILY_PARAMETERS) };
  const pool = new WorkerPool(spawnNodeWorker, DEFAULTS.workers);
  const draws = new DrawWorkers(spawnNodeDrawWorker, DEFAULTS.workers);
  const times: { total: number; simulate: number; model: number; reconfide: number }[] = [];
  let personMonths = 0;
  let national = 0;
  try {
    for (let r = 0; r <= repeats; r++) {
      let simulated = 0;
      const t0 = performance.now();
      const run = await runScenario(
        scenario,
        population,
        async (input, options) => {
          const s = performance.now();
          const result = await simulateOnPool(pool, input, options);
          simulated += performance.now() - s;
          return result;
        },
        {
          scaleK: DEFAULTS.scaleK,
          replications: DEFAULTS.replications,
          confidence: DEFAULTS.confidence,
          drawYears: draws.draw,
        },
      );
      const total = performance.now() - t0;
      const t1 = performance.now();
      await run.prepaymentAt(0.9);
      const reconfide = performance.now() - t1;
      // The result counts the person-months of the whole population; a sample simulates 1 in k.
      personMonths = (run.result.personMonths / DEFAULTS.scaleK) * (DEFAULTS.replications + 1);
      national = run.prepayment?.national.needed?.fen ?? 0;
      if (r > 0) times.push({ total, simulate: simulated, model: total - simulated, reconfide });
    }
  } finally {
    pool.close();
    draws.close();
  }
  const best = times.reduce((a, b) => (b.total < a.total ? b : a));
  const f = (key: string, label: string, value: number, unit: string): PrepaymentFigure => ({
    key,
    label,
    value,
    unit,
  });
  return [
    f('scaleK', '规模 scale 1:k, k =', DEFAULTS.scaleK, ''),
    f('replications', '重复 replications', DEFAULTS.replications, ''),
    f('answerSeconds', '预付金测算 answer at the defaults (best)', best.total / 1000, 's'),
    f('simulateSeconds', '  其中模拟 of which simulating 21 samples', best.simulate / 1000, 's'),
    f('modelSeconds', '  其中测算 of which clearing and the model', best.model / 1000, 's'),
    f('reconfideSeconds', '改置信度 another confidence (drawn years reused)', best.reconfide / 1000, 's'),
    f('nationalNeededFen', '全国所需 national needed at 95%', national, 'fen'),
    f(
      'referencePerSecond',
      '参考循环 raw loop, one core (best)',
      referenceRate(personMonths, 2),
      'person-months/s',
    ),
    f(
      'samplePersonMonthsPerSecond',
      '样本 sampled person-months simulated per second, 2 workers',
      personMonths / (best.simulate / 1000),
      'person-months/s',
    ),
  ];
}
