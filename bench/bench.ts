/**
 * `npm run bench` (基准测试): measures the workbench's hot paths (one core, and the worker pool) and prints each
 * section's figures next to a raw reference loop measured in the same run, so that numbers from
 * different machines can be compared. Sections are listed in SECTIONS; add one to measure more.
 *
 *   npm run bench [-- --json] [--national] [--scale 1:200] [--repeats 3] [--section population|engine|runtime|prepayment|browser|shard] [--scenario id]
 *
 * The browser section runs the workbench in Chromium at 1:1000 unless --scale says otherwise, and at
 * 1:1 with --national, on baseline-2026 unless --scenario names another bundled scenario (e.g. the
 * five-year projection-2026-2030). The shard section runs baseline-2026 at 1:100 (or --scale) as 1
 * shard and as 4 through the local runner, each merged, in child processes (bench/benchShard.ts).
 */
import { calibrate, calibrationData, type PopulationModel } from '../src/population/calibration';
import { allocateColumns, BYTES_PER_PERSON, chunkBytes, type PersonColumns } from '../src/population/columns';
import { DEFAULT_FAMILY_PARAMETERS } from '../src/population/family/parameters';
import { populationChunks, sampleSize } from '../src/population/generate';
import { loadDatasetFromDisk } from '../src/population/node';
import { streamKey } from '../src/population/random';
import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { ArgumentError, LIMITS, parseScale, parseWhole, readOptions } from '../src/cli/args';
import { engineFigures } from './benchEngine';
import { SCALES } from '../src/runtime/scales';
import { runtimeFigures } from './benchRuntime';

/** Options every section receives. */
interface BenchOptions {
  scaleK: number;
  /** Whether --scale was given (sections with a default scale of their own keep it otherwise). */
  scaleGiven: boolean;
  repeats: number;
}

/** One line of a section's report: a bilingual label, a value and its unit. */
interface Figure {
  key: string;
  label: string;
  value: number;
  unit: string;
}

/** A measured part of the workbench. */
interface BenchSection {
  name: string;
  title: string;
  run(options: BenchOptions): Figure[] | Promise<Figure[]>;
}

/** Best (highest) and median of a list of rates. */
function bestAndMedian(xs: number[]): { best: number; median: number } {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const median = Number.isInteger(mid) ? (sorted[mid - 1]! + sorted[mid]!) / 2 : sorted[Math.floor(mid)]!;
  return { best: sorted[sorted.length - 1]!, median };
}

/**
 * The reference: a raw loop that fills the same person columns, chunk by chunk in fresh buffers
 * like the generator, with five inlined xoshiro128** draws per person (about what the generator
 * draws per person) and no model logic.
 */
function referenceFill(cols: PersonColumns, n: number, state: Int32Array): void {
  let s0 = state[0]!;
  let s1 = state[1]!;
  let s2 = state[2]!;
  let s3 = state[3]!;
  const draws = new Int32Array(5);
  for (let k = 0; k < n; k++) {
    for (let d = 0; d < 5; d++) {
      const x = Math.imul(s1, 5);
      draws[d] = Math.imul((x << 7) | (x >>> 25), 9);
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
    }
    const a = draws[0]!;
    const b = draws[1]!;
    const c = draws[2]!;
    cols.familyId[k] = a;
    cols.role[k] = b & 3;
    cols.branch[k] = (b >>> 2) & 3;
    cols.age[k] = (b >>> 4) & 127;
    cols.sex[k] = b >>> 31;
    cols.hukouProvince[k] = (c & 31) % 31;
    cols.residenceProvince[k] = ((c >>> 5) & 31) % 31;
    cols.residenceArea[k] = (c >>> 10) % 337;
    cols.insuredProvince[k] = ((c >>> 19) & 31) % 31;
    cols.insuredArea[k] = (c >>> 23) % 337;
    cols.scheme[k] = b >>> 29;
    cols.retired[k] = (b >>> 12) & 1;
    cols.wageFen[k] = draws[3]! & 0x7fffffff;
    cols.monthlyCreditFen[k] = (draws[3]! >>> 16) & 0x3fff;
    cols.balanceFen[k] = (draws[4]! >>> 0) * 3;
    cols.residentContributionFen[k] = (b >>> 13) & 1 ? 40_000 : 0;
    cols.ltc[k] = (b >>> 14) & 1;
  }
  state.set([s0, s1, s2, s3]);
}

/** The synthetic population: persons generated per second on one core, and memory per person. */
function populationSection(model: PopulationModel, calibrationMs: number): BenchSection {
  return {
    name: 'population',
    title: '人口生成 population generation',
    run({ scaleK, repeats }) {
      const key = streamKey('bench');
      const families = sampleSize(model, scaleK);
      let persons = 0;
      let bytes = 0;
      const chunkPersons: number[] = [];
      /** Persons per second over the whole sample; the first of repeats + 1 runs warms up. */
      const measure = (reuseBuffers: boolean): number[] => {
        const rates: number[] = [];
        for (let r = 0; r <= repeats; r++) {
          persons = 0;
          bytes = 0;
          chunkPersons.length = 0;
          const t0 = performance.now();
          for (const chunk of populationChunks(model, key, scaleK, 65_536, { reuseBuffers })) {
            persons += chunk.personCount;
            bytes += chunkBytes(chunk);
            chunkPersons.push(chunk.personCount);
          }
          const s = (performance.now() - t0) / 1000;
          if (r > 0) rates.push(persons / s);
        }
        return rates;
      };
      const reused = bestAndMedian(measure(true));
      const rates = measure(false);
      const refRates: number[] = [];
      const state = Int32Array.from([1, 2, 3, 4]);
      for (let r = 0; r <= repeats; r++) {
        const t0 = performance.now();
        for (const n of chunkPersons) referenceFill(allocateColumns(n), n, state);
        const s = (performance.now() - t0) / 1000;
        if (r > 0) refRates.push(persons / s);
      }
      const gen = bestAndMedian(rates);
      const ref = bestAndMedian(refRates);
      const figure = (key: string, label: string, value: number, unit = ''): Figure => ({
        key,
        label,
        value,
        unit,
      });
      return [
        figure('scaleK', '规模 scale 1:k, k =', scaleK),
        figure('families', '家庭 families', families),
        figure('persons', '人数 persons', persons),
        figure('personsPerSecond', '生成 generated, fresh buffers (best)', gen.best, 'persons/s'),
        figure('personsPerSecondMedian', '生成 generated, fresh buffers (median)', gen.median, 'persons/s'),
        figure('personsPerSecondReused', '生成 generated, reused buffers (best)', reused.best, 'persons/s'),
        figure(
          'personsPerSecondReusedMedian',
          '生成 generated, reused buffers (median)',
          reused.median,
          'persons/s',
        ),
        figure('referencePerSecond', '参考循环 raw loop (best)', ref.best, 'persons/s'),
        figure('referencePerSecondMedian', '参考循环 raw loop (median)', ref.median, 'persons/s'),
        figure('ratioToReference', '生成/参考 fresh ÷ raw loop (best)', gen.best / ref.best),
        figure('columnBytesPerPerson', '列字节 column bytes per person', BYTES_PER_PERSON, 'B'),
        figure('bytesPerPerson', '内存 bytes per person, all buffers', bytes / persons, 'B'),
        figure('calibrationMs', '校准 calibration', calibrationMs, 'ms'),
      ];
    },
  };
}

/** A figure for people: rates in millions, counts with separators, others with two decimals. */
function show(f: Figure): string {
  if (f.unit === 'persons/s') return `${(f.value / 1e6).toFixed(2)} M persons/s`;
  if (f.unit === 'person-months/s') return `${(f.value / 1e6).toFixed(2)} M person-months/s`;
  if (f.unit === 'MiB') return `${f.value.toFixed(0)} MiB`;
  if (f.unit === 's') return `${f.value.toFixed(2)} s`;
  if (f.unit === 'fen') return `${(f.value / 1e10).toFixed(2)}亿元 (${f.value} fen)`;
  if (f.unit === '') return Number.isInteger(f.value) ? f.value.toLocaleString('en-US') : f.value.toFixed(2);
  return `${Number.isInteger(f.value) ? f.value : f.value.toFixed(2)} ${f.unit}`;
}

const USAGE =
  'usage: npm run bench [-- --json] [--national] [--scale 1:k] [--repeats n] [--section population|engine|runtime|prepayment|browser|shard] [--scenario id]';

/** The bundled scenarios the browser section may run (the files of scenarios/, but the JSON Schema). */
function bundledScenarioIds(): string[] {
  return readdirSync(new URL('../scenarios/', import.meta.url))
    .filter((f) => f.endsWith('.json') && f !== 'schema.json')
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

/** Section names, for refusing an unknown one before anything runs. */
const SECTION_NAMES = ['population', 'engine', 'runtime', 'prepayment', 'browser', 'shard'];

/**
 * Reads `--scale 1:k`, `--repeats n` (1 to 100), `--section name`, `--national` and `--json` with the
 * commands' shared rules (src/cli/args.ts): an unknown or repeated option, an empty value, a number
 * not in plain digits or out of range, or an unknown section is refused before anything runs.
 */
function parseBenchArgs(
  argv: string[],
): BenchOptions & { json: boolean; national: boolean; section: string | null; scenario: string } {
  const o = readOptions(
    argv,
    {
      json: { type: 'boolean', default: false },
      national: { type: 'boolean', default: false },
      scale: { type: 'string' },
      repeats: { type: 'string', default: '3' },
      section: { type: 'string' },
      scenario: { type: 'string' },
    },
    USAGE,
  );
  const section = o.section ?? null;
  if (section !== null && !SECTION_NAMES.includes(section)) {
    throw new ArgumentError(
      `--section "${section}": 没有此部分 / no such section; sections: ${SECTION_NAMES.join(', ')}\n${USAGE}`,
      'section',
    );
  }
  const scenario = o.scenario ?? 'baseline-2026';
  if (!bundledScenarioIds().includes(scenario)) {
    throw new ArgumentError(
      `--scenario "${scenario}": 没有此内置方案 / no such bundled scenario; scenarios: ${bundledScenarioIds().join(', ')}\n${USAGE}`,
      'scenario',
    );
  }
  if (o.scenario !== undefined && section !== 'browser') {
    throw new ArgumentError(
      `--scenario 仅用于浏览器部分 / --scenario is for the browser section: add --section browser\n${USAGE}`,
      'scenario',
    );
  }
  return {
    scaleK: o.scale === undefined ? 200 : parseScale(o.scale, USAGE),
    scaleGiven: o.scale !== undefined,
    repeats: parseWhole(o.repeats, 'repeats', 1, LIMITS.repeats, USAGE),
    json: o.json,
    national: o.national,
    section,
    scenario,
  };
}

/** k of the browser section: 1 with --national, else --scale, else 1:1000. */
function browserScale(args: BenchOptions & { national: boolean }): number {
  if (args.national) return 1;
  return args.scaleGiven ? args.scaleK : 1000;
}

/** Throws, before anything runs, when the browser section would ask the page for a scale it does not offer. */
function checkBrowserScale(k: number): void {
  if (!(SCALES as readonly number[]).includes(k))
    throw new Error(
      `the browser section runs a scale the Compare workspace offers (${SCALES.map((s) => `1:${s}`).join(', ')}), not 1:${k}`,
    );
}

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  const t0 = performance.now();
  const model = calibrate(calibrationData(loadDatasetFromDisk()), DEFAULT_FAMILY_PARAMETERS);
  const sections: BenchSection[] = [
    populationSection(model, performance.now() - t0),
    {
      name: 'engine',
      title: '引擎 engine (baseline-2026)',
      run: ({ scaleK, repeats }) => engineFigures(model, loadDatasetFromDisk(), scaleK, repeats),
    },
    {
      name: 'runtime',
      title: `运行时 runtime on worker threads (baseline-2026${args.national ? ', with the 1:1 national year' : ''})`,
      run: ({ repeats }) => runtimeFigures({ national: args.national, repeats }),
    },
    {
      name: 'prepayment',
      title:
        '预付金测算 the Prepayment answer at the workspace’s defaults (baseline-2026, 1:10000, 20 replications, 95%)',
      run: async ({ repeats }) => (await import('./benchPrepayment')).prepaymentFigures(repeats),
    },
    {
      name: 'browser',
      title: `浏览器 Chromium, the Compare workspace (${args.scenario} at 1:${browserScale(args)})`,
      // Loaded only when asked for: it brings Vite and playwright-core.
      run: async ({ repeats }) =>
        (await import('./benchBrowser')).browserFigures({
          scaleK: browserScale(args),
          scenario: args.scenario,
          repeats,
          log: (line) => console.error(line),
        }),
    },
    {
      name: 'shard',
      title: `分片 sharded runs on this machine: baseline-2026 at 1:${args.scaleGiven ? args.scaleK : 100}, 1 shard against 4, each merged`,
      run: async ({ repeats }) =>
        (await import('./benchShard')).shardFigures({ scaleK: args.scaleGiven ? args.scaleK : 100, repeats }),
    },
  ];
  const chosen = sections.filter((s) => args.section === null || s.name === args.section);
  if (chosen.length === 0)
    throw new Error(`no section "${args.section}"; sections: ${sections.map((s) => s.name).join(', ')}`);
  if (chosen.some((s) => s.name === 'browser')) checkBrowserScale(browserScale(args));
  const results: Record<string, Record<string, number>> = {};
  if (!args.json) console.log(`基准 Bench — Node ${process.version}, ${availableParallelism()} cores`);
  for (const section of chosen) {
    const figures = await section.run(args);
    results[section.name] = Object.fromEntries(figures.map((f) => [f.key, f.value]));
    if (args.json) continue;
    console.log(`\n[${section.title}]`);
    for (const f of figures) console.log(`  ${f.label.padEnd(44)} ${show(f)}`);
  }
  if (args.json) console.log(JSON.stringify(results, null, 2));
}

main().catch((e: unknown) => {
  console.error(`bench: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
