/**
 * The clearing chain (清算链条): for each pair of pooling areas where one owes the other for quota
 * payments (C1), the path the money takes — pooling area → province → national → province →
 * pooling area across provinces (C3, C4), or pooling area → province → pooling area within one
 * (C4) — drawn as SVG, with the amount owed so far and what the current step added.
 */
import type { AreaDebt, StoryFrame } from '../../scenario/storyRun';
import { el } from '../dom';
import { formatFen } from '../../text/format';
import type { StoryLabels } from './labels';
import { fill, trainerMessages as M } from './messages';

/** What one pooling area owes another so far, and how much of it the current step added. */
export interface DebtPair {
  fromArea: string;
  toArea: string;
  totalFen: number;
  stepFen: number;
}

/** The province of a pooling-area code: its first two digits. */
const provinceOf = (area: string) => area.slice(0, 2);

/** Adds up the debts of `frames` by (owing area, owed area); the last frame's debts count as this step's. */
export function debtPairs(frames: readonly StoryFrame[]): DebtPair[] {
  const pairs = new Map<string, DebtPair>();
  const add = (d: AreaDebt, current: boolean) => {
    const key = `${d.fromArea}>${d.toArea}`;
    const p = pairs.get(key) ?? { fromArea: d.fromArea, toArea: d.toArea, totalFen: 0, stepFen: 0 };
    p.totalFen += d.amountFen;
    if (current) p.stepFen += d.amountFen;
    pairs.set(key, p);
  };
  frames.forEach((f, i) => f.debts.forEach((d) => add(d, i === frames.length - 1)));
  return [...pairs.values()];
}

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 960;
const BOX = { w: 150, h: 56 };

/** Creates an SVG element with attributes. */
function svg<K extends keyof SVGElementTagNameMap>(
  doc: Document,
  tag: K,
  attrs: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const node = doc.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** One drawn node: which level of the chain and the place's name. */
interface ChainNode {
  level: 'area' | 'province' | 'national';
  name: string;
}

/** Draws one chain of nodes joined by arrows labelled with rule ids. */
function drawChain(
  doc: Document,
  nodes: readonly ChainNode[],
  rules: readonly string[],
  active: boolean,
  labels: StoryLabels,
): SVGSVGElement {
  const lang = labels.lang;
  const height = BOX.h + 34;
  const root = svg(doc, 'svg', {
    viewBox: `0 0 ${WIDTH} ${height}`,
    class: `chain${active ? ' active' : ''}`,
    role: 'img',
  });
  const markerId = `arrow-${active ? 'a' : 'i'}`;
  const defs = svg(doc, 'defs', {});
  const marker = svg(doc, 'marker', {
    id: markerId,
    viewBox: '0 0 10 10',
    refX: 9,
    refY: 5,
    markerWidth: 10,
    markerHeight: 10,
    markerUnits: 'userSpaceOnUse',
    orient: 'auto',
  });
  marker.append(svg(doc, 'path', { d: 'M0,0 L10,5 L0,10 z', class: 'chain-arrowhead' }));
  defs.append(marker);
  root.append(defs);
  const gap = (WIDTH - nodes.length * BOX.w) / (nodes.length - 1 || 1);
  const x = (i: number) => i * (BOX.w + gap);
  const top = 26;
  nodes.forEach((n, i) => {
    const g = svg(doc, 'g', { class: `chain-node level-${n.level}` });
    g.append(
      svg(doc, 'rect', { x: x(i) + 1, y: top, width: BOX.w - 2, height: BOX.h, rx: 6 }),
      svg(
        doc,
        'text',
        { x: x(i) + BOX.w / 2, y: top + 20, class: 'chain-level', 'text-anchor': 'middle' },
        M[`chain.${n.level}`][lang],
      ),
      svg(
        doc,
        'text',
        { x: x(i) + BOX.w / 2, y: top + 42, class: 'chain-name', 'text-anchor': 'middle' },
        n.name,
      ),
    );
    root.append(g);
  });
  rules.forEach((rule, i) => {
    const x1 = x(i) + BOX.w + 4;
    const x2 = x(i + 1) - 4;
    const y = top + BOX.h / 2;
    root.append(
      svg(doc, 'line', { x1, y1: y, x2, y2: y, class: 'chain-edge', 'marker-end': `url(#${markerId})` }),
      svg(doc, 'text', { x: (x1 + x2) / 2, y: top - 8, class: 'chain-rule', 'text-anchor': 'middle' }, rule),
    );
  });
  return root;
}

/** Renders the clearing chains of `pairs` into `host`. */
export function renderChain(host: HTMLElement, pairs: readonly DebtPair[], labels: StoryLabels): void {
  const doc = host.ownerDocument;
  const lang = labels.lang;
  const title = el(doc, 'h3', {}, M.chain[lang]);
  if (pairs.length === 0) {
    host.replaceChildren(title, el(doc, 'p', { class: 'note' }, M['chain.none'][lang]));
    return;
  }
  const blocks = pairs.map((p) => {
    const fromProv = provinceOf(p.fromArea);
    const toProv = provinceOf(p.toArea);
    const cross = fromProv !== toProv;
    const nodes: ChainNode[] = cross
      ? [
          { level: 'area', name: labels.place(p.fromArea) },
          { level: 'province', name: labels.place(fromProv) },
          { level: 'national', name: lang === 'zh' ? '国家医保局' : 'NHSA' },
          { level: 'province', name: labels.place(toProv) },
          { level: 'area', name: labels.place(p.toArea) },
        ]
      : [
          { level: 'area', name: labels.place(p.fromArea) },
          { level: 'province', name: labels.place(fromProv) },
          { level: 'area', name: labels.place(p.toArea) },
        ];
    const rules = cross ? ['C4', 'C3', 'C3', 'C4'] : ['C4', 'C4'];
    const values = {
      from: labels.place(p.fromArea),
      to: labels.place(p.toArea),
      fromProv: labels.place(fromProv),
      toProv: labels.place(toProv),
      amount: formatFen(p.totalFen, lang),
    };
    const sentence = fill(M[cross ? 'chain.cross' : 'chain.within'][lang], values);
    const chart = drawChain(doc, nodes, rules, p.stepFen > 0, labels);
    chart.setAttribute('aria-label', sentence);
    const amounts = el(
      doc,
      'p',
      { class: 'chain-amounts' },
      el(doc, 'strong', {}, fill(M['chain.total'][lang], { amount: formatFen(p.totalFen, lang) })),
      ...(p.stepFen > 0
        ? [
            ' · ',
            el(
              doc,
              'span',
              { class: 'chain-step' },
              fill(M['chain.thisStep'][lang], { amount: formatFen(p.stepFen, lang) }),
            ),
          ]
        : []),
    );
    return el(
      doc,
      'figure',
      { class: 'chain-figure', 'data-from': p.fromArea, 'data-to': p.toArea },
      chart,
      el(doc, 'figcaption', {}, amounts, el(doc, 'p', { class: 'note' }, sentence)),
    );
  });
  host.replaceChildren(title, ...blocks);
}
