/**
 * Pure: gain-meter model -> Observable Plot options. A horizontal bar that grows from 0 dB towards the right as
 * reduction increases, a tick for the clip's largest reduction (labelled "max"), and a dB scale.
 */
import * as Plot from '@observablehq/plot';
import type { GainMeterModel } from './model';
import { SERIES } from '../shared/palette';
import { linearTicks } from '../shared/ticks';

export function gainMeterPlot(m: GainMeterModel, { width }: { width: number }): Plot.PlotOptions {
  const domain: [number, number] = [0, m.rangeDb];
  const marks: Plot.Markish[] = [
    Plot.barX([{ from: 0, to: m.rangeDb }], {
      x1: 'from',
      x2: 'to',
      fill: 'currentColor',
      fillOpacity: 0.08,
      ariaHidden: 'true',
    }),
    Plot.barX([{ from: 0, to: m.nowDb }], {
      x1: 'from',
      x2: 'to',
      fill: SERIES.applied.color,
    }),
  ];
  if (m.maxDb !== null && m.maxDb > 0) {
    const maxDb = Math.min(m.maxDb, m.rangeDb);
    marks.push(
      Plot.tickX([maxDb], { x: (d: number) => d, stroke: 'currentColor', strokeWidth: 2 }),
      Plot.text([maxDb], {
        x: (d: number) => d,
        text: () => 'max',
        dy: -16,
        fill: 'currentColor',
        ariaHidden: 'true',
      }),
    );
  }
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
    y: { axis: null },
    marks,
  };
}
