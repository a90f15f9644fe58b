/**
 * Renders Observable Plot options to SVG text in Node (jsdom), normalised for snapshots: numbers rounded to one
 * decimal, Plot's generated class names replaced, attributes kept in document order.
 */
import { JSDOM } from 'jsdom';
import type { PlotOptions } from '@observablehq/plot';
import { renderPlot, type PlotElement } from '../../../src/widgets/shared/plot-dom';
import { drawSeries, type SeriesSpec } from '../../../src/widgets/shared/series-layer';

export function svgOf(options: PlotOptions): Element {
  const { document } = new JSDOM('').window;
  return renderPlot(options, { label: 'test plot', describedBy: 'desc' }, document);
}

/** The frame of `options` with `series` drawn into it, as the widgets' PlotFigure shows them. */
export function svgWithSeries(options: PlotOptions, series: readonly SeriesSpec[]): Element {
  const el = svgOf(options);
  drawSeries(el as PlotElement, series);
  return el;
}

export function normaliseSvg(el: Element): string {
  return el.outerHTML
    .replace(/plot-[0-9a-f]{6}/g, 'plot-x')
    .replace(/-?\d+\.\d+/g, (n) => {
      const r = Math.round(Number(n) * 10) / 10;
      return String(r === 0 ? 0 : r);
    })
    .replace(/></g, '>\n<');
}
