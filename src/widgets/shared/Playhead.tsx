/** The playhead as a thin overlay line placed with the plot's own x scale, so playback never re-renders the SVG. */
import type { Lab } from '../../state/lab';
import type { PlotElement } from './plot-dom';

export function Playhead({ lab, plot }: { lab: Lab; plot: PlotElement | null }) {
  const t = lab.playheadS.value;
  const x = plot?.scale('x');
  if (!plot || !x || !lab.clip.value || (!lab.playing.value && t <= 0)) return null;
  const [d0, d1] = (x.domain ?? [0, 0]) as [number, number];
  if (t < d0 || t > d1) return null;
  const height = Number(plot.getAttribute('height') ?? 0);
  return (
    <span
      class="cl-overlay-line"
      style={{ left: `${Number(x.apply(t))}px`, height: `${height}px` }}
      aria-hidden="true"
    />
  );
}
