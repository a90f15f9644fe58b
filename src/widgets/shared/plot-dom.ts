/**
 * Renders Observable Plot options to an element and fixes what axe objects to: Plot puts `aria-label` on `<g>`
 * elements without a role (aria-prohibited-attr), so every labelled `<g>` gets role="group", and on its frame
 * `<rect>`, where the label is dropped. The root SVG gets
 * role="img", its label, and a link to the live text description. Works with any Document (jsdom in tests).
 */
import * as Plot from '@observablehq/plot';

export interface PlotAria {
  label: string;
  /** id of the element that describes the plot in words. */
  describedBy?: string;
}

export type PlotElement = (SVGSVGElement | HTMLElement) & Plot.Plot;

export function fixPlotAria(root: Element): void {
  for (const el of Array.from(root.querySelectorAll('[aria-label]'))) {
    if (el.hasAttribute('role')) continue;
    // A labelled <g> becomes a group; a bare labelled shape (Plot's frame <rect>) has no role that allows a name.
    if (el.tagName.toLowerCase() === 'g') el.setAttribute('role', 'group');
    else el.removeAttribute('aria-label');
  }
}

export function renderPlot(options: Plot.PlotOptions, aria: PlotAria, document?: Document): PlotElement {
  const el = Plot.plot(document ? { ...options, document } : options);
  fixPlotAria(el);
  const svg = el.tagName.toLowerCase() === 'svg' ? el : el.querySelector('svg');
  if (svg) {
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', aria.label);
    if (aria.describedBy) svg.setAttribute('aria-describedby', aria.describedBy);
  }
  return el;
}
