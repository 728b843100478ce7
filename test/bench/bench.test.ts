import { spawnSync } from 'node:child_process';
import { expect, test } from 'vitest';

/** Runs `npm run bench` with `args` as a child process; the arguments are checked before any work. */
function bench(...args: string[]) {
  return spawnSync('npx', ['tsx', 'bench/bench.ts', ...args], { encoding: 'utf8', timeout: 60_000 });
}

test('npm run bench refuses bad arguments before measuring anything, naming the option', () => {
  for (const [args, said] of [
    [['--repeats', '0x2'], /--repeats "0x2": .* must be a whole number from 1 to 100, in digits/],
    [['--repeats', '3', '--repeats', '4'], /--repeats .* is given more than once/],
    [['--section', 'nope'], /--section "nope": .* no such section; sections: population, engine/],
    [
      ['--section', 'browser', '--scenario', 'nope'],
      /--scenario "nope": .* no such bundled scenario; scenarios: .*projection-2026-2030/,
    ],
    [['--section', 'engine', '--scenario', 'baseline-2026'], /--scenario is for the browser section/],
  ] as const) {
    const r = bench(...args);
    expect(r.status, args.join(' ')).toBe(1);
    expect(r.stderr).toMatch(said);
    expect(r.stdout).toBe('');
  }
});
