/**
 * Opening a sharded run in the page (打开分片运行): the picked or dropped files are read and checked
 * (runFilesRead.ts), and the page's run service finishes the run as it finishes its own — the
 * samples rebuilt from the shards' rows (runFilesRows.ts), clearing and the prepayment model run
 * by {@link runMergedScenario} on the page's draw workers, summary, digest and tables — so Compare
 * and Prepayment show it like a run the page made. Its refusals are said in Chinese and English,
 * naming the shard.
 */
import { formatScenarioErrors, parseScenario } from '../scenario';
import { runMergedScenario } from '../runtime/shardMerge';
import { ShardRefusal, type ShardIdentity } from '../runtime/shardFormat';
import { defineMessages, type Lang } from '../text/i18n';
import type { CompletedRun, RunOptions, RunService } from './runs';
import { fill } from './placeholders';
import { readPickedRun, type RunFile } from './runFilesRead';
import { pickedSampleReader } from './runFilesRows';

/** Confidence at which an opened run answers the prepayment model first (as the page's own runs). */
const CONFIDENCE = 0.95;

/** The key under which the run service keeps an opened run: its run-wide identity. */
export function openedRunKey(identity: ShardIdentity): string {
  return JSON.stringify([
    'files',
    identity.scenarioDigest,
    identity.seed,
    identity.scaleK,
    identity.replications,
    identity.shards,
  ]);
}

/**
 * Reads and checks `files` as one sharded run and has `runs` finish it (in the page's queue, like a
 * run). Rejects with a {@link ShardRefusal} naming the shard when the files are not one whole run,
 * or when the scenario they carry does not validate in this copy.
 */
export async function openRunFiles(
  runs: RunService,
  files: readonly RunFile[],
  options: RunOptions = {},
): Promise<CompletedRun> {
  const picked = readPickedRun(files);
  const { identity } = picked;
  const label = picked.shards[0]!.label;
  let json: unknown;
  try {
    json = JSON.parse(identity.scenario);
  } catch {
    throw new ShardRefusal(label, 'the scenario in its metadata is not JSON');
  }
  const parsed = parseScenario(json);
  if (!parsed.ok) {
    throw new ShardRefusal(
      label,
      `the scenario in the shards is not valid in this copy:\n${formatScenarioErrors(parsed.errors)}`,
    );
  }
  return runs.adopt(
    openedRunKey(identity),
    { scenario: parsed.scenario, scaleK: identity.scaleK, replications: identity.replications },
    {
      kind: 'files',
      shards: identity.shards,
      labels: picked.shards.map((s) => s.label),
      engineVersion: identity.engineVersion,
      ignored: picked.ignored,
    },
    ({ population, drawYears }) =>
      runMergedScenario(identity, population, pickedSampleReader(picked.shards), {
        confidence: CONFIDENCE,
        drawYears,
      }),
    options,
  );
}

/** Texts of opened runs and of their refusals. */
export const RUN_FILE_TEXTS = defineMessages({
  opened: { zh: '由文件打开', en: 'opened from files' },
  label: {
    zh: '{title}（{id}）· 由文件打开 · 比例 1:{k} · 种子 {seed} · {n} 个分片',
    en: '{title} ({id}) · opened from files · scale 1:{k} · seed {seed} · {n} shard(s)',
  },
  missing: {
    zh: '缺少分片 {shard}：所选文件中没有 {folder}，请连同它一起选择{half}',
    en: '{message}',
  },
  half: { zh: '（只有未写完的副本，请重新运行该分片）', en: '' },
  twice: { zh: '分片 {shard} 重复：同一分片被选了两次', en: '{message}' },
  foreign: { zh: '分片 {shard} 属于另一次运行（{field}不同），不能与其他分片合并', en: '{message}' },
  unreadable: { zh: '分片 {shard} 的文件无法作为 Parquet 读取（文件被截断或未写完？）', en: '{message}' },
  incomplete: { zh: '分片 {shard} 不完整：缺少 {file}', en: '{message}' },
  families: { zh: '分片 {shard} 的家庭范围与其编号不符', en: '{message}' },
  none: {
    zh: '所选文件中没有分片文件：需要分片目录 shard-IIII-of-NNNN 中的 counts.parquet、flows.parquet、arrays.parquet',
    en: '{message}',
  },
  other: { zh: '分片 {shard} 被拒绝', en: '{message}' },
});

/** Chinese names of the run-wide fields a foreign shard may differ in (as the merge names them). */
const FIELD_ZH: Readonly<Record<string, string>> = {
  'scenario digest': '方案摘要',
  seed: '随机种子',
  'scale 1:k, k': '比例',
  window: '时间窗口',
  replications: '重复次数',
  families: '家庭数',
  'shard count n': '分片总数',
  'engine version': '引擎版本',
};

/**
 * A refusal of picked files in `lang`, naming the shard: the merge's English message as it is, or
 * its Chinese counterpart (with the English details after it where Chinese has no words for them).
 */
export function refusalText(error: ShardRefusal, lang: Lang): string {
  const message = error.message;
  const pick = (key: keyof typeof RUN_FILE_TEXTS, values: Record<string, string> = {}): string =>
    fill(RUN_FILE_TEXTS[key][lang], { shard: error.shard, message, ...values });
  if (/ is missing: no folder /.test(message)) {
    const folder = /no folder (\S+)/.exec(message)?.[1] ?? '';
    return pick('missing', {
      folder,
      half: /half-written/.test(message) ? RUN_FILE_TEXTS.half[lang] : '',
      shard: folder || error.shard,
    });
  }
  if (/ is there twice/.test(message)) return pick('twice');
  if (/belongs to another run/.test(message)) {
    const field = /its (.+?) is /.exec(message)?.[1] ?? '';
    return pick('foreign', { field: FIELD_ZH[field] ?? field });
  }
  if (/cannot be read/.test(message)) return pick('unreadable');
  if (/is missing: the shard is incomplete/.test(message)) {
    return pick('incomplete', { file: /(\w+\.parquet) is missing/.exec(message)?.[1] ?? '' });
  }
  if (/ holds families /.test(message)) return pick('families');
  if (/is a shard file|no file was chosen/.test(message)) return pick('none');
  return lang === 'zh' ? `${pick('other')}：${message}` : message;
}

/** An opened run's label: its scenario's title and id, "opened from files", scale, seed and shards. */
export function openedRunLabel(run: CompletedRun, lang: Lang): string {
  const { scenario, scaleK } = run.request;
  return fill(RUN_FILE_TEXTS.label[lang], {
    title: scenario.title[lang],
    id: scenario.id,
    k: String(scaleK),
    seed: scenario.seed,
    n: String(run.source?.shards ?? 1),
  });
}

/** An opened run's short name in Compare's charts and tables (distinct from the page's own runs). */
export function openedRunId(run: CompletedRun): string {
  return `${run.request.scenario.id}（文件 files 1:${run.request.scaleK}）`;
}
