/**
 * The five-year record's runs in the Validation workspace (五年累计运行): record-2021-2023 and
 * record-2024-2025 at the chosen scale on the page's shared runs, one after the other (each waits its
 * turn in their queue, without the prepayment model, which the record does not use), added up, and
 * pilot-2025-wallet's rollout counted over the page's pooling areas; turned into the record's rows.
 */
import type { Dataset } from '../../population/dataset';
import {
  PUBLISHED_RECORD,
  RECORD_SCENARIOS,
  recordFigures,
  type RecordFigures,
  WALLET_SCENARIO,
  walletReach,
} from '../../engine/record';
import type { RunProgress } from '../../runtime/progress';
import { formatFen } from '../../text/format';
import type { Lang } from '../../text/i18n';
import { toRuleParameters } from '../../scenario';
import type { Scenario } from '../../scenario';
import type { RunTask } from '../runController';
import type { CompletedRun } from '../runs';
import { bundledScenario } from '../scenarioFiles';
import { recordRecords } from './record';
import type { TargetRecord } from './sections';

/** What the record's runs report while they go on. */
export interface RecordListener {
  /** Another workspace's run holds the pool: this run waits for it. */
  waiting(): void;
  /** Progress of run `part` (0-based) of `parts`. */
  progress(p: RunProgress, part: number, parts: number): void;
}

/** The finished record: its runs, the figures added up and the rows. */
export interface RecordOutcome {
  runs: CompletedRun[];
  figures: RecordFigures;
  records: TargetRecord[];
}

/** A bundled scenario by id; throws naming it when it is missing or invalid. */
function scenarioOf(id: string): Scenario {
  const scenario = bundledScenario(id);
  if (!scenario) throw new Error(`the bundled scenario ${id} is missing or invalid`);
  return scenario;
}

/**
 * Runs the record scenarios at 1:`scaleK` as part of `task` (each waiting its turn in the page's
 * queue) and returns the record's rows, the wallet counted over `dataset`'s pooling areas. Rejects
 * with RunCancelled when the task is cancelled or withdrawn.
 */
export async function runRecord(
  task: RunTask,
  scaleK: number,
  dataset: Dataset,
  listener: RecordListener,
): Promise<RecordOutcome> {
  const scenarios = RECORD_SCENARIOS.map(scenarioOf);
  const wallet = walletReach(
    toRuleParameters(scenarioOf(WALLET_SCENARIO)).geography,
    dataset,
    PUBLISHED_RECORD.walletMonth,
  );
  const runs: CompletedRun[] = [];
  for (const [part, scenario] of scenarios.entries()) {
    runs.push(
      await task.run(
        { scenario, scaleK, prepaymentModel: false },
        {
          onQueued: () => {
            if (task.current) listener.waiting();
          },
          onProgress: (_, p) => {
            if (task.current) listener.progress(p, part, scenarios.length);
          },
        },
      ),
    );
  }
  const figures = recordFigures(
    runs.map((r) => ({ result: r.run.result, firstMonth: r.request.scenario.window.start })),
  );
  return { runs, figures, records: recordRecords(figures, wallet) };
}

/**
 * The values of the line under the record's note: `scenarios` (their ids), `k`, `s` (seconds of the
 * runs together) and `years` (each year's amount, 亿元 in Chinese).
 */
export function recordDetailValues(outcome: RecordOutcome, lang: Lang): Record<string, string> {
  const zh = lang === 'zh';
  const years = outcome.figures.years.map(
    (y) => `${y.year}${zh ? '年 ' : ' '}${formatFen(Math.round(y.yuan * 100), lang)}`,
  );
  return {
    scenarios: outcome.runs.map((r) => r.request.scenario.id).join(zh ? '、' : ' and '),
    k: String(outcome.runs[0]?.request.scaleK ?? ''),
    s: outcome.runs.reduce((sum, r) => sum + r.seconds, 0).toFixed(1),
    years: years.join(zh ? '，' : ', '),
  };
}
