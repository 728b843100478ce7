/**
 * The vitest run that StrykerJS mutates against (`npm run test:mutation`, stryker.config.mjs): only
 * the unit tests of the policy core, test/rules and test/clearing. The project config
 * (vite.config.ts) has a `unit` and a `browser` project; Stryker's vitest runner takes one plain
 * config, and the other unit folders (engine, population, ui …) run simulations or build whole
 * populations when their files load, which would make most mutants "static" and the run slow.
 *
 * Under a mutant Stryker stops at the first failing test, so the files run fastest first (by the
 * durations vitest remembers, else smallest first) and fast-check does not shrink a failure
 * (test/mutationSetup.ts).
 */
import { statSync } from 'node:fs';
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

class FastestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const cache = this.ctx.cache;
    const key = (f: TestSpecification) => `${f.project.name}:${relative(this.ctx.config.root, f.moduleId)}`;
    const cost = (f: TestSpecification) =>
      cache.getFileTestResults(key(f))?.duration ?? 1e6 + statSync(f.moduleId).size;
    return [...files].sort((a, b) => cost(a) - cost(b) || (a.moduleId < b.moduleId ? -1 : 1));
  }
}

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 60_000,
    include: ['test/rules/**/*.test.ts', 'test/clearing/**/*.test.ts'],
    setupFiles: ['test/mutationSetup.ts'],
    sequence: { sequencer: FastestFirst },
  },
});
