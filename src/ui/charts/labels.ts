/** Label sizes for charts (图表标签宽度): how wide a label will draw, to size a chart's margins. */

/** Rough width in pixels of `text` at 11px: CJK characters are square, others about half as wide. */
export function labelWidth(text: string): number {
  let px = 0;
  for (const ch of text) px += ch.codePointAt(0)! >= 0x2e80 ? 11 : 6.2;
  return Math.ceil(px);
}
