/**
 * Pure: waveform model -> Observable Plot options. Before and after are min/max bands, either overlaid (the
 * original as a pale band with a dashed outline, the compressed audio as a solid band in front) or stacked in
 * two labelled rows. Amplitude is linear (−1..1, full scale), time in seconds.
 */
import * as Plot from '@observablehq/plot';
import type { WaveColumn, WaveformModel } from './model';
import { HALO, SERIES } from '../shared/palette';
import { linearTicks } from '../shared/ticks';

export type WaveLayout = 'overlay' | 'stacked';

export interface WaveformPlotOptions {
  width: number;
  layout: WaveLayout;
}

interface Band {
  t: number;
  min: number;
  max: number;
  which: string;
}

function bands(columns: readonly WaveColumn[]): Band[] {
  const out: Band[] = [];
  for (const c of columns) out.push({ t: c.t, min: c.beforeMin, max: c.beforeMax, which: 'Before' });
  for (const c of columns) out.push({ t: c.t, min: c.afterMin, max: c.afterMax, which: 'After' });
  return out;
}

export function waveformPlot(m: WaveformModel, { width, layout }: WaveformPlotOptions): Plot.PlotOptions {
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
  const before = m.columns.map((c) => ({ t: c.t, min: c.beforeMin, max: c.beforeMax }));
  const after = m.columns.map((c) => ({ t: c.t, min: c.afterMin, max: c.afterMax }));
  if (layout === 'stacked') {
    return {
      ...base,
      height: 260,
      fy: { domain: ['Before', 'After'], label: null, axis: null },
      marks: [
        Plot.frame({ stroke: 'currentColor', strokeOpacity: 0.2 }),
        Plot.areaY(bands(m.columns), {
          x: 't',
          y1: 'min',
          y2: 'max',
          fy: 'which',
          curve: 'linear',
          fill: (d: Band) => (d.which === 'Before' ? SERIES.before.color : SERIES.after.color),
          z: 'which',
        }),
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
      Plot.areaY(before, {
        x: 't',
        y1: 'min',
        y2: 'max',
        curve: 'linear',
        fill: SERIES.before.color,
        fillOpacity: 0.3,
        stroke: SERIES.before.color,
        strokeDasharray: SERIES.before.dash,
        strokeWidth: 1,
      }),
      Plot.areaY(after, {
        x: 't',
        y1: 'min',
        y2: 'max',
        curve: 'linear',
        fill: SERIES.after.color,
        fillOpacity: 0.85,
      }),
      Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.3 }),
    ],
  };
}
