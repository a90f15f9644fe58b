/**
 * Pure: waveform model -> Observable Plot options for the frame, axes and labels (they change only with the
 * visible window, the width and the layout) and the series drawn into it (shared/series-layer.ts: a new render
 * rewrites only their paths). Before and after are min/max bands, either overlaid (the original as a pale band
 * with a dashed outline, the compressed audio as a solid band in front) or stacked in two labelled rows.
 * Amplitude is linear (−1..1, full scale), time in seconds.
 */
import * as Plot from '@observablehq/plot';
import type { WaveformModel } from './model';
import type { SeriesSpec } from '../shared/series-layer';
import { HALO, SERIES } from '../shared/palette';
import { linearTicks } from '../shared/ticks';

export type WaveLayout = 'overlay' | 'stacked';

export interface WaveformPlotOptions {
  width: number;
  layout: WaveLayout;
}

export function waveformPlot(
  m: Pick<WaveformModel, 'window'>,
  { width, layout }: WaveformPlotOptions,
): Plot.PlotOptions {
  const xDomain: [number, number] = [m.window.startS, m.window.endS];
  const yDomain: [number, number] = [-1, 1];
  const x: Plot.ScaleOptions = {
    domain: xDomain,
    ticks: linearTicks(xDomain, Math.max(2, Math.floor(width / 90))),
    label: 'Time (s) →',
    labelAnchor: 'right',
    labelArrow: 'none',
  };
  const y: Plot.ScaleOptions = { domain: yDomain, ticks: [-1, 0, 1], label: null };
  const base = {
    width: Math.round(width),
    marginLeft: 44,
    marginRight: 12,
    marginTop: 8,
    marginBottom: 32,
    style: { fontSize: '11px', overflow: 'visible', background: 'transparent' },
    x,
    y,
  };
  if (layout === 'stacked') {
    return {
      ...base,
      height: 260,
      fy: { domain: ['Before', 'After'], label: null, axis: null },
      marks: [
        Plot.frame({ stroke: 'currentColor', strokeOpacity: 0.2 }),
        Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.3 }),
        Plot.text(
          [
            { which: 'Before', label: SERIES.before.label },
            { which: 'After', label: SERIES.after.label },
          ],
          {
            fy: 'which',
            text: 'label',
            frameAnchor: 'top-left',
            dx: 4,
            dy: 4,
            fill: 'currentColor',
            stroke: HALO,
            strokeWidth: 4,
            paintOrder: 'stroke',
          },
        ),
      ],
    };
  }
  return {
    ...base,
    height: 180,
    marks: [
      Plot.frame({ stroke: 'currentColor', strokeOpacity: 0.2 }),
      Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.3 }),
    ],
  };
}

/** The bands: overlaid (the original pale with a dashed outline, the compressed audio solid in front) or stacked. */
export function waveformSeries(m: WaveformModel, layout: WaveLayout): SeriesSpec[] {
  const t = m.columns.map((c) => c.t);
  const before = {
    x: t,
    y: m.columns.map((c) => c.beforeMax),
    y2: m.columns.map((c) => c.beforeMin),
  };
  const after = { x: t, y: m.columns.map((c) => c.afterMax), y2: m.columns.map((c) => c.afterMin) };
  if (layout === 'stacked') {
    return [
      { kind: 'area', ...before, facet: 'Before', style: { fill: SERIES.before.color } },
      { kind: 'area', ...after, facet: 'After', style: { fill: SERIES.after.color } },
    ];
  }
  return [
    {
      kind: 'area',
      ...before,
      style: {
        fill: SERIES.before.color,
        'fill-opacity': 0.3,
        stroke: SERIES.before.color,
        'stroke-dasharray': SERIES.before.dash,
        'stroke-width': 1,
      },
    },
    { kind: 'area', ...after, style: { fill: SERIES.after.color, 'fill-opacity': 0.85 } },
  ];
}
