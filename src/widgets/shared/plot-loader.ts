/**
 * Observable Plot (with d3, ~70 KB of JavaScript gzip) loads when a plot is about to be seen, not with the page:
 * a widget's island shows its controls and words at once and fetches its plot code once its plot area comes
 * within 200 px of the viewport (use-lazy-plots.ts). This module holds the one shared download of the code
 * that renders Plot options (plot-dom.ts) and whether a download failed.
 */
import { signal } from '@preact/signals';
import type * as PlotDomModule from './plot-dom';

type PlotDom = typeof PlotDomModule;

let loaded: PlotDom | null = null;
let pending: Promise<PlotDom> | null = null;

/** Why plot code could not be downloaded (null while all is well). */
export const plotLoadError = signal<string | null>(null);

/** Record a failed download in words (the page keeps working; a later attempt may succeed). */
export function reportPlotLoadError(error: unknown): void {
  const reason = error instanceof Error ? error.message : String(error);
  plotLoadError.value = `The plot could not be loaded (${reason}). Check the connection and reload the page.`;
}

/** Plot's renderer, downloaded once. */
export function loadPlotDom(): Promise<PlotDom> {
  pending ??= import('./plot-dom').then(
    (module) => {
      loaded = module;
      plotLoadError.value = null;
      return module;
    },
    (error: unknown) => {
      pending = null;
      throw error;
    },
  );
  return pending;
}

/** Plot's renderer if it has arrived. */
export function plotDomNow(): PlotDom | null {
  return loaded;
}
