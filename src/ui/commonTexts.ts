/**
 * Texts several workspaces share (通用界面文字): the run controls and the chart downloads. Each
 * workspace spreads them into its own dictionary, so the same words read the same everywhere.
 */
import type { Message } from '../text/i18n';

/** Run controls: scale, cancel, and how a run ended. */
export const RUN_TEXTS = {
  scale: { zh: '抽样比例', en: 'Scale' },
  cancel: { zh: '取消', en: 'Cancel' },
  cancelled: { zh: '已取消。', en: 'Cancelled.' },
  failed: { zh: '运行失败：', en: 'The run failed: ' },
} as const satisfies Record<string, Message>;

/** Download buttons of a chart and its data. */
export const DOWNLOAD_TEXTS = {
  'download.csv': { zh: '下载数据 CSV', en: 'Download data (CSV)' },
  'download.svg': { zh: '下载图 SVG', en: 'Download chart (SVG)' },
  'download.png': { zh: '下载图 PNG', en: 'Download chart (PNG)' },
} as const satisfies Record<string, Message>;
