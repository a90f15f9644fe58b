/**
 * The threshold as a dashed, labelled horizontal overlay on a level plot, placed with the plot's own y scale, so a
 * threshold change moves one element instead of re-rendering the plot.
 */
import type { PlotElement } from './plot-dom';
import { formatDbShort } from './describe';

export function ThresholdLine({ plot, thresholdDb }: { plot: PlotElement | null; thresholdDb: number }) {
  const x = plot?.scale('x');
  const y = plot?.scale('y');
  if (!plot || !x || !y) return null;
  const [x0, x1] = (x.range ?? [0, 0]) as [number, number];
  const top = Number(y.apply(thresholdDb));
  return (
    <span
      class="cl-overlay-threshold"
      style={{ left: `${Math.min(x0, x1)}px`, width: `${Math.abs(x1 - x0)}px`, top: `${top}px` }}
      aria-hidden="true"
    >
      <span class="cl-overlay-threshold-label">Threshold {formatDbShort(thresholdDb)}</span>
    </span>
  );
}
