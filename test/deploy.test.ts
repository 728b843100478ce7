import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadValidScenario } from '../src/cli/args';
import { engineInput, simulateRange } from '../src/engine';
import { sampleSize } from '../src/population/generate';
import { resultDigest } from '../src/runtime/digest';
import { toEngineParameters } from '../src/scenario';
import { population } from './engine/helpers';
import { parseYaml, type Yaml } from './deployYaml';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEPLOY = join(REPO, 'deploy');

/** A path into a parsed manifest; throws naming the path when it is not there. */
function at(doc: Yaml, path: string): Yaml {
  let node: Yaml = doc;
  for (const key of path.split('.')) {
    const next: Yaml | undefined = Array.isArray(node)
      ? node[Number(key)]
      : node !== null && typeof node === 'object'
        ? node[key]
        : undefined;
    if (next === undefined) throw new Error(`the manifest has no ${path} (stopped at ${key})`);
    node = next;
  }
  return node;
}

/** A manifest of deploy/kubernetes. */
function manifest(name: string): Yaml {
  return parseYaml(readFileSync(join(DEPLOY, 'kubernetes', name), 'utf8'));
}

/** The environment a container sets, as a map. */
function envOf(container: Yaml): Record<string, string> {
  const env = at(container, 'env') as { name: string; value: string }[];
  return Object.fromEntries(env.map((e) => [e.name, String(e.value)]));
}

describe('the YAML reader of the deploy tests', () => {
  test('reads mappings, sequences, quoted and plain scalars and folded blocks', () => {
    const doc = parseYaml(
      'a: 1\nb: \'x: y\'\nc:\n  - d: true\n    e: "q"\n  - plain\nf: >-\n  one\n  two\n# comment\n',
    );
    expect(doc).toEqual({ a: 1, b: 'x: y', c: [{ d: true, e: 'q' }, 'plain'], f: 'one two' });
  });

  test('refuses what it cannot vouch for, with the line', () => {
    expect(() => parseYaml('a: [1, 2]')).toThrow(/line 1/);
    expect(() => parseYaml('a: &x 1')).toThrow(/line 1/);
    expect(() => parseYaml('a: 1 # note')).toThrow(/line 1/);
    expect(() => parseYaml('a: 1\na: 2')).toThrow(/line 2: key a given twice/);
    expect(() => parseYaml('a:\n    b: 1\n  c: 2')).toThrow(/line 3/);
  });
});

describe('the Kubernetes Indexed Job and the merge Job', () => {
  const job = manifest('shards-job.yaml');
  const mergeJob = manifest('merge-job.yaml');
  const volume = manifest('volume.yaml');
  const shard = at(job, 'spec.template.spec.containers.0');
  const merger = at(mergeJob, 'spec.template.spec.containers.0');

  test('one pod per shard: Indexed, completions = parallelism = SHARDS, pods not restarted in place', () => {
    expect(at(job, 'apiVersion')).toBe('batch/v1');
    expect(at(job, 'kind')).toBe('Job');
    expect(at(job, 'spec.completionMode')).toBe('Indexed');
    const shards = Number(envOf(shard).SHARDS);
    expect(shards).toBeGreaterThan(1);
    expect(at(job, 'spec.completions')).toBe(shards);
    expect(at(job, 'spec.parallelism')).toBe(shards);
    expect(at(job, 'spec.backoffLimitPerIndex')).toBeGreaterThanOrEqual(1);
    expect(at(job, 'spec.template.spec.restartPolicy')).toBe('Never');
  });

  test('pod k runs shard k + 1 of SHARDS (JOB_COMPLETION_INDEX is 0-based) into the shared volume', () => {
    const command = (at(shard, 'command') as string[]).join(' ');
    expect(command).toContain('--shard "$((JOB_COMPLETION_INDEX + 1))/$SHARDS"');
    expect(command).toMatch(/npm run -s simulate -- /);
    expect(command).toContain('--out "$SHARD_ROOT/$RUN"');
    const mount = at(shard, 'volumeMounts.0') as { name: string; mountPath: string };
    expect(envOf(shard).SHARD_ROOT).toBe(mount.mountPath);
    expect(at(job, 'spec.template.spec.volumes.0.name')).toBe(mount.name);
    expect(at(job, 'spec.template.spec.volumes.0.persistentVolumeClaim.claimName')).toBe(
      at(volume, 'metadata.name'),
    );
    expect(at(volume, 'spec.accessModes')).toContain('ReadWriteMany');
  });

  test('retry-shard.sh makes a one-pod Job that runs shard i alone, with the same command and volume', () => {
    const r = spawnSync('bash', [join(DEPLOY, 'kubernetes/retry-shard.sh'), '3', '--print'], {
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    const retry = parseYaml(r.stdout);
    expect(at(retry, 'metadata.name')).toBe('gongji-shard-3-retry');
    expect(at(retry, 'spec.completions')).toBe(1);
    expect(() => at(retry, 'spec.completionMode')).toThrow(/no spec.completionMode/);
    const container = at(retry, 'spec.template.spec.containers.0');
    expect(envOf(container).JOB_COMPLETION_INDEX).toBe('2');
    expect(envOf(container).SHARDS).toBe(envOf(shard).SHARDS);
    expect(at(container, 'command')).toEqual(at(shard, 'command'));
    expect(at(retry, 'spec.template.spec.volumes')).toEqual(at(job, 'spec.template.spec.volumes'));
    const outside = spawnSync('bash', [join(DEPLOY, 'kubernetes/retry-shard.sh'), '99', '--print'], {
      encoding: 'utf8',
    });
    expect(outside.status).toBe(2);
    expect(outside.stderr).toMatch(/shard 99 is outside 1-8/);
  });

  test('the merge Job reads the same run from the same volume and writes beside it', () => {
    expect(at(mergeJob, 'kind')).toBe('Job');
    expect(at(mergeJob, 'spec.completions')).toBe(1);
    const command = (at(merger, 'command') as string[]).join(' ');
    expect(command).toContain('npm run -s merge -- --in "$SHARD_ROOT/$RUN" --out "$SHARD_ROOT/$RUN-merged"');
    expect(envOf(merger).RUN).toBe(envOf(shard).RUN);
    expect(envOf(merger).SHARD_ROOT).toBe(envOf(shard).SHARD_ROOT);
    expect(at(merger, 'volumeMounts.0.mountPath')).toBe(at(shard, 'volumeMounts.0.mountPath'));
    expect(at(mergeJob, 'spec.template.spec.volumes.0.persistentVolumeClaim.claimName')).toBe(
      at(volume, 'metadata.name'),
    );
  });
});

describe('the Slurm job array and the local runner', () => {
  const script = (name: string) => readFileSync(join(DEPLOY, name), 'utf8');

  test.each([
    'slurm/shards.sbatch',
    'slurm/merge.sbatch',
    'slurm/submit.sh',
    'local/run-shards.sh',
    'kubernetes/retry-shard.sh',
  ])('%s is valid bash (bash -n)', (name) => {
    const r = spawnSync('bash', ['-n', join(DEPLOY, name)], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
  });

  test('the array is 1-SHARDS and task i runs shard SLURM_ARRAY_TASK_ID of SHARDS', () => {
    const text = script('slurm/shards.sbatch');
    const array = /^#SBATCH --array=1-(\d+)$/m.exec(text);
    const shards = /^SHARDS="\$\{SHARDS:-(\d+)\}"$/m.exec(text);
    expect(array?.[1]).toBeDefined();
    expect(array?.[1]).toBe(shards?.[1]);
    expect(text).toContain('--shard "$SLURM_ARRAY_TASK_ID/$SHARDS"');
    expect(script('slurm/submit.sh')).toMatch(/--dependency="afterok:/);
    expect(script('slurm/merge.sbatch')).toContain('npm run -s merge -- --in "$SHARD_ROOT/$RUN"');
  });
});

describe('a dry run on this machine of the commands the definitions contain (1:10000, 2 shards)', () => {
  let root = '';
  beforeAll(() => void (root = mkdtempSync(join(tmpdir(), 'gongji-deploy-'))));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('the Kubernetes pod command runs shard 1, the Slurm script shard 2; both merges give the single run', async () => {
    const settings = { SCALE: '1:10000', SHARDS: '2', WORKERS: '1', SHARD_ROOT: root, RUN: 'dry' };
    const k8s = manifest('shards-job.yaml');
    const [shell, flag, line] = at(k8s, 'spec.template.spec.containers.0.command') as string[];
    const env = { ...process.env, ...envOf(at(k8s, 'spec.template.spec.containers.0')), ...settings };
    const pod = spawnSync(shell!, [flag!, line!], {
      cwd: REPO,
      encoding: 'utf8',
      env: { ...env, JOB_COMPLETION_INDEX: '0' },
    });
    expect(pod.status, pod.stderr).toBe(0);
    const task = spawnSync('bash', [join(DEPLOY, 'slurm/shards.sbatch')], {
      cwd: REPO,
      encoding: 'utf8',
      env: { ...process.env, ...settings, SLURM_ARRAY_TASK_ID: '2', GONGJI_DIR: REPO },
    });
    expect(task.status, task.stderr).toBe(0);

    const m = manifest('merge-job.yaml');
    const [mShell, mFlag, mLine] = at(m, 'spec.template.spec.containers.0.command') as string[];
    const mEnv = { ...process.env, ...envOf(at(m, 'spec.template.spec.containers.0')), ...settings };
    const merged = spawnSync(mShell!, [mFlag!, mLine!], { cwd: REPO, encoding: 'utf8', env: mEnv });
    expect(merged.status, merged.stderr).toBe(0);
    const slurmMerged = spawnSync('bash', [join(DEPLOY, 'slurm/merge.sbatch')], {
      cwd: REPO,
      encoding: 'utf8',
      env: { ...process.env, ...settings, GONGJI_DIR: REPO },
    });
    expect(slurmMerged.status, slurmMerged.stderr).toBe(0);

    const scenario = await loadValidScenario(join(REPO, 'scenarios/baseline-2026.json'));
    const { dataset, model } = population();
    const input = engineInput(toEngineParameters(scenario), model, dataset, 10_000);
    const digest = await resultDigest(simulateRange(input, 0, sampleSize(model, 10_000)));
    const report = JSON.parse(merged.stdout) as { digest: string; shards: string[] };
    expect(report.shards).toEqual([
      join(root, 'dry', 'shard-0001-of-0002'),
      join(root, 'dry', 'shard-0002-of-0002'),
    ]);
    expect(report.digest).toBe(digest);
    expect((JSON.parse(slurmMerged.stdout) as { digest: string }).digest).toBe(digest);
  }, 600_000);
});
