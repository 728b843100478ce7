/**
 * The footer of an exported chart (导出图注): which scenarios, at what scale, with which seed (and
 * replications and confidence where they apply), so an image or a report page says how to reproduce
 * it; and the unit line. Shared by the workspaces, so every export words them the same way.
 */
import type { Lang } from '../../text/i18n';

/** A scenario as an export names it: id, title in the language, and the seed it ran with. */
export interface ExportScenario {
  id: string;
  title: string;
  seed: string;
}

/** What a run (or a comparison of runs) was. */
export interface RunDescription {
  scenarios: readonly ExportScenario[];
  scaleK: number;
  replications?: number;
  /** Confidence of a needed size, e.g. 0.95. */
  confidence?: number;
  /** Result digests (SHA-256, hex) by scenario id. */
  digests?: Readonly<Record<string, string>>;
}

/** The unit line of an export: "单位：亿元/月" / "Unit: billion yuan a month". */
export function unitLine(unit: string, lang: Lang): string {
  return lang === 'zh' ? `单位：${unit}` : `Unit: ${unit}`;
}

/**
 * The footer lines of an export: the scenarios with their titles, then scale, seeds, replications
 * and confidence, then the digests when given, then where it comes from.
 */
export function runFooter(run: RunDescription, lang: Lang): string[] {
  const zh = lang === 'zh';
  const list = run.scenarios.map((s) => (zh ? `${s.id}（${s.title}）` : `${s.id} (${s.title})`));
  const seeds = [...new Set(run.scenarios.map((s) => s.seed))];
  const seedText =
    seeds.length <= 1
      ? zh
        ? `随机种子 ${seeds[0] ?? '—'}`
        : `seed ${seeds[0] ?? '—'}`
      : (zh ? '随机种子 ' : 'seeds ') +
        run.scenarios.map((s) => `${s.id} = ${s.seed}`).join(zh ? '，' : ', ');
  const settings = [
    zh ? `抽样比例 1:${run.scaleK}` : `scale 1:${run.scaleK}`,
    seedText,
    ...(run.replications === undefined
      ? []
      : [zh ? `${run.replications} 次重复模拟` : `${run.replications} replications`]),
    ...(run.confidence === undefined
      ? []
      : [
          zh
            ? `置信度 ${Math.round(100 * run.confidence)}%`
            : `confidence ${Math.round(100 * run.confidence)}%`,
        ]),
  ];
  const digests = Object.entries(run.digests ?? {});
  return [
    (zh ? '方案：' : run.scenarios.length > 1 ? 'Scenarios: ' : 'Scenario: ') + list.join(zh ? '；' : '; '),
    settings.join(zh ? '，' : ', '),
    ...(digests.length > 0
      ? [
          (zh ? '结果摘要（SHA-256）：' : 'Result digests (SHA-256): ') +
            digests.map(([id, d]) => `${id} ${d.slice(0, 16)}`).join(zh ? '；' : '; '),
        ]
      : []),
    zh
      ? '共济 Gongji 工作台的模拟结果（合成人口，非官方统计）'
      : 'Simulated with the Gongji workbench (a synthetic population, not official statistics)',
  ];
}
