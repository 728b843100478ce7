/**
 * The comparison's results on the page (比较结果): the sections of the last comparison loaded, drawn
 * at the width of the page and drawn again in another language or when the tile map's measure is
 * switched. Nothing is shown before the first comparison has loaded.
 */
import { placeNames } from '../../analytics/exportTables';
import type { I18n } from '../../text/i18n';
import { chartWidth } from '../charts/width';
import { el } from '../dom';
import type { WorkbenchServices } from '../view';
import type { CompareMessageKey } from './messages';
import type { ComparisonData } from './results';
import { comparisonSections } from './sections';
import type { TileMeasure } from './tileMapChart';

/** The results' element, and what fills it. */
export interface ResultsView {
  element: HTMLElement;
  /** Keeps `data` as the comparison to show (drawn at the next {@link ResultsView.render}). */
  set(data: ComparisonData): void;
  /** Draws the comparison kept, in the dictionary's current language (nothing before the first). */
  render(): void;
}

/** Builds the results' element; `onError` hears what a section could not do (a download, a query). */
export function createResultsView(
  doc: Document,
  i18n: I18n<CompareMessageKey>,
  services: WorkbenchServices,
  onError: (error: unknown) => void,
): ResultsView {
  const element = el(doc, 'div', { class: 'results' });
  let data: ComparisonData | null = null;
  let measure: TileMeasure = 'net';
  const render = (): void => {
    if (!data) {
      element.replaceChildren();
      return;
    }
    const sections = comparisonSections(data, {
      doc,
      lang: i18n.lang,
      t: (key) => i18n.t(key),
      db: () => services.database(),
      places: placeNames(services.runs.population().dataset),
      width: chartWidth(element, doc.defaultView ?? { innerWidth: 1100 }),
      measure,
      onMeasure: (m) => {
        measure = m;
        render();
      },
      onError,
    });
    element.replaceChildren(...sections);
  };
  return {
    element,
    set(next) {
      data = next;
    },
    render,
  };
}
