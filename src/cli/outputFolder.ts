/**
 * The output folder of a command (输出目录), checked before any work and replaced only when the
 * output is complete. {@link OutputFolder.prepare} refuses, naming the path: a parent folder that
 * does not exist or is not a folder, a parent on a virtual file system such as /proc or /sys (where
 * a recursive mkdir spins forever), a file or a symbolic link where the folder should be, a folder
 * that holds anything but an earlier run's tables, and the working folder or one above it. It then
 * creates the temporary folder `<out>.tmp-<pid>` beside the target, which proves the parent takes
 * new folders and files; the command writes there, and {@link OutputFolder.commit} puts it in place
 * of the target (the earlier output is removed only then), or {@link OutputFolder.discard} removes
 * it and leaves any earlier output untouched.
 */
import {
  lstatSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statfsSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { writeTables, type WrittenTable } from '../analytics/node';
import type { ColumnTable } from '../analytics/columns';
import { ArgumentError } from './args';

/** Linux `statfs` magic numbers of virtual file systems that hold no files of ours. */
const VIRTUAL_FILE_SYSTEMS: ReadonlyMap<number, string> = new Map([
  [0x9fa0, 'proc'],
  [0x62656572, 'sysfs'],
  [0x64626720, 'debugfs'],
  [0x74726163, 'tracefs'],
  [0x27e0eb, 'cgroup'],
  [0x63677270, 'cgroup2'],
  [0x73636673, 'securityfs'],
  [0x6165676c, 'pstore'],
  [0xcafe4a11, 'bpf'],
  [0x62656570, 'configfs'],
  [0x1cd1, 'devpts'],
  [0xde5e81e4, 'efivarfs'],
  [0x65735543, 'fusectl'],
  [0x19800202, 'mqueue'],
  [0xf97cff8c, 'selinuxfs'],
  [0x42494e4d, 'binfmt_misc'],
]);

/** A table file a run writes: `<name>.parquet` or `<name>.csv`. */
const TABLE_FILE = /^(.+)\.(parquet|csv)$/;

/** The error for `--out <path>`: Chinese, then English. */
function refused(path: string, zh: string, en: string): ArgumentError {
  return new ArgumentError(`--out "${path}": ${zh} / ${en}`, 'out');
}

function code(e: unknown): string {
  return e instanceof Error && 'code' in e ? String(e.code) : String(e);
}

/**
 * Whether `name`, among the file names `names` of an earlier output folder, is one a command may
 * replace; the default: a table written as both `<name>.parquet` and `<name>.csv`.
 */
export type EarlierOutput = (name: string, names: ReadonlySet<string>) => boolean;

/** An earlier run's table file: `<name>.parquet` or `<name>.csv` with its twin beside it. */
const earlierTable: EarlierOutput = (name, names) => {
  const m = TABLE_FILE.exec(name);
  return m !== null && names.has(`${m[1]}.${m[2] === 'csv' ? 'parquet' : 'csv'}`);
};

/**
 * Refuses what `target` holds unless it is missing, or a folder of an earlier output: files that
 * `earlier` accepts and sub-folders named in `folders`.
 */
function checkTarget(
  out: string,
  target: string,
  earlier: EarlierOutput,
  folders: ReadonlySet<string>,
): 'missing' | 'folder' {
  let stats;
  try {
    stats = lstatSync(target);
  } catch (e) {
    if (code(e) === 'ENOENT') return 'missing';
    throw refused(out, `无法读取：${code(e)}`, `cannot be examined: ${code(e)}`);
  }
  if (stats.isSymbolicLink()) {
    throw refused(out, '是符号链接，请给出目录本身', 'is a symbolic link; give the folder itself');
  }
  if (!stats.isDirectory()) throw refused(out, '是文件，此处需要目录', 'is a file; a folder is expected');
  const names = readdirSync(target);
  const known = new Set(names);
  for (const name of names) {
    const entry = lstatSync(join(target, name));
    const ours = entry.isFile() ? earlier(name, known) : entry.isDirectory() && folders.has(name);
    if (!ours) {
      throw refused(
        out,
        `目录中有非模拟结果的内容（${name}），请另选目录或清空`,
        `the folder holds something other than an earlier run's tables (${name}); choose another folder or empty it`,
      );
    }
  }
  return 'folder';
}

/** A command's output folder: the target, and the temporary folder beside it that is written first. */
export class OutputFolder {
  /** The folder as given on the command line. */
  readonly out: string;
  /** The absolute target folder. */
  readonly target: string;
  /** The temporary folder beside the target, `<target>.tmp-<tag>`, that the command writes to. */
  readonly staging: string;
  #open = true;
  readonly #earlier: EarlierOutput;
  readonly #folders: ReadonlySet<string>;
  readonly #tag: string;
  readonly #onExit = (): void => this.discard();

  private constructor(
    out: string,
    target: string,
    staging: string,
    earlier: { files: EarlierOutput; folders: ReadonlySet<string> },
    tag: string,
  ) {
    this.out = out;
    this.target = target;
    this.staging = staging;
    this.#earlier = earlier.files;
    this.#folders = earlier.folders;
    this.#tag = tag;
    process.once('exit', this.#onExit);
  }

  /**
   * Checks `out` and creates the temporary folder beside it; throws an {@link ArgumentError} naming
   * the path when it cannot be the output. The temporary folder is removed again at exit unless
   * committed. `options.earlier` says which files of an earlier output the folder may hold (default:
   * tables as Parquet and CSV twins) and `options.earlierFolders` which sub-folders (default: none);
   * `options.tag` ends the temporary folder's name (default: the
   * process id; where many machines share a folder, e.g. the host name and the process id).
   */
  static prepare(
    out: string,
    cwd: string = process.cwd(),
    options: { earlier?: EarlierOutput; earlierFolders?: readonly string[]; tag?: string } = {},
  ): OutputFolder {
    const { earlier = earlierTable, tag = String(process.pid) } = options;
    const folders = new Set(options.earlierFolders ?? []);
    const target = resolve(cwd, out);
    const parent = dirname(target);
    if (target === parent || cwd === target || cwd.startsWith(target + sep)) {
      throw refused(
        out,
        '是当前工作目录或其上级，不能被替换',
        'is the working folder or a folder above it, which cannot be replaced',
      );
    }
    let parentStats;
    try {
      parentStats = statSync(parent);
    } catch (e) {
      throw refused(
        out,
        `上级目录 ${parent} 不存在或无法访问（${code(e)}）`,
        `its parent folder ${parent} does not exist or cannot be reached (${code(e)})`,
      );
    }
    if (!parentStats.isDirectory()) {
      throw refused(out, `上级 ${parent} 不是目录`, `its parent ${parent} is not a folder`);
    }
    if (process.platform === 'linux') {
      const fs = VIRTUAL_FILE_SYSTEMS.get(statfsSync(parent).type);
      if (fs !== undefined) {
        throw refused(
          out,
          `位于虚拟文件系统（${fs}），无法写入文件`,
          `is on a virtual file system (${fs}), where files cannot be written`,
        );
      }
    }
    checkTarget(out, target, earlier, folders);
    const staging = join(parent, `${basename(target)}.tmp-${tag}`);
    let created = false;
    try {
      mkdirSync(staging);
      created = true;
      writeFileSync(join(staging, '.probe'), '');
      rmSync(join(staging, '.probe'));
    } catch (e) {
      // Only a folder made here is removed: one that was there already belongs to someone else.
      if (created) rmSync(staging, { recursive: true, force: true });
      throw refused(
        out,
        `无法在 ${parent} 中创建临时目录（${code(e)}）`,
        `cannot create the temporary folder ${staging} beside it (${code(e)})`,
      );
    }
    return new OutputFolder(out, target, staging, { files: earlier, folders }, tag);
  }

  /**
   * Puts the temporary folder in place of the target: an earlier run's folder is moved aside, the
   * new one renamed into place, and the earlier one removed; if the rename fails, the earlier one is
   * put back. Throws an {@link ArgumentError} when the target has meanwhile become something else.
   */
  commit(): void {
    if (!this.#open) throw new Error(`the output ${this.staging} was already committed or discarded`);
    const existing = checkTarget(this.out, this.target, this.#earlier, this.#folders);
    const aside = `${this.target}.old-${this.#tag}`;
    if (existing === 'folder') renameSync(this.target, aside);
    try {
      renameSync(this.staging, this.target);
    } catch (e) {
      if (existing === 'folder') renameSync(aside, this.target);
      throw e;
    }
    this.#open = false;
    process.removeListener('exit', this.#onExit);
    if (existing === 'folder') rmSync(aside, { recursive: true, force: true });
  }

  /** Removes the temporary folder (when not committed); an earlier output stays as it was. */
  discard(): void {
    if (!this.#open) return;
    this.#open = false;
    process.removeListener('exit', this.#onExit);
    rmSync(this.staging, { recursive: true, force: true });
  }

  /** Where a file written into the temporary folder as `path` ends up after {@link commit}. */
  finalPath(path: string): string {
    return join(this.target, basename(path));
  }

  /**
   * Writes the tables into the temporary folder (`<name>.parquet` and `<name>.csv`) and returns
   * the paths they will have after {@link commit}.
   */
  async writeTables(tables: readonly ColumnTable[]): Promise<WrittenTable[]> {
    return (await writeTables(this.staging, tables)).map((t) => ({
      ...t,
      parquet: this.finalPath(t.parquet),
      csv: this.finalPath(t.csv),
    }));
  }
}
