/**
 * The width a chart is drawn at (图表宽度): the width of the box it goes into, so that its text is
 * drawn at its own size rather than shrunk with the whole picture on a narrow screen.
 */

/** The widest a chart is drawn (on a wide screen the page's column is about this wide). */
export const MAX_CHART_WIDTH = 1100;

/** The narrowest a chart is drawn (a phone held upright, less the page's margins). */
export const MIN_CHART_WIDTH = 280;

/**
 * The width for charts inside `box`: the content width (inside its padding) of `box` or, while it
 * is not laid out (hidden, or not yet shown), of its nearest ancestor that is; the window's width
 * less the page's margins when none is. Between {@link MIN_CHART_WIDTH} and {@link MAX_CHART_WIDTH}.
 */
export function chartWidth(
  box: Element,
  win: Pick<Window, 'innerWidth'> & Partial<Pick<Window, 'getComputedStyle'>>,
): number {
  let width = win.innerWidth - 64;
  for (let e: Element | null = box; e; e = e.parentElement) {
    if (e.clientWidth > 0) {
      const style = win.getComputedStyle?.(e);
      const padding =
        (Number.parseFloat(style?.paddingLeft ?? '') || 0) +
        (Number.parseFloat(style?.paddingRight ?? '') || 0);
      width = e.clientWidth - padding;
      break;
    }
  }
  return Math.floor(Math.max(MIN_CHART_WIDTH, Math.min(MAX_CHART_WIDTH, width)));
}
