/**
 * A Preact host for one Observable Plot. It owns the SVG: each new `options` replaces it, unmount removes it.
 * `onPlot` receives the element so a widget can place cheap overlays (playhead, operating point) with the
 * plot's own scales instead of re-rendering the whole SVG every animation frame.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { PlotOptions } from '@observablehq/plot';
import type { ComponentChildren } from 'preact';
import { renderPlot, type PlotElement } from './plot-dom';

interface Props {
  options: PlotOptions | null;
  label: string;
  describedBy?: string;
  onPlot?: (el: PlotElement | null) => void;
  children?: ComponentChildren;
}

export function PlotFigure({ options, label, describedBy, onPlot, children }: Props) {
  const host = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const div = host.current;
    if (!div || !options) return undefined;
    const el = renderPlot(options, describedBy ? { label, describedBy } : { label });
    div.replaceChildren(el);
    onPlot?.(el);
    return () => {
      el.remove();
      onPlot?.(null);
    };
  }, [options, label, describedBy, onPlot]);
  return (
    <div class="cl-plot">
      <div ref={host} />
      {children}
    </div>
  );
}
