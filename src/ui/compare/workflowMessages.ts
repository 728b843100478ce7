/**
 * Texts of the researcher's workflow in the Compare workspace (研究人员工作流文字): opening and
 * downloading scenario files, what the address could not use, and why an edited copy was not run.
 * Merged into the workspace's dictionary (`compareMessages`).
 */
import { defineMessages } from '../../text/i18n';

/** The workflow's texts, in Chinese and English. */
export const WORKFLOW_MESSAGES = defineMessages({
  'address.unknownRun': {
    zh: '地址中的方案“{id}”既不是内置方案，也不是本次会话中打开的文件，未运行（分享的链接带不走本机文件：请先打开该文件）。',
    en: 'The address names the scenario “{id}”, which is neither bundled nor a file opened in this session: it was not run (a shared link cannot carry a local file: open the file first).',
  },
  'address.badScale': {
    zh: '地址给出的 scale={value} 不是可选的比例（1:k 的 k：{scales}），改按 1:{k} 运行。',
    en: 'The address gives scale={value}, which is not an offered scale (k of 1:k: {scales}): the runs use 1:{k}.',
  },
  'address.unknownBase': {
    zh: '地址中修改后副本的基础方案“{id}”不存在，未运行修改后的副本。',
    en: 'The address’s edited copy starts from “{id}”, which is not a scenario here: the edited copy was not run.',
  },
  'address.fallback': {
    zh: '地址中没有可运行的方案，改为运行 {id}。',
    en: 'No scenario of the address can run: {id} ran instead.',
  },
  'address.moreIgnored': {
    zh: '另有 {n} 项地址参数未被采用。',
    en: '{n} more values of the address were not used.',
  },
  'refuse.run': {
    zh: '修改后的副本有错误，未运行：{fields}。请先在下方参数编辑器中改正。',
    en: 'The edited copy has errors and was not run: {fields}. Correct them in the parameter editor below.',
  },
  'refuse.download': {
    zh: '修改后的副本有错误，无法下载：{fields}。',
    en: 'The edited copy has errors and cannot be downloaded: {fields}.',
  },
  'refuse.more': { zh: '等 {n} 处', en: 'and {n} more' },
  'editor.oneError': { zh: '副本有 1 处错误：{fields}。', en: 'The copy has 1 error: {fields}.' },
  'editor.someErrors': { zh: '副本有 {n} 处错误：{fields}。', en: 'The copy has {n} errors: {fields}.' },
  'file.open': { zh: '打开方案文件…', en: 'Open scenario file…' },
  'file.drop': {
    zh: '也可把 JSON 方案文件拖放到本工作区。打开的文件只保存在本标签页的本次会话中；分享的链接带不走本机文件，请连同文件一起发送。',
    en: 'Or drop JSON scenario files onto this workspace. Opened files are kept for this tab’s session only; a shared link cannot carry a local file, so send the file with it.',
  },
  'file.dropHere': { zh: '松开鼠标即可打开方案文件', en: 'Drop to open the scenario files' },
  'file.opened': {
    zh: '已打开 {file}：方案 {id}，已勾选，可运行。',
    en: 'Opened {file}: scenario {id}, ticked and ready to run.',
  },
  'file.renamed': {
    zh: '{file} 的 id “{id}” 与内置方案或修改后的副本重名，改名为 {newId} 打开。',
    en: 'The id “{id}” of {file} is taken by a bundled scenario or an edited copy: it was opened as {newId}.',
  },
  'file.replaced': {
    zh: '{file} 替换了本次会话中先前打开的同名方案 {id}。',
    en: '{file} replaces the scenario {id} opened earlier in this session.',
  },
  'file.invalid': {
    zh: '{file} 不是有效的方案文件，未打开（{n} 处错误）：',
    en: '{file} is not a valid scenario file and was not opened ({n} errors):',
  },
  'file.invalidOne': {
    zh: '{file} 不是有效的方案文件，未打开（1 处错误）：',
    en: '{file} is not a valid scenario file and was not opened (1 error):',
  },
  'file.moreErrors': { zh: '另有 {n} 处错误。', en: '{n} more errors.' },
  'file.tooLarge': {
    zh: '{file} 有 {size}，超过方案文件的上限 {max}，未打开。',
    en: '{file} is {size}, more than the {max} a scenario file may be: it was not opened.',
  },
  'file.unreadable': { zh: '无法读取 {file}：{reason}', en: 'Cannot read {file}: {reason}' },
  'file.notKept': {
    zh: '{id} 无法保存到本次会话（浏览器存储已满或被禁用）：刷新页面后需重新打开。',
    en: '{id} could not be kept for the session (browser storage full or blocked): after a reload, open it again.',
  },
  'file.wholeFile': { zh: '（整个文件）', en: '(whole file)' },
  'file.origin': { zh: '本机文件 {file}', en: 'local file {file}' },
  'file.forget': { zh: '移除', en: 'Remove' },
  'file.forgetTitle': {
    zh: '从本次会话中移除此打开的文件',
    en: 'Remove this opened file from the session',
  },
  'download.json': { zh: 'JSON', en: 'JSON' },
  'download.jsonTitle': {
    zh: '下载为方案文件（可直接用 npm run simulate -- --scenario <文件> 运行）',
    en: 'Download as a scenario file (runs as it is with npm run simulate -- --scenario <file>)',
  },
});
