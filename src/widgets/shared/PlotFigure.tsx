/**
 * A Preact host for one Observable Plot. It owns the SVG: each new `options` replaces it, unmount removes it.
 * `onPlot` receives the element so a widget can place cheap overlays (playhead, operating point) with the
 * plot's own scales instead of re-rendering the whole SVG every animation frame. `series` are the data lines and
 * bands, drawn into that SVG as plain paths (series-layer.ts): a change of data rewrites their `d` attributes and
 * leaves the frame and axes of `options` alone. Plot's renderer arrives with the
 * widget's plot code (use-lazy-plots.ts); until then, or if it cannot be downloaded, the host says so.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { PlotOptions } from '@observablehq/plot';
import type { ComponentChildren } from 'preact';
import type { PlotElement } from './plot-dom';
import { loadPlotDom, plotDomNow, plotLoadError } from './plot-loader';
import { drawSeries, type SeriesSpec } from './series-layer';

interface Props {
  options: PlotOptions | null;
  label: string;
  describedBy?: string;
  onPlot?: (el: PlotElement | null) => void;
  series?: readonly SeriesSpec[] | null;
  children?: ComponentChildren;
}

export function PlotFigure({ options, label, describedBy, onPlot, series, children }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const [dom, setDom] = useState(plotDomNow);
  const [plot, setPlot] = useState<PlotElement | null>(null);
  const latestSeries = useRef(series);
  latestSeries.current = series;
  useLayoutEffect(() => {
    if (dom || !options) return undefined;
    let live = true;
    // Options only exist once the widget's plot code has arrived, and the renderer with it: this is at most a
    // microtask away.
    loadPlotDom().then(
      (m) => live && setDom(() => m),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [dom, options]);
  useLayoutEffect(() => {
    const div = host.current;
    if (!div || !options || !dom) return undefined;
    const el = dom.renderPlot(options, describedBy ? { label, describedBy } : { label });
    if (latestSeries.current) drawSeries(el, latestSeries.current);
    div.replaceChildren(el);
    setPlot(el);
    onPlot?.(el);
    return () => {
      el.remove();
      setPlot(null);
      onPlot?.(null);
    };
  }, [dom, options, label, describedBy, onPlot]);
  useLayoutEffect(() => {
    if (plot && series) drawSeries(plot, series);
  }, [plot, series]);
  const failed = plotLoadError.value;
  return (
    <div class="cl-plot">
      <div ref={host} />
      {failed && !options && <p class="cl-status">{failed}</p>}
      {children}
    </div>
  );
}
