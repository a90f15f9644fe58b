/**
 * Pure: gain-meter model -> the meter's frame as Observable Plot options (the dB scale and the empty track: they
 * change only with the full scale or the width) and its series (shared/series-layer.ts: a bar that grows from
 * 0 dB towards the right as reduction increases, and a tick for the clip's largest reduction, labelled "max"), so
 * a new reading or render rewrites a few attributes instead of the whole plot.
 */
import * as Plot from '@observablehq/plot';
import type { GainMeterModel } from './model';
import type { SeriesSpec } from '../shared/series-layer';
import { SERIES } from '../shared/palette';
import { linearTicks } from '../shared/ticks';

export function gainMeterPlot(m: Pick<GainMeterModel, 'rangeDb'>, { width }: { width: number }): Plot.PlotOptions {
  const domain: [number, number] = [0, m.rangeDb];
  // The track spans the frame's full height: y runs 0 to 1 (no axis), so the series can be placed on it.
  const marks: Plot.Markish[] = [
    Plot.rect([{ from: 0, to: m.rangeDb }], {
      x1: 'from',
      x2: 'to',
      y1: () => 0,
      y2: () => 1,
      fill: 'currentColor',
      fillOpacity: 0.08,
      ariaHidden: 'true',
    }),
  ];
  return {
    width: Math.round(Math.min(width, 480)),
    height: 72,
    marginLeft: 12,
    marginRight: 16,
    marginTop: 18,
    marginBottom: 34,
    style: { fontSize: '11px', overflow: 'visible', background: 'transparent' },
    x: {
      domain,
      ticks: linearTicks(domain, 6),
      tickFormat: (d: number) => String(d),
      label: 'Gain reduction (dB) →',
      labelAnchor: 'right',
      labelArrow: 'none',
      labelOffset: 30,
    },
    y: { domain: [0, 1], axis: null },
    marks,
  };
}

/** The reading as a bar from 0 dB, and the clip's largest reduction as a tick labelled "max" (within the scale). */
export function gainMeterSeries(m: GainMeterModel): SeriesSpec[] {
  const series: SeriesSpec[] = [{ kind: 'rect', x: [0, m.nowDb], y: [0], style: { fill: SERIES.applied.color } }];
  if (m.maxDb !== null && m.maxDb > 0) {
    const maxDb = Math.min(m.maxDb, m.rangeDb);
    series.push(
      { kind: 'rules', x: [maxDb], y: [0], y2: 1, style: { stroke: 'currentColor', 'stroke-width': 2 } },
      // 16 px above the middle, less Plot's 0.32 em that centres a text mark's line on its point (11 px font).
      { kind: 'text', x: [maxDb], y: [0.5], text: 'max', dy: -12.5, style: { fill: 'currentColor' } },
    );
  }
  return series;
}
