import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { ArgumentError } from '../../src/cli/args';
import { OutputFolder } from '../../src/cli/outputFolder';

const dir = mkdtempSync(join(tmpdir(), 'gongji-out-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The ArgumentError `OutputFolder.prepare(out)` throws. */
function refusal(out: string, cwd?: string): ArgumentError {
  try {
    OutputFolder.prepare(out, cwd).discard();
  } catch (e) {
    expect(e).toBeInstanceOf(ArgumentError);
    return e as ArgumentError;
  }
  throw new Error(`${out} was accepted`);
}

/** A folder as an earlier run leaves it: each table as Parquet and CSV. */
function earlierRun(path: string, tables: string[]): void {
  mkdirSync(path);
  for (const t of tables) {
    writeFileSync(join(path, `${t}.parquet`), 'PAR1');
    writeFileSync(join(path, `${t}.csv`), `${t}\n`);
  }
}

describe('OutputFolder.prepare refuses an output it cannot write, naming the path', () => {
  test.runIf(process.platform === 'linux')('refuses /proc/x at once (a recursive mkdir there spins)', () => {
    const started = performance.now();
    const e = refusal('/proc/x');
    expect(performance.now() - started).toBeLessThan(500);
    expect(e.flag).toBe('out');
    expect(e.message).toMatch(/^--out "\/proc\/x": .* \/ .*virtual file system \(proc\)/);
    expect(refusal('/sys/x').message).toMatch(/sysfs/);
    expect(refusal('/proc/self/x').message).toMatch(/\(proc\)/);
  });

  test('refuses a parent folder that does not exist', () => {
    const out = join(dir, 'no-such-folder', 'out');
    expect(refusal(out).message).toMatch(/parent folder .*no-such-folder does not exist/);
  });

  test('refuses a parent that is a file', () => {
    writeFileSync(join(dir, 'plain'), 'x');
    expect(refusal(join(dir, 'plain', 'out')).message).toMatch(/plain.*(not a folder|does not exist)/);
  });

  test('refuses a file where the folder is expected', () => {
    const out = join(dir, 'a-file');
    writeFileSync(out, 'x');
    expect(refusal(out).message).toMatch(/is a file; a folder is expected/);
    expect(readFileSync(out, 'utf8')).toBe('x');
  });

  test('refuses a folder that holds anything but an earlier run’s tables', () => {
    const out = join(dir, 'mixed');
    earlierRun(out, ['flows']);
    writeFileSync(join(out, 'notes.txt'), 'mine');
    expect(refusal(out).message).toMatch(/something other than an earlier run's tables \(notes\.txt\)/);
    const lonely = join(dir, 'lonely');
    mkdirSync(lonely);
    writeFileSync(join(lonely, 'data.csv'), 'a\n');
    expect(refusal(lonely).message).toMatch(/data\.csv/);
    expect(readdirSync(dir).some((n) => n.includes('.tmp-'))).toBe(false);
  });

  test('refuses a symbolic link, the working folder and the folders above it', () => {
    const real = join(dir, 'real');
    mkdirSync(real);
    symlinkSync(real, join(dir, 'link'));
    expect(refusal(join(dir, 'link')).message).toMatch(/symbolic link/);
    expect(refusal('.', real).message).toMatch(/working folder/);
    expect(refusal('..', real).message).toMatch(/working folder/);
    expect(refusal('/', real).message).toMatch(/working folder/);
  });

  test('refuses when the temporary folder cannot be created beside the target', () => {
    const out = join(dir, 'blocked');
    mkdirSync(`${out}.tmp-${process.pid}`);
    expect(refusal(out).message).toMatch(/cannot create the temporary folder .*blocked\.tmp-\d+ .*EEXIST/);
    rmSync(`${out}.tmp-${process.pid}`, { recursive: true });
  });
});

describe('OutputFolder writes beside the target and replaces it only when complete', () => {
  test('prepare creates <out>.tmp-<pid> beside the target; commit renames it into place', () => {
    const out = join(dir, 'fresh');
    const folder = OutputFolder.prepare(out);
    expect(folder.staging).toBe(`${out}.tmp-${process.pid}`);
    expect(readdirSync(folder.staging)).toEqual([]);
    expect(existsSync(out)).toBe(false);
    writeFileSync(join(folder.staging, 'flows.csv'), 'a\n');
    expect(folder.finalPath(join(folder.staging, 'flows.csv'))).toBe(join(out, 'flows.csv'));
    folder.commit();
    expect(readdirSync(out)).toEqual(['flows.csv']);
    expect(existsSync(folder.staging)).toBe(false);
  });

  test('commit replaces an earlier run’s folder whole: none of its files remain', () => {
    const out = join(dir, 'again');
    earlierRun(out, ['flows', 'postings']);
    const folder = OutputFolder.prepare(out);
    writeFileSync(join(folder.staging, 'flows.csv'), 'new\n');
    writeFileSync(join(folder.staging, 'flows.parquet'), 'PAR1');
    folder.commit();
    expect(readdirSync(out).sort()).toEqual(['flows.csv', 'flows.parquet']);
    expect(readFileSync(join(out, 'flows.csv'), 'utf8')).toBe('new\n');
    expect(readdirSync(dir).filter((n) => n.startsWith('again.'))).toEqual([]);
  });

  test('discard removes the temporary folder and leaves an earlier output untouched', () => {
    const out = join(dir, 'kept');
    earlierRun(out, ['flows']);
    const exitListeners = process.listenerCount('exit');
    const folder = OutputFolder.prepare(out);
    expect(process.listenerCount('exit')).toBe(exitListeners + 1);
    writeFileSync(join(folder.staging, 'flows.csv'), 'half');
    folder.discard();
    expect(process.listenerCount('exit')).toBe(exitListeners);
    expect(existsSync(folder.staging)).toBe(false);
    expect(readFileSync(join(out, 'flows.csv'), 'utf8')).toBe('flows\n');
    expect(() => folder.commit()).toThrow(/already committed or discarded/);
  });
});
