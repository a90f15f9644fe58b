/**
 * Pure: one panel of the clipping view -> Observable Plot options. The waveform's min/max outline, dashed rules at
 * ±1 (0 dBFS, labelled), what goes beyond them drawn thick, and each place with samples over 0 dBFS marked by a ✕
 * and a dotted vertical line, so the overs are found by shape, not by colour alone.
 */
import * as Plot from '@observablehq/plot';
import type { ClipPanel } from './model';
import { HALO, SERIES } from '../shared/palette';
import { linearTicks } from '../shared/ticks';
import { PLOT_STYLE } from '../shared/axes';

export function clipPanelPlot(
  p: ClipPanel,
  { width, durationS, extent, color }: { width: number; durationS: number; extent: number; color: string },
): Plot.PlotOptions {
  const top = Math.ceil(extent * 4) / 4 + 0.25;
  const places = p.overs.places.map((o) => ({ ...o, mid: (o.startS + o.endS) / 2 }));
  // The part of the outline beyond full scale, drawn thick over it: what a converter would cut off.
  const beyond = p.outline.flatMap((c) => [
    ...(c.max > 1 ? [{ timeS: c.timeS, from: 1, to: c.max }] : []),
    ...(c.min < -1 ? [{ timeS: c.timeS, from: -1, to: c.min }] : []),
  ]);
  return {
    width: Math.round(Math.max(width, 260)),
    height: 150,
    marginLeft: 44,
    marginRight: 12,
    marginTop: 18,
    marginBottom: 30,
    style: PLOT_STYLE,
    x: {
      domain: [0, durationS],
      ticks: linearTicks([0, durationS], 8),
      label: 'Time (s) →',
      labelAnchor: 'right',
      labelArrow: 'none',
    },
    y: { domain: [-top, top], ticks: [-1, 0, 1], label: null },
    marks: [
      Plot.areaY(p.outline, { x: 'timeS', y1: 'min', y2: 'max', fill: color, fillOpacity: 0.7 }),
      Plot.ruleY([-1, 1], { stroke: SERIES.threshold.color, strokeDasharray: SERIES.threshold.dash, strokeWidth: 1.5 }),
      Plot.text([1], {
        x: 0,
        y: 1,
        dy: -6,
        dx: 2,
        textAnchor: 'start',
        text: () => '0 dBFS',
        fill: 'currentColor',
        stroke: HALO,
        strokeWidth: 3,
        paintOrder: 'stroke',
        ariaHidden: 'true',
      }),
      Plot.ruleX(beyond, { x: 'timeS', y1: 'from', y2: 'to', stroke: SERIES.measured.color, strokeWidth: 3 }),
      Plot.dot(places, { x: 'mid', y: top, symbol: 'times', r: 5, stroke: 'currentColor', strokeWidth: 2 }),
      Plot.ruleX(places, {
        x: 'mid',
        y1: -top,
        y2: top,
        stroke: 'currentColor',
        strokeOpacity: 0.5,
        strokeDasharray: '1 2',
      }),
    ],
  };
}
